package cn.kaowu.platform.identity;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.TotpCodes;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.kernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecondFactorIntegrationTest {


	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void orgAccountEnrolsOnFirstLoginAndIsNotAuthenticatedBeforeTheCode() {
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		WebSession web = new WebSession(port);
		assertThat(web.loginPasswordOnly(org.username(), TestWorld.PASSWORD).location()).endsWith("/login/totp/enrol");
		// Password alone: no page of the platform.
		assertThat(web.get("/").location()).endsWith("/login");

		String page = web.get("/login/totp/enrol").body();
		assertThat(page).contains("启用两步验证").contains("data:image/png;base64,");
		Matcher m = WebSession.TOTP_SECRET.matcher(page);
		assertThat(m.find()).isTrue();
		String secret = m.group(1).replace(" ", "");
		WebSession.Page wrong = web.post("/login/totp/enrol", "/login/totp/enrol", Map.of("code", "000000".equals(
				Totp.code(secret, Totp.step(Instant.now()))) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("验证码不正确");

		TotpCodes.remember(org.username(), secret);
		WebSession.Page done = web.post("/login/totp/enrol", "/login/totp/enrol",
				Map.of("code", TotpCodes.next(org.username())));
		assertThat(done.location()).endsWith("/account/recovery-codes");
		String codes = web.get("/account/recovery-codes").body();
		assertThat(Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}").matcher(codes).results().count()).isEqualTo(10);
		assertThat(web.get("/").status()).isEqualTo(200);
		// Stored encrypted, not as the Base32 text.
		byte[] stored = jdbc.sql("SELECT secret_enc FROM account_totp WHERE account_id = ?").param(org.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
	}

	/** Session fixation: a new session id after the password, and another after the code; forms need the CSRF token. */
	@Test
	void theSessionIdChangesAtEachStepAndTheCodeFormNeedsTheCsrfToken() {
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		new WebSession(port).login(org.username(), TestWorld.PASSWORD);

		WebSession web = new WebSession(port);
		web.get("/login");
		String anonymous = web.cookie("SESSION");
		assertThat(anonymous).isNotNull();
		web.loginPasswordOnly(org.username(), TestWorld.PASSWORD);
		String pending = web.cookie("SESSION");
		assertThat(pending).isNotNull().isNotEqualTo(anonymous);

		// Without the form's CSRF token the code is not even looked at (refused, sent to the login; the code unused).
		String code = TotpCodes.next(org.username());
		WebSession.Page forged = web.postWithoutCsrf("/login/totp", Map.of("code", code));
		assertThat(forged.status()).isEqualTo(302);
		assertThat(forged.location()).endsWith("/login");
		assertThat(web.get("/").location()).endsWith("/login");

		// The same code still works: on to the page asked for above.
		assertThat(web.post("/login/totp", "/login/totp", Map.of("code", code)).location()).endsWith("/?continue");
		assertThat(web.cookie("SESSION")).isNotNull().isNotEqualTo(pending).isNotEqualTo(anonymous);
		assertThat(web.get("/").status()).isEqualTo(200);
	}

	@Test
	void aCodeIsAcceptedOnceAndWrongCodesLockTheAccount() {
		AccountView province = world.account(Role.PROVINCE, world.province());
		assertThat(new WebSession(port).login(province.username(), TestWorld.PASSWORD).location()).endsWith("/");
		String secret = TotpCodes.secret(province.username()).orElseThrow();

		WebSession web = new WebSession(port);
		assertThat(web.loginPasswordOnly(province.username(), TestWorld.PASSWORD).location()).endsWith("/login/totp");
		String code = TotpCodes.next(province.username());
		assertThat(web.post("/login/totp", "/login/totp", Map.of("code", code)).location()).endsWith("/");

		WebSession replay = new WebSession(port);
		replay.loginPasswordOnly(province.username(), TestWorld.PASSWORD);
		WebSession.Page again = replay.post("/login/totp", "/login/totp", Map.of("code", code));
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.body()).contains("验证码错误或已使用过");
		assertThat(replay.get("/").location()).endsWith("/login");

		// Wrong codes count toward the lockout, and a right password in between does not reset them.
		for (int i = 0; i < 3; i++) {
			replay.post("/login/totp", "/login/totp", Map.of("code", "12345" + i));
		}
		replay.loginPasswordOnly(province.username(), TestWorld.PASSWORD);
		WebSession.Page fifth = replay.post("/login/totp", "/login/totp", Map.of("code", "999999".equals(
				Totp.code(secret, Totp.step(Instant.now()))) ? "888888" : "999999"));
		assertThat(fifth.body()).contains("账号已锁定 15 分钟");
		assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM account WHERE id = ?").param(province.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		AccountView admin = world.admin();
		WebSession first = new WebSession(port);
		first.loginPasswordOnly(admin.username(), TestWorld.PASSWORD);
		Matcher m = WebSession.TOTP_SECRET.matcher(first.get("/login/totp/enrol").body());
		assertThat(m.find()).isTrue();
		TotpCodes.remember(admin.username(), m.group(1));
		first.post("/login/totp/enrol", "/login/totp/enrol", Map.of("code", TotpCodes.next(admin.username())));
		Matcher codes = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}").matcher(first.get("/account/recovery-codes").body());
		assertThat(codes.find()).isTrue();
		String recovery = codes.group();

		WebSession lostPhone = new WebSession(port);
		lostPhone.loginPasswordOnly(admin.username(), TestWorld.PASSWORD);
		assertThat(lostPhone.post("/login/totp", "/login/totp", Map.of("code", recovery.toLowerCase())).location())
			.endsWith("/");
		WebSession again = new WebSession(port);
		again.loginPasswordOnly(admin.username(), TestWorld.PASSWORD);
		assertThat(again.post("/login/totp", "/login/totp", Map.of("code", recovery)).status()).isEqualTo(401);
	}

	@Test
	void apiTokensOfOrgAccountsNeedTheCode() {
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		ApiClient api = new ApiClient(port);
		ApiClient.Response notEnrolled = api.post("/api/v1/auth/tokens",
				Map.of("username", org.username(), "password", TestWorld.PASSWORD));
		assertThat(notEnrolled.status()).isEqualTo(403);
		assertThat(notEnrolled.text("detail")).contains("启用两步验证");

		new WebSession(port).login(org.username(), TestWorld.PASSWORD);
		ApiClient.Response missing = api.post("/api/v1/auth/tokens",
				Map.of("username", org.username(), "password", TestWorld.PASSWORD));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.fieldError("totp")).isEqualTo("请输入验证码");
		ApiClient.Response ok = api.post("/api/v1/auth/tokens", Map.of("username", org.username(), "password",
				TestWorld.PASSWORD, "totp", TotpCodes.next(org.username())));
		assertThat(ok.status()).isEqualTo(201);

		// A college account has no second factor.
		AccountView college = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		assertThat(new ApiClient(port).post("/api/v1/auth/tokens",
				Map.of("username", college.username(), "password", TestWorld.PASSWORD)).status()).isEqualTo(201);
	}

	@Test
	void theAdministratorResetsTheSecondFactorAudited() {
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		new WebSession(port).login(org.username(), TestWorld.PASSWORD);
		AccountView admin = world.admin();
		WebSession adminWeb = new WebSession(port);
		adminWeb.login(admin.username(), TestWorld.PASSWORD);
		String form = "/admin/accounts/" + org.id();
		assertThat(adminWeb.post(form, form + "/reset-totp", Map.of()).location()).endsWith(form);
		assertThat(adminWeb.get(form).body()).contains("两步验证已重置");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'account.totp.reset' AND entity_id = ?")
			.param(String.valueOf(org.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(new WebSession(port).loginPasswordOnly(org.username(), TestWorld.PASSWORD).location())
			.endsWith("/login/totp/enrol");
	}
}
