package cn.kaowu.platform.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** 20 failed logins per client address in 5 minutes; the 21st attempt is refused (429), even with a right password. */
@IntegrationTest
class LoginRateLimitIntegrationTest {

	private static final AtomicInteger IPS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	cn.kaowu.platform.kernel.AdjustableClock clock;

	@Autowired
	SessionCleanup cleanup;

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private int token(String ip, String username, String password) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", ip)
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	@Test
	void theTwentyFirstAttemptFromOneAddressIsRefused() throws Exception {
		String ip = "192.0.2." + IPS.incrementAndGet();
		AccountView college = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		// Unknown user names count too (no account to lock): 20 failures are answered normally.
		for (int i = 1; i <= 20; i++) {
			assertThat(token(ip, TestWorld.unique("nobody"), "Wrong#Pass1")).as("attempt %d", i).isEqualTo(401);
		}
		assertThat(token(ip, college.username(), TestWorld.PASSWORD)).isEqualTo(429);
		// Another address is not affected, nor the account.
		assertThat(token("192.0.2.200", college.username(), TestWorld.PASSWORD)).isEqualTo(201);

		// Five minutes later the failures no longer count, and the cleanup deletes them.
		clock.advance(java.time.Duration.ofMinutes(5));
		assertThat(token(ip, college.username(), TestWorld.PASSWORD)).isEqualTo(201);
		assertThat(cleanup.deleteOldIpFailures()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void theLoginPageShowsTheRefusalInChinese() throws Exception {
		String ip = "198.51.100." + IPS.incrementAndGet();
		for (int i = 1; i <= 20; i++) {
			token(ip, TestWorld.unique("nobody"), "Wrong#Pass1");
		}
		// The form from the same address: refused with the message and a 429 page.
		var cookies = new java.net.CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(m.find()).isTrue();
		AccountView college = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", ip)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + college.username() + "&password="
					+ java.net.URLEncoder.encode(TestWorld.PASSWORD, "UTF-8") + "&_csrf=" + m.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> page = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login?error")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.body()).contains("该网络地址登录失败次数过多");
	}

	@Test
	void forwardedForCountsOnlyFromATrustedProxy() {
		var trusted = java.util.Set.of("127.0.0.1");
		assertThat(LoginAddress.resolve("127.0.0.1", "6.6.6.6, 10.0.0.9", trusted)).isEqualTo("10.0.0.9");
		assertThat(LoginAddress.resolve("203.0.113.5", "10.0.0.9", trusted)).isEqualTo("203.0.113.5");
		assertThat(LoginAddress.resolve("127.0.0.1", null, trusted)).isEqualTo("127.0.0.1");
	}
}
