package cn.kaowu.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.security.AccessRules.Rule;
import cn.kaowu.platform.security.AccessRules.Scoping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 part 1, the access-control matrix: every endpoint of the running application (pages and {@code /api/v1})
 * × every {@link Role} and an anonymous caller, with path ids of the caller's own organisation and of another
 * organisation (IDOR), checked against {@code access-rules.tsv} ({@link AccessRules}).
 * <p>
 * Two worlds are built with {@link ScheduleMother} (each: province, city, college with an approved site, ORG with
 * certificate, published plan with candidates, rooms, staff and invigilators). Every role logs in to world A; world
 * B supplies the foreign ids. A denied role must meet 401/403 (pages: the login redirect or 403), or 404; an allowed
 * role with its own ids must not; an id of world B must answer exactly like a made-up id (never 2xx); nothing may
 * answer 5xx. Requests carry an empty body ({@code {}} or an empty form): 400/409/415/422 count as "through the door"
 * for allowed roles, and as "not decided" for denied ones (validation ran before the role check), counted in the
 * summary. Run with {@code -Dkaowu.matrix.record=true} to write the observed rules to
 * {@code target/access-observed.tsv} instead of asserting.
 */
@IntegrationTest
class AccessMatrixTest {

	/** An id no table reaches in a test database. */
	static final String MISSING = "987654321";

	private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern VAR = Pattern.compile("\\{([a-zA-Z]+)}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Every (method, pattern) the application answers, from Spring MVC's own mapping. */
	Set<String> inventory() {
		Set<String> endpoints = new TreeSet<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add(Rule.key("GET", pattern));
				}
				methods.forEach(m -> endpoints.add(Rule.key(m.name(), pattern)));
			}
		});
		return endpoints;
	}

	@Test
	void everyEndpointHasARuleAndEveryRuleAnEndpoint() {
		Set<String> endpoints = inventory();
		AccessRules rules = AccessRules.load();
		List<String> withoutRule = endpoints.stream().filter(e -> !rules.byEndpoint().containsKey(e)).toList();
		List<String> withoutEndpoint = rules.byEndpoint().keySet().stream().filter(k -> !endpoints.contains(k)).toList();
		assertThat(withoutRule).as("endpoints without a rule in %s (add a line: METHOD<tab>PATTERN<tab>WHO<tab>SCOPE)",
				AccessRules.FILE).isEmpty();
		assertThat(withoutEndpoint).as("rules in %s whose endpoint no longer exists", AccessRules.FILE).isEmpty();
		assertThat(endpoints).hasSizeGreaterThan(400);
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** The kinds of owned objects a path variable can name, with an id of each in both worlds. */
	enum Kind {
		PLAN, SITE, CERTIFICATE, LEVEL, SUBJECT, PLAN_SUBJECT, CANDIDATE, STAFF, ROOM, INVIGILATOR, REGISTRATION,
		PILOT_APPLICATION, PILOT_BATCH, COLLEGE, PROVINCE, ORGANISATION, ACCOUNT
	}

	/** A world's ids, by kind. */
	record Ids(Map<Kind, Long> ids) {
	}

	/** Which kind a path variable names, from its name or (for {@code {id}}) the segment before it. */
	static Kind kind(String pattern, String previous, String variable) {
		switch (variable) {
			case "planId":
				return Kind.PLAN;
			case "siteId":
				return Kind.SITE;
			case "certificateId":
				return Kind.CERTIFICATE;
			case "collegeId":
				return Kind.COLLEGE;
			case "provinceId":
				return Kind.PROVINCE;
			case "planSubjectId":
				return Kind.PLAN_SUBJECT;
			case "levelId":
				return Kind.LEVEL;
			case "subjectId":
				return Kind.SUBJECT;
			case "accountId":
				return Kind.ACCOUNT;
			case "id":
				break;
			default:
				return null;
		}
		return switch (previous) {
			case "plans" -> Kind.PLAN;
			case "sites" -> Kind.SITE;
			case "candidates" -> Kind.CANDIDATE;
			case "staff" -> Kind.STAFF;
			case "members" -> pattern.startsWith("/staff/members/") ? Kind.STAFF : null;
			case "rooms" -> Kind.ROOM;
			case "invigilators" -> Kind.INVIGILATOR;
			case "organisations", "orgs" -> Kind.ORGANISATION;
			case "accounts" -> Kind.ACCOUNT;
			case "certificates" -> Kind.CERTIFICATE;
			case "levels" -> Kind.LEVEL;
			case "subjects" -> Kind.SUBJECT;
			case "registrations" -> Kind.REGISTRATION;
			case "applications" -> pattern.contains("/pilot/") ? Kind.PILOT_APPLICATION : null;
			case "batches" -> Kind.PILOT_BATCH;
			default -> null;
		};
	}

	/** The path with every variable filled; {@code null} ids where a variable cannot be bound. */
	record Paths(String own, String foreign, String missing, boolean bound, boolean owned, boolean hasVariables) {
	}

	static Paths paths(String pattern, Ids own, Ids foreign) {
		String[] segments = pattern.split("/");
		StringBuilder o = new StringBuilder();
		StringBuilder f = new StringBuilder();
		StringBuilder m = new StringBuilder();
		boolean bound = true;
		boolean variables = false;
		boolean owned = false;
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			Matcher v = VAR.matcher(segment);
			String os = segment;
			String fs = segment;
			String ms = segment;
			if (v.find()) {
				variables = true;
				String name = v.group(1);
				Kind kind = kind(pattern, segments[i - 1], name);
				String literal = switch (name) {
					case "year" -> String.valueOf(Year.now().getValue());
					case "day" -> Year.now().getValue() + "-10-01";
					default -> null;
				};
				String ov;
				String fv;
				if (kind != null) {
					ov = String.valueOf(own.ids().get(kind));
					fv = String.valueOf(foreign.ids().get(kind));
					owned = true;
				}
				else if (literal != null) {
					ov = literal;
					fv = literal;
				}
				else {
					ov = MISSING;
					fv = MISSING;
					bound = false;
				}
				os = v.replaceFirst(ov);
				fs = v.replaceFirst(fv);
				ms = v.replaceFirst(kind != null ? MISSING : ov);
			}
			o.append('/').append(os);
			f.append('/').append(fs);
			m.append('/').append(ms);
		}
		if (pattern.equals("/")) {
			return new Paths("/", "/", "/", true, false, false);
		}
		return new Paths(o.toString(), f.toString(), m.toString(), bound, bound && owned, variables);
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** A logged-in person (or nobody, role {@code null}): a browser session with its CSRF token and a bearer token. */
	final class Caller {

		final Role role;

		/** The browser: logs in as a person would, second factor included ({@link WebSession#login}). */
		final WebSession session = new WebSession(port);

		final HttpClient browser = session.client();

		String csrf = "";

		String token;

		Caller(Role role, AccountView account) {
			this.role = role;
			if (account == null) {
				Matcher m = FORM_CSRF.matcher(session.get("/login").body());
				if (m.find()) {
					csrf = m.group(1);
				}
			}
			else {
				WebSession.Page login = session.login(account.username(), TestWorld.PASSWORD);
				assertThat(login.location()).as("login of %s", role).doesNotContain("/login");
				Matcher meta = META_CSRF.matcher(sendText(browser, HttpRequest.newBuilder(uri("/")).GET()).body());
				assertThat(meta.find()).as("CSRF token on the home page of %s", role).isTrue();
				csrf = meta.group(1);
				HttpResponse<String> t = sendText(HttpClient.newHttpClient(),
						HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + account.username()
									+ "\",\"password\":\"" + TestWorld.PASSWORD + "\""
									+ cn.kaowu.platform.TotpCodes.secret(account.username())
										.map(x -> ",\"totp\":\"" + cn.kaowu.platform.TotpCodes.next(account.username()) + "\"")
										.orElse("")
									+ "}")));
				assertThat(t.statusCode()).as("token of %s", role).isEqualTo(201);
				Matcher tm = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(t.body());
				assertThat(tm.find()).isTrue();
				token = tm.group(1);
			}
		}

		/**
		 * A form posted: a redirect elsewhere than the login page is a success only if the page it leads to shows no
		 * error message (controllers catch a refusal and redirect back with it as a flash error).
		 */
		private Outcome post(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String location = r.headers().firstValue("Location").orElse("");
			Outcome outcome = new Outcome(r.statusCode(), location, true);
			if (r.statusCode() / 100 != 3 || outcome.refused()) {
				return outcome;
			}
			URI next = uri("/").resolve(location);
			HttpResponse<String> page = client.send(HttpRequest.newBuilder(next).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (page.statusCode() / 100 != 2 || page.body().contains("flash flash-error")) {
				return new Outcome(FLASHED_ERROR, location, true);
			}
			return outcome;
		}

		String name() {
			return role == null ? "ANONYMOUS" : role.name();
		}

		Outcome call(String method, String path) {
			boolean api = path.startsWith("/api/");
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
			HttpClient client = browser;
			boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
			if (api) {
				client = API;
				request.header("Accept", "application/json");
				if (token != null) {
					request.header("Authorization", "Bearer " + token);
				}
				if (body) {
					request.header("Content-Type", "application/json");
				}
				request.method(method, body ? HttpRequest.BodyPublishers.ofString("{}")
						: HttpRequest.BodyPublishers.noBody());
			}
			else {
				String csrf = this.csrf;
				if (role == null) {
					// A fresh browser per request, as a visitor arriving: each gets a new session and CSRF token.
					// (Sharing one across threads found the duplicate-key 500 of concurrent session writes, fixed
					// with SessionStoreConfiguration's upsert.)
					client = HttpClient.newBuilder()
						.cookieHandler(new CookieManager())
						.followRedirects(HttpClient.Redirect.NEVER)
						.connectTimeout(Duration.ofSeconds(10))
						.build();
					Matcher m = FORM_CSRF.matcher(sendText(client, HttpRequest.newBuilder(uri("/login")).GET()).body());
					csrf = m.find() ? m.group(1) : "";
				}
				request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
				request.header("X-CSRF-TOKEN", csrf);
				if (body) {
					request.header("Content-Type", "application/x-www-form-urlencoded");
				}
				request.method(method, body ? HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf))
						: HttpRequest.BodyPublishers.noBody());
			}
			try {
				if (!api && body && role != null) {
					// The form's redirect is followed in the same session to read its flash message: one at a time,
					// so that no other request of this caller takes the flash first.
					synchronized (this) {
						return post(client, request);
					}
				}
				HttpResponse<InputStream> r = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
				// Downloads and event streams: only the status matters.
				r.body().close();
				return new Outcome(r.statusCode(), r.headers().firstValue("Location").orElse(""), !api && body);
			}
			catch (IOException e) {
				return new Outcome(-1, e.toString(), false);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private final HttpClient API = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** A form redirected to a page that shows an error message (or that the caller may not see). */
	static final int FLASHED_ERROR = 1;

	/** One answer: the status and, for redirects, where to; {@code form}: the answer to a posted form. */
	record Outcome(int status, String location, boolean form) {

		/** Refused at the door: not logged in, forbidden, or sent to the login or denied page. */
		boolean refused() {
			return status == 401 || status == 403
					|| (status / 100 == 3 && (location.contains("/login") || location.contains("/denied")));
		}

		boolean hidden() {
			return status == 404;
		}

		boolean broken() {
			return status >= 500 || status < 0;
		}

		/**
		 * 2xx, or a redirect elsewhere than the login or denied page (a form's success); a form posted that answers
		 * 200 shows itself again with its errors, which is not a success.
		 */
		boolean succeeded() {
			return (status / 100 == 2 && !form) || (status / 100 == 3 && !refused());
		}

		/** Through the door but stopped by the (empty) request itself: an error status, or a form shown again. */
		boolean undecided() {
			return status == 400 || status == 405 || status == 409 || status == 415 || status == 422
					|| (form && status == 200) || status == FLASHED_ERROR;
		}

		@Override
		public String toString() {
			if (status == FLASHED_ERROR) {
				return "302→" + location.replaceFirst("^https?://[^/]+", "") + "(error)";
			}
			return status + (status / 100 == 3 ? "→" + location.replaceFirst("^https?://[^/]+", "") : "");
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> sendText(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

	// ---------------------------------------------------------------------------------------------------------------

	/** World A's accounts, one per role, and the ids of worlds A and B. */
	private Ids ids(ScheduleMother.Setup s, OrganisationView spare, AccountView victim) {
		PilotMother.Setting setting = s.r().setting();
		long plan = s.r().plan().id();
		long college = setting.college().id();
		Map<Kind, Long> ids = new EnumMap<>(Kind.class);
		ids.put(Kind.PLAN, plan);
		ids.put(Kind.SITE, s.r().site().id());
		ids.put(Kind.CERTIFICATE, setting.certificate().id());
		long level = jdbc.sql("select min(id) from catalog_level where certificate_id = ?")
			.param(setting.certificate().id())
			.query(Long.class)
			.single();
		ids.put(Kind.LEVEL, level);
		ids.put(Kind.SUBJECT,
				jdbc.sql("select min(id) from catalog_subject where level_id = ?").param(level).query(Long.class).single());
		ids.put(Kind.PLAN_SUBJECT, s.r().plan().subjects().get(0).id());
		ids.put(Kind.CANDIDATE, s.people().get(0).id());
		ids.put(Kind.STAFF, s.conflicted().id());
		ids.put(Kind.ROOM, one("select min(id) from room where plan_id = ?", plan));
		ids.put(Kind.INVIGILATOR, one("select min(id) from room_invigilator where plan_id = ?", plan));
		ids.put(Kind.REGISTRATION, one("select min(id) from registration_record where plan_id = ?", plan));
		ids.put(Kind.PILOT_APPLICATION, one("select min(id) from pilot_application where college_id = ?", college));
		ids.put(Kind.PILOT_BATCH, one("select min(id) from pilot_batch where province_id = ?", setting.province().id()));
		ids.put(Kind.COLLEGE, college);
		ids.put(Kind.PROVINCE, setting.province().id());
		ids.put(Kind.ORGANISATION, spare.id());
		ids.put(Kind.ACCOUNT, victim.id());
		assertThat(ids.values()).doesNotContainNull();
		return new Ids(ids);
	}

	private Long one(String sql, long param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	/** What went wrong, the part of a finding {@link #KNOWN} matches on. */
	enum Problem {
		/** 5xx or no answer. */
		BROKEN,
		/** A denied role got through. */
		LET_IN,
		/** An allowed role was refused. */
		REFUSED,
		/** A made-up id answered 2xx. */
		MADE_UP,
		/** Another organisation's id answered unlike a missing one. */
		IDOR
	}

	record Finding(String endpoint, String caller, Problem problem, String what) {

		String key() {
			return endpoint + " as " + caller + ": " + problem;
		}

		@Override
		public String toString() {
			return key() + " — " + what;
		}
	}

	/**
	 * Findings not fixed yet, each {@code METHOD PATTERN as CALLER: PROBLEM} (see docs/architecture.md, "Access
	 * matrix"). The test fails when one of these no longer happens, so that the line is removed with the fix.
	 */
	static final Set<String> KNOWN = Set.of();

	@Test
	void everyRoleMeetsItsRuleOnEveryEndpointWithOwnAndForeignIds() throws Exception {
		boolean record = Boolean.getBoolean("kaowu.matrix.record");
		AccessRules rules = record ? new AccessRules(Map.of()) : AccessRules.load();

		ScheduleMother.Setup a = schedules.setup();
		ScheduleMother.Setup b = schedules.setup();
		PilotMother.Setting sa = a.r().setting();
		PilotMother.Setting sb = b.r().setting();
		Ids own = ids(a, spareCollege(sa), world.account(Role.COLLEGE_ADMIN, sa.college()));
		Ids foreign = ids(b, spareCollege(sb), world.account(Role.COLLEGE_ADMIN, sb.college()));

		List<Caller> callers = new ArrayList<>();
		callers.add(new Caller(null, null));
		for (Role role : Role.values()) {
			OrganisationView org = switch (role) {
				case ADMIN -> null;
				case PROVINCE -> sa.province();
				case CITY -> sa.city();
				case ORG, PATROL, ARBITRATOR, GRADER -> sa.org();
				case COLLEGE_PRINCIPAL, COLLEGE_ADMIN, SITE_STAFF -> sa.college();
			};
			callers.add(new Caller(role, world.account(role, org)));
		}

		// Reads first, then writes, deletions last: a write may change what a later request finds, never the
		// reverse.
		List<String> endpoints = new ArrayList<>(inventory());
		List<List<String>> phases = List.of(
				endpoints.stream().filter(e -> e.startsWith("GET ")).toList(),
				endpoints.stream().filter(e -> !e.startsWith("GET ") && !e.startsWith("DELETE ")).toList(),
				endpoints.stream().filter(e -> e.startsWith("DELETE ")).toList());

		ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
		Map<String, String> observed = Collections.synchronizedMap(new LinkedHashMap<>());
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger idorChecks = new AtomicInteger();
		AtomicInteger undecided = new AtomicInteger();
		AtomicInteger unbound = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (List<String> phase : phases) {
				List<Future<?>> running = new ArrayList<>();
				for (String endpoint : phase) {
					running.add(pool.submit(() -> check(endpoint, rules, record, callers, own, foreign, findings,
							observed, requests, idorChecks, undecided, unbound)));
				}
				for (Future<?> f : running) {
					f.get();
				}
			}
		}
		String summary = "access matrix: endpoints=" + endpoints.size() + " callers=" + callers.size() + " requests="
				+ requests + " idor=" + idorChecks + " unboundEndpoints=" + unbound + " undecidedDenials=" + undecided
				+ " findings=" + findings.size() + " known=" + KNOWN.size();
		System.out.println(summary);
		Files.write(Path.of("target/access-findings.txt"), findings.stream().map(Finding::toString).sorted().toList());
		if (record) {
			List<String> lines = new ArrayList<>(observed.values());
			Collections.sort(lines);
			Files.write(Path.of("target/access-observed.tsv"), lines);
			return;
		}
		List<String> unexpected = findings.stream()
			.filter(f -> !KNOWN.contains(f.key()))
			.map(Finding::toString)
			.sorted()
			.distinct()
			.toList();
		Set<String> happened = new TreeSet<>(findings.stream().map(Finding::key).toList());
		List<String> gone = KNOWN.stream().filter(k -> !happened.contains(k)).sorted().toList();
		assertThat(unexpected).as(summary).isEmpty();
		assertThat(gone).as("known findings that no longer happen: remove them from KNOWN").isEmpty();
	}

	private OrganisationView spareCollege(PilotMother.Setting s) {
		return world.org(OrganisationType.COLLEGE, TestWorld.unique("备用职业学院"), s.province().id(), s.city().id());
	}

	private void check(String endpoint, AccessRules rules, boolean record, List<Caller> callers, Ids own, Ids foreign,
			ConcurrentLinkedQueue<Finding> findings, Map<String, String> observed, AtomicInteger requests,
			AtomicInteger idorChecks, AtomicInteger undecided, AtomicInteger unbound) {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		Rule rule = rules.byEndpoint().get(endpoint);
		if (rule == null && !record) {
			return; // reported by everyEndpointHasARuleAndEveryRuleAnEndpoint
		}
		if (pattern.equals("/error")) {
			return; // the container's error page: called directly it renders "500", the status of no error at all
		}
		Paths paths = paths(pattern, own, foreign);
		if (paths.hasVariables() && !paths.bound()) {
			unbound.incrementAndGet();
		}
		Set<Role> through = EnumSet.noneOf(Role.class);
		boolean anonymousThrough = false;
		Set<Role> leaked = EnumSet.noneOf(Role.class);
		StringBuilder statuses = new StringBuilder();
		for (Caller caller : callers) {
			Outcome mine = caller.call(method, paths.own());
			requests.incrementAndGet();
			statuses.append(' ').append(caller.name()).append('=').append(mine);
			if (mine.broken()) {
				findings.add(new Finding(endpoint, caller.name(), Problem.BROKEN, "answered " + mine + " at " + paths.own()));
			}
			// Recording, a made-up id's 404 cannot tell a denied role from an allowed one: counted as through.
			boolean passed = !mine.refused() && !mine.broken() && (!mine.hidden() || !paths.bound());
			if (passed) {
				if (caller.role == null) {
					anonymousThrough = true;
				}
				else {
					through.add(caller.role);
				}
			}
			if (!record) {
				boolean allowed = rule.allows(caller.role);
				if (!allowed && mine.succeeded()) {
					findings.add(new Finding(endpoint, caller.name(), Problem.LET_IN,
							"denied by the rules but answered " + mine));
				}
				if (!allowed && mine.undecided()) {
					undecided.incrementAndGet();
				}
				if (allowed && mine.refused() && (paths.bound() || !paths.hasVariables())) {
					findings.add(new Finding(endpoint, caller.name(), Problem.REFUSED,
							"allowed by the rules but refused: " + mine));
				}
				if (paths.hasVariables() && !paths.bound() && mine.status() / 100 == 2 && method.equals("GET")) {
					findings.add(new Finding(endpoint, caller.name(), Problem.MADE_UP, "a made-up id answered " + mine));
				}
			}
			boolean idor = paths.owned() && caller.role != null && caller.role != Role.ADMIN
					&& (record ? passed : rule.allows(caller.role) && rule.scoped().contains(caller.role));
			if (idor) {
				Outcome theirs = caller.call(method, paths.foreign());
				Outcome missing = caller.call(method, paths.missing());
				requests.addAndGet(2);
				idorChecks.incrementAndGet();
				boolean likeMissing = theirs.status() == missing.status()
						|| ((theirs.hidden() || theirs.refused()) && (missing.hidden() || missing.refused()));
				if (theirs.broken() || missing.broken()) {
					findings.add(new Finding(endpoint, caller.name(), Problem.BROKEN,
							"answered " + theirs + " (foreign) / " + missing + " (missing)"));
				}
				if (theirs.succeeded() || !likeMissing) {
					if (record) {
						leaked.add(caller.role);
					}
					findings.add(new Finding(endpoint, caller.name(), Problem.IDOR, "another organisation's id answered "
							+ theirs + " at " + paths.foreign() + ", a missing id " + missing));
				}
			}
		}
		if (record) {
			Scoping scoping = !paths.owned() ? Scoping.NONE : Scoping.OWN;
			observed.put(endpoint, "#" + statuses + "\n"
					+ AccessRules.line(method, pattern, anonymousThrough, through, scoping, leaked));
		}
	}
}
