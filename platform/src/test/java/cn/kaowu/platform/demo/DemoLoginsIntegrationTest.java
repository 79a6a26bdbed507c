package cn.kaowu.platform.demo;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TotpCodes;
import cn.kaowu.platform.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's printed logins work as printed: password, and for ORG/PROVINCE/ADMIN the code of the published key. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class DemoLoginsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void adminProvinceAndOrgAccountsLogInWithTheCodeOfThePublishedKey() {
		for (String user : new String[] { "admin", "jsedu", "hongke" }) {
			WebSession web = new WebSession(port);
			// Already enrolled: straight to the code, never to the enrolment.
			assertThat(web.loginPasswordOnly(user, DemoDataLoader.DEMO_PASSWORD).location()).endsWith("/login/totp");
			TotpCodes.remember(user, DemoDataLoader.DEMO_TOTP_SECRET);
			assertThat(web.post("/login/totp", "/login/totp", java.util.Map.of("code", TotpCodes.next(user)))
				.location()).endsWith("/");
			assertThat(web.get("/").status()).isEqualTo(200);
		}
		assertThat(new ApiClient(port).login("hongke", DemoDataLoader.DEMO_PASSWORD).token()).startsWith("kw_");
		// A college account has no second factor.
		assertThat(new WebSession(port).login("njit", DemoDataLoader.DEMO_PASSWORD).location()).endsWith("/");
	}
}
