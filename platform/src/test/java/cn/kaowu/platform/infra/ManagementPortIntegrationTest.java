package cn.kaowu.platform.infra;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code MANAGEMENT_SERVER_PORT} set (docs/operations.md) the actuator moves to that port and a Prometheus server
 * scrapes it without a login, while the application's port no longer serves it at all. Its own application context
 * (a second embedded database), as the management port is fixed at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManagementPortIntegrationTest {

	private static final int MANAGEMENT_PORT = freePort();

	@DynamicPropertySource
	static void managementPort(DynamicPropertyRegistry registry) {
		registry.add("management.server.port", () -> MANAGEMENT_PORT);
		registry.add("management.server.address", () -> "127.0.0.1");
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void metricsAndHealthAreOnTheManagementPortWithoutLoginAndNotOnTheApplicationPort() throws Exception {
		HttpResponse<String> metrics = get(MANAGEMENT_PORT, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("kaowu_jobs_queued{", "kaowu_results_packages_total{");
		HttpResponse<String> readiness = get(MANAGEMENT_PORT, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");

		assertThat(get(port, "/actuator/prometheus").statusCode()).isIn(401, 404);
		assertThat(get(port, "/actuator/prometheus").body()).doesNotContain("kaowu_");
		// The application port's own rules are unchanged.
		assertThat(get(port, "/api/v1/accounts").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
