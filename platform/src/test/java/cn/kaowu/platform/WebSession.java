package cn.kaowu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session (cookies, CSRF tokens from forms, redirects not followed) for testing pages
 * without a browser.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http;

	/** What a browser asks for, so error answers are pages as a person would see them. */
	private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

	private final String base;

	private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * The address this "browser" logs in from (X-Forwarded-For from the trusted loopback proxy of the test profile):
	 * each session its own, so failed logins of unrelated tests never add up to the per-IP login limit.
	 */
	private final String clientAddress = clientAddress();

	static String clientAddress() {
		int n = CLIENTS.incrementAndGet();
		return "10.99." + (n / 250 % 250) + "." + (n % 250 + 1);
	}

	private final CookieManager cookies;

	public WebSession(int port) {
		this(port, new CookieManager());
	}

	private WebSession(int port, CookieManager cookies) {
		this(port, cookies, HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	private WebSession(int port, CookieManager cookies, HttpClient http) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = http;
	}

	/** The same browser (same cookies) talking to another server: another platform node behind a load balancer. */
	public WebSession on(int port) {
		return new WebSession(port, cookies, http);
	}

	/** This browser's HTTP client (its cookies, no redirects followed), for requests the methods here do not make. */
	public HttpClient client() {
		return http;
	}

	/** The value of a cookie this browser holds (e.g. {@code SESSION}), or null. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public record Page(int status, String body, String location) {
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", ACCEPT).GET().build());
	}

	/** Posts a form; the CSRF token is taken from the page at {@code formPage}. */
	public Page post(String formPage, String action, Map<String, String> fields) {
		return post(formPage, action, fields, Map.of());
	}

	private Page post(String formPage, String action, Map<String, String> fields, Map<String, String> headers) {
		Matcher m = CSRF.matcher(get(formPage).body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (m.find()) {
			all.put("_csrf", m.group(1));
		}
		String body = all.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + action))
			.timeout(TIMEOUT)
			.header("Accept", ACCEPT)
			.header("Content-Type", "application/x-www-form-urlencoded");
		headers.forEach(request::header);
		return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** The TOTP secret on the enrolment page ({@code #totp-secret}), group 1. */
	public static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CONTINUE = Pattern.compile("id=\"continue\"[^>]*href=\"([^\"]+)\"");

	/**
	 * Logs in as a person would, the second factor included: ORG, PROVINCE and ADMIN accounts enrol on their first
	 * login (the secret read from the enrolment page, see {@link TotpCodes}) and type the current code afterwards.
	 * The answer is the last redirect, as after a plain password login: to "/", the page asked for, or the password
	 * page.
	 */
	public Page login(String username, String password) {
		Map<String, String> from = Map.of("X-Forwarded-For", clientAddress);
		Page page = post("/login", "/login", Map.of("username", username, "password", password), from);
		if (page.location().endsWith("/login/totp")) {
			return post("/login/totp", "/login/totp", Map.of("code", TotpCodes.next(username)), from);
		}
		if (page.location().endsWith("/login/totp/enrol")) {
			Matcher secret = TOTP_SECRET.matcher(get("/login/totp/enrol").body());
			if (!secret.find()) {
				throw new IllegalStateException("no TOTP secret on the enrolment page");
			}
			TotpCodes.remember(username, secret.group(1));
			Page enrolled = post("/login/totp/enrol", "/login/totp/enrol", Map.of("code", TotpCodes.next(username)),
					from);
			if (!enrolled.location().endsWith("/account/recovery-codes")) {
				return enrolled;
			}
			Matcher next = CONTINUE.matcher(get("/account/recovery-codes").body());
			return new Page(302, "", next.find() ? next.group(1) : "/");
		}
		return page;
	}

	/** Posts a form without the CSRF token (a forged cross-site post). */
	public Page postWithoutCsrf(String action, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.timeout(TIMEOUT)
			.header("Accept", ACCEPT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** The password step only (for tests of the second factor itself). */
	public Page loginPasswordOnly(String username, String password) {
		return post("/login", "/login", Map.of("username", username, "password", password),
				Map.of("X-Forwarded-For", clientAddress));
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
