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

	public WebSession(int port) {
		this(port, HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	private WebSession(int port, HttpClient http) {
		this.base = "http://localhost:" + port;
		this.http = http;
	}

	/** The same browser (same cookies) talking to another server: another platform node behind a load balancer. */
	public WebSession on(int port) {
		return new WebSession(port, http);
	}

	public record Page(int status, String body, String location) {
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", ACCEPT).GET().build());
	}

	/** Posts a form; the CSRF token is taken from the page at {@code formPage}. */
	public Page post(String formPage, String action, Map<String, String> fields) {
		Matcher m = CSRF.matcher(get(formPage).body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (m.find()) {
			all.put("_csrf", m.group(1));
		}
		String body = all.entrySet()
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

	public Page login(String username, String password) {
		return post("/login", "/login", Map.of("username", username, "password", password));
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
