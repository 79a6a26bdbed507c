package cn.kaowu.platform.certificate;

import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 证书状态 on the page: a revocation needs a reason (Chinese message), then a second step that says it is final; only
 * the confirmed post revokes; afterwards the page offers no more changes and shows the history; the list shows the
 * status to the ORG and the college; another college and the college's own accounts cannot open the status page.
 */
@IntegrationTest
class CertificateStatusPageIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void revokeOnThePageWithReasonAndConfirmation() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		String pw = TestWorld.PASSWORD;
		certificates.generate(w.org(), w.plan().id());
		IssueView a = certificates.list(w.org(), w.plan().id(), null).getFirst();
		certificates.delegate(w.principal(), w.admin().accountId());
		certificates.confirm(w.admin(), List.of(a.id()), pw);
		String number = certificates.confirm(w.org(), List.of(a.id()), pw).getFirst().certificateNumber();
		String statusPage = "/certificates/issues/" + a.id() + "/status";

		WebSession org = new WebSession(port);
		org.login(w.org().username(), pw);
		assertThat(org.get(statusPage).body()).contains(number, "data-standing=\"VALID\"", "id=\"revoke\"");

		// no reason: back with the Chinese message, nothing changed
		WebSession.Page noReason = org.post(statusPage, statusPage, Map.of("action", "revoke", "reason", " "));
		assertThat(noReason.status()).isEqualTo(302);
		assertThat(org.get(statusPage).body()).contains("请填写原因");
		assertThat(registry.status(w.org(), a.id()).standing()).isEqualTo(CertificateRegistry.Standing.VALID);

		// with a reason: the confirm step, still nothing changed
		WebSession.Page ask = org.post(statusPage, statusPage, Map.of("action", "revoke", "reason", "证书信息有误"));
		assertThat(ask.status()).isEqualTo(200);
		assertThat(ask.body()).contains("确认撤销证书 " + number, "撤销后不可恢复", "id=\"status-confirm-yes\"");
		assertThat(registry.status(w.org(), a.id()).standing()).isEqualTo(CertificateRegistry.Standing.VALID);

		// confirmed: revoked, history with reason and user, no more buttons
		WebSession.Page done = org.post(statusPage, statusPage,
				Map.of("action", "revoke", "reason", "证书信息有误", "confirmed", "true"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(registry.status(w.org(), a.id()).standing()).isEqualTo(CertificateRegistry.Standing.REVOKED);
		String after = org.get(statusPage).body();
		assertThat(after).contains("data-standing=\"REVOKED\"", "证书信息有误", w.org().username())
			.doesNotContain("id=\"status-actions\"");
		assertThat(registry.history(w.org(), a.id())).singleElement()
			.satisfies(h -> assertThat(h.status()).isEqualTo(CertificateRegistry.Standing.REVOKED));
		ApiClient api = new ApiClient(port).login(w.org().username(), pw);
		assertThat(api.get("/api/v1/certificates/issues/" + a.id() + "/status/history").body().toString())
			.contains("REVOKED", "证书信息有误");
		// a forged lift of a revoked one: the service's Chinese message
		org.post(statusPage, statusPage, Map.of("action", "lift", "reason", "x", "confirmed", "true"));
		assertThat(org.get(statusPage).body()).contains("已撤销，不能恢复");

		// the list shows it to both sides; the college cannot open the ORG's status page, another college sees nothing
		assertThat(org.get("/certificates/issues?planId=" + w.plan().id()).body()).contains("data-standing=\"REVOKED\"");
		WebSession college = new WebSession(port);
		college.login(w.admin().username(), pw);
		assertThat(college.get("/certificates/issues?planId=" + w.plan().id()).body())
			.contains("data-standing=\"REVOKED\"");
		assertThat(college.get(statusPage).status()).isEqualTo(404);
		assertThat(registry.standings(w.otherAdmin(), w.plan().id())).isEmpty();
	}
}
