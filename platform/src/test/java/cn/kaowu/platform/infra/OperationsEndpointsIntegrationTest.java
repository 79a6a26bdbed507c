package cn.kaowu.platform.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health for load balancers (public, no details), Prometheus metrics for the administrator only, and the request id
 * on every answer (docs/operations.md).
 */
@IntegrationTest
class OperationsEndpointsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	Jobs jobs;

	@Test
	void livenessAndReadinessAreUpWithTheDatabaseAndShowNoDetailsToTheAnonymous() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness", null, Map.of());
		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode ready = JSON.readTree(readiness.body());
		assertThat(ready.path("status").asString()).isEqualTo("UP");
		assertThat(ready.has("components")).as("no components for the anonymous").isFalse();

		HttpResponse<String> liveness = get("/actuator/health/liveness", null, Map.of());
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(liveness.body()).path("status").asString()).isEqualTo("UP");

		// The administrator sees that readiness includes the database, and liveness does not.
		String admin = token(world.admin());
		JsonNode detailed = JSON.readTree(get("/actuator/health/readiness", admin, Map.of()).body());
		assertThat(detailed.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(detailed.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");
		JsonNode live = JSON.readTree(get("/actuator/health/liveness", admin, Map.of()).body());
		assertThat(live.path("components").has("db")).isFalse();
	}

	@Test
	void prometheusShowsKaowuMetricsToTheAdministratorOnly() throws Exception {
		// Something to count: a portal lookup that finds nothing, and an import job.
		HttpResponse<String> lookup = post("/api/v1/portal/scores",
				"{\"idNumber\":\"11010120000101001X\",\"ticketNumber\":\"0000000000000000\"}",
				Map.of("X-Forwarded-For", "203.0.113." + (System.nanoTime() % 200 + 1)));
		assertThat(lookup.statusCode()).isEqualTo(404);
		OrganisationView college = world.college(world.province());
		AccountView collegeAdmin = world.account(Role.COLLEGE_ADMIN, college);
		Scope scope = world.scopeOf(collegeAdmin);
		List<String> row = cn.kaowu.platform.candidate.CandidateMother.row(1);
		byte[] file = Spreadsheets.sheet("考生", cn.kaowu.platform.candidate.CandidateMother.HEADERS.stream()
			.map(h -> new Spreadsheets.Column(h, 12))
			.toList(), List.of(row));
		JobView job = candidates.startImport(scope, CandidateKind.COLLEGE, "考生.xlsx", file);
		await(scope, job.id());

		String admin = token(world.admin());
		HttpResponse<String> metrics = get("/actuator/prometheus", admin, Map.of());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains(
				"kaowu_portal_lookups_seconds_count{application=\"kaowu-platform\",kind=\"score\",outcome=\"miss\"}",
				"kaowu_jobs_started_total{application=\"kaowu-platform\",kind=\"candidate-import\"}",
				"kaowu_jobs_finished_total{application=\"kaowu-platform\",kind=\"candidate-import\",outcome=\"succeeded\"}",
				"kaowu_jobs_duration_seconds_count{application=\"kaowu-platform\",kind=\"candidate-import\"",
				"kaowu_imports_rows_total{application=\"kaowu-platform\",kind=\"candidate-import\",outcome=\"ok\"}",
				"kaowu_imports_duration_seconds_count{application=\"kaowu-platform\",kind=\"candidate-import\"",
				"kaowu_jobs_queued{", "kaowu_jobs_running{",
				"kaowu_results_chunks_total{application=\"kaowu-platform\",outcome=\"stored\"}",
				"kaowu_results_received_bytes_total{", "kaowu_results_packages_total{application=\"kaowu-platform\",outcome=\"refused\"}",
				"hikaricp_connections_active", "http_server_requests_seconds_count");

		// Anyone else: the anonymous get 401, a logged-in non-administrator 403, both as problem details.
		HttpResponse<String> anonymous = get("/actuator/prometheus", null, Map.of());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("kaowu_");
		HttpResponse<String> college_ = get("/actuator/prometheus", token(collegeAdmin), Map.of());
		assertThat(college_.statusCode()).isEqualTo(403);
		assertThat(college_.body()).doesNotContain("kaowu_");
		assertThat(get("/actuator/info", null, Map.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void everyAnswerCarriesARequestIdEchoedWhenValid() throws Exception {
		HttpResponse<String> echoed = get("/actuator/health/liveness", null, Map.of("X-Request-Id", "lb-7f3a_9"));
		assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a_9");

		HttpResponse<String> made = get("/login", null, Map.of());
		assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");

		// Too long or with other characters (a log injection attempt): replaced by a new id.
		HttpResponse<String> tooLong = get("/actuator/health", null, Map.of("X-Request-Id", "a".repeat(65)));
		assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
		HttpResponse<String> odd = get("/actuator/health", null, Map.of("X-Request-Id", "x\"}{injected"));
		assertThat(odd.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");

		// Refusals by Spring Security carry it too.
		HttpResponse<String> refused = get("/actuator/prometheus", null, Map.of("X-Request-Id", "scrape-1"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("scrape-1");
	}

	private void await(Scope scope, UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(scope, id);
			if (job.state().finished()) {
				assertThat(job.succeeded()).as(job.message()).isEqualTo(1);
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	private String token(AccountView account) throws Exception {
		// With the second factor for the administrator (ApiClient computes the code).
		return new cn.kaowu.platform.ApiClient(port).login(account.username(), TestWorld.PASSWORD).token();
	}

	private HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
