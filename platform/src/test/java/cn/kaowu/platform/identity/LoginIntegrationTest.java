package cn.kaowu.platform.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		WebSession web = new WebSession(port);
		for (int i = 1; i <= 4; i++) {
			assertThat(web.login(account.username(), "Wrong#Pass" + i).location()).endsWith("/login?error");
			assertThat(web.get("/login?error").body()).contains("用户名或密码错误");
		}
		web.login(account.username(), "Wrong#Pass5");
		assertThat(web.get("/login?error").body()).contains("密码连续错误 5 次，账号已锁定 15 分钟");

		// Even the right password is refused while locked.
		assertThat(web.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/login?error");
		assertThat(web.get("/login?error").body()).contains("账号已锁定");

		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(web.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/login?error");

		clock.advance(Duration.ofSeconds(1));
		assertThat(web.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/");
		assertThat(web.get("/").status()).isEqualTo(200);
	}

	@Test
	void aSuccessfulLoginResetsTheFailureCount() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		WebSession web = new WebSession(port);
		for (int i = 0; i < 4; i++) {
			web.login(account.username(), "Wrong#Pass" + i);
		}
		assertThat(web.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/");
		WebSession again = new WebSession(port);
		for (int i = 0; i < 4; i++) {
			again.login(account.username(), "Wrong#Pass" + i);
		}
		assertThat(again.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/");
	}

	@Test
	void neverMoreThanOneHundredTriesPerHour() {
		// A college account: no second factor, so one token request is one try.
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		insertAttempts(account.id(), 99, Duration.ofMinutes(59));
		ApiClient api = new ApiClient(port);
		var ok = api.post("/api/v1/auth/tokens", Map.of("username", account.username(), "password", TestWorld.PASSWORD));
		assertThat(ok.status()).isEqualTo(201);

		// That was the 100th try within the hour: the 101st is refused, right password or not.
		var refused = api.post("/api/v1/auth/tokens",
				Map.of("username", account.username(), "password", TestWorld.PASSWORD));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.text("detail")).contains("一小时内登录尝试次数已达上限");

		// Tries older than an hour no longer count.
		clock.advance(Duration.ofMinutes(2));
		assertThat(api.post("/api/v1/auth/tokens",
				Map.of("username", account.username(), "password", TestWorld.PASSWORD)).status()).isEqualTo(201);
	}

	@Test
	void firstLoginForcesAPasswordChangeBeforeAnythingElse() {
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()), true);
		WebSession web = new WebSession(port);
		assertThat(web.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/account/password");
		assertThat(web.get("/").location()).endsWith("/account/password");
		assertThat(web.get("/orgs/mine").location()).endsWith("/account/password");

		var weak = web.post("/account/password", "/account/password", Map.of("currentPassword", TestWorld.PASSWORD,
				"newPassword", "password1", "confirmation", "password1"));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("密码须包含大写字母、小写字母、数字、符号中的至少 3 类")
			.contains("该密码过于常见");

		var changed = web.post("/account/password", "/account/password", Map.of("currentPassword",
				TestWorld.PASSWORD, "newPassword", "Brand#New2026", "confirmation", "Brand#New2026"));
		assertThat(changed.location()).endsWith("/");
		assertThat(web.get("/").status()).isEqualTo(200);

		// The API refuses a token holder who still has to change the password.
		AccountView other = world.account(Role.ORG, world.trainingOrg(), true);
		ApiClient api = new ApiClient(port).login(other.username(), TestWorld.PASSWORD);
		var blocked = api.get("/api/v1/me");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.text("detail")).isEqualTo("首次登录须先修改初始密码");
	}

	@Test
	void disabledAccountsCannotLogIn() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(account.id()).update();
		var r = new ApiClient(port).post("/api/v1/auth/tokens",
				Map.of("username", account.username(), "password", TestWorld.PASSWORD));
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.text("detail")).contains("已停用");
	}

	@Test
	void unknownUsersGetTheSameAnswerAsWrongPasswords() {
		var r = new ApiClient(port).post("/api/v1/auth/tokens", Map.of("username", "nobody-here", "password", "x"));
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.text("detail")).isEqualTo("用户名或密码错误");
	}

	@Test
	void logoutEndsTheSession() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		WebSession web = new WebSession(port);
		web.login(account.username(), TestWorld.PASSWORD);
		assertThat(web.get("/").status()).isEqualTo(200);
		assertThat(web.post("/", "/logout", Map.of()).location()).endsWith("/login?logout");
		assertThat(web.get("/").location()).endsWith("/login");
	}

	private void insertAttempts(long accountId, int count, Duration spread) {
		for (int i = 0; i < count; i++) {
			jdbc.sql("INSERT INTO login_attempt (account_id, attempted_at, success) VALUES (?, ?, TRUE)")
				.params(accountId, Timestamp.from(clock.instant().minus(spread).plusSeconds(i)))
				.update();
		}
	}
}
