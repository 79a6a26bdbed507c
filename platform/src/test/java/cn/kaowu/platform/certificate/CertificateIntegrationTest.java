package cn.kaowu.platform.certificate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificates against PostgreSQL: the stamp is the principal's alone, the issuance list from 考证结果 (passers only,
 * regenerated without duplicates), signed two-sided confirmation, refusal with a reason, batches ≤ 100, final rows that
 * neither the service nor a raw SQL update can change, and certificate numbers given once.
 */
@IntegrationTest
class CertificateIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void stampIsThePrincipalsAlone() throws Exception {
		long collegeId = world.college(world.province()).id();
		Scope principal = world.scopeOf(world.account(Role.COLLEGE_PRINCIPAL, world.orgById(collegeId)));
		Scope admin = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.orgById(collegeId)));
		Scope org = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		byte[] png = CertificateRulesTest.stamp(120);

		assertThatThrownBy(() -> certificates.uploadStamp(principal, "章.png", png))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "certificate.error.agreementFirst");
		assertThatThrownBy(() -> certificates.acceptAgreement(admin)).isInstanceOf(AccessDeniedProblem.class);
		certificates.acceptAgreement(principal);
		assertThat(certificates.agreementAccepted(principal)).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM certificate_stamp_agreement WHERE account_id = ?")
			.param(principal.accountId()).query(Integer.class).single()).isEqualTo(1);

		assertThatThrownBy(() -> certificates.uploadStamp(admin, "章.png", png)).isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> certificates.uploadStamp(principal, "章.png", CertificateRulesTest.stamp(79)))
			.isInstanceOf(InvalidInputProblem.class);
		assertThat(certificates.uploadStamp(principal, "章.png", png).width()).isEqualTo(120);
		assertThat(certificates.stampImage(principal)).isEqualTo(png);
		assertThatThrownBy(() -> certificates.stampImage(admin)).isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> certificates.stampImage(org)).isInstanceOf(AccessDeniedProblem.class);

		// over HTTP: the principal's page shows the preview; the admin and the ORG get 403 for the image
		WebSession principalWeb = new WebSession(port);
		principalWeb.login(principal.username(), TestWorld.PASSWORD);
		WebSession.Page page = principalWeb.get("/certificates/stamp");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("cert-sample-stamp", "电子签名章使用授权委托书");
		assertThat(principalWeb.get("/certificates/stamp/image").status()).isEqualTo(200);
		WebSession adminWeb = new WebSession(port);
		adminWeb.login(admin.username(), TestWorld.PASSWORD);
		assertThat(adminWeb.get("/certificates/stamp/image").status()).isEqualTo(403);
		ApiClient orgApi = new ApiClient(port).login(org.username(), TestWorld.PASSWORD);
		assertThat(orgApi.get("/api/v1/certificates/stamp/image").status()).isEqualTo(403);

		byte[] replacement = CertificateRulesTest.stamp(160);
		assertThat(certificates.uploadStamp(principal, "新章.png", replacement).width()).isEqualTo(160);
		assertThat(certificates.stampImage(principal)).isEqualTo(replacement);
		certificates.deleteStamp(principal);
		assertThat(certificates.stamp(principal)).isEmpty();
		assertThatThrownBy(() -> certificates.stampImage(principal)).isInstanceOf(NotFoundProblem.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action LIKE 'certificate.stamp.%' AND entity_id = ?")
			.param(String.valueOf(collegeId)).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void issuanceIsSignedByBothSidesAndFinalForGood() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		String pw = TestWorld.PASSWORD;

		// generated from 考证结果: the two passers only, regeneration adds nothing
		assertThat(certificates.generate(w.org(), w.plan().id())).isEqualTo(new CertificateManagement.Generated(2, 2));
		assertThat(certificates.generate(w.org(), w.plan().id())).isEqualTo(new CertificateManagement.Generated(0, 2));
		List<IssueView> list = certificates.list(w.org(), w.plan().id(), null);
		assertThat(list).extracting(IssueView::name).containsExactlyInAnyOrder(w.names().get(0), w.names().get(1));
		assertThat(list).allMatch(r -> r.status() == IssueStatus.PENDING && r.certificateNumber() == null);
		IssueView a = list.get(0);
		IssueView b = list.get(1);

		// scope: another ORG and another college see nothing; only the principal delegates
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> certificates.generate(otherOrg, w.plan().id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> certificates.get(otherOrg, a.id())).isInstanceOf(NotFoundProblem.class);
		assertThat(certificates.list(w.otherAdmin(), w.plan().id(), null)).isEmpty();
		assertThatThrownBy(() -> certificates.get(w.otherAdmin(), a.id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> certificates.delegate(w.admin(), w.admin().accountId()))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> certificates.delegate(w.principal(), w.otherAdmin().accountId()))
			.isInstanceOf(NotFoundProblem.class);

		// the college admin is no approver until delegated
		assertThatThrownBy(() -> certificates.confirm(w.admin(), List.of(a.id()), pw))
			.isInstanceOf(AccessDeniedProblem.class);
		certificates.delegate(w.principal(), w.admin().accountId());
		assertThat(certificates.approvers(w.principal())).containsExactly(w.admin().accountId());

		// signature: a wrong password is refused; a batch of 101 is refused before anything
		assertThatThrownBy(() -> certificates.confirm(w.admin(), List.of(a.id()), "wrong"))
			.isInstanceOf(InvalidInputProblem.class).extracting("fieldProblems").asString().contains("signatureWrong");
		List<Long> many = LongStream.rangeClosed(1, 101).boxed().toList();
		assertThatThrownBy(() -> certificates.confirm(w.org(), many, pw)).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("batchTooLarge");

		// refusal needs a reason and returns the row to the ORG
		assertThatThrownBy(() -> certificates.refuse(w.admin(), List.of(b.id()), pw, " "))
			.isInstanceOf(InvalidInputProblem.class);
		certificates.confirm(w.org(), List.of(b.id()), pw);
		IssueView refused = certificates.refuse(w.admin(), List.of(b.id()), pw, "姓名有误").getFirst();
		assertThat(refused.status()).isEqualTo(IssueStatus.REFUSED);
		assertThat(refused.refusalReason()).isEqualTo("姓名有误");
		assertThat(refused.orgConfirmedAt()).isNull();
		assertThat(certificates.list(w.org(), w.plan().id(), IssueStatus.REFUSED)).extracting(IssueView::id)
			.containsExactly(b.id());
		assertThatThrownBy(() -> certificates.confirm(w.admin(), List.of(b.id()), pw))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "certificate.error.refused");
		assertThat(certificates.resubmit(w.org(), List.of(b.id())).getFirst().status()).isEqualTo(IssueStatus.PENDING);

		// college first, then the ORG in a batch: both final with distinct numbers
		certificates.confirm(w.admin(), List.of(a.id(), b.id()), pw);
		assertThat(certificates.undo(w.admin(), a.id()).collegeConfirmedAt()).isNull();
		certificates.confirm(w.admin(), List.of(a.id()), pw);
		List<IssueView> done = certificates.confirm(w.org(), List.of(a.id(), b.id()), pw);
		assertThat(done).allMatch(r -> r.status() == IssueStatus.FINAL);
		assertThat(done).extracting(IssueView::certificateNumber).doesNotHaveDuplicates()
			.allMatch(n -> n.matches(".+-" + w.plan().year() + "\\d{6}"));
		Map<Long, String> numbers = new HashMap<>();
		done.forEach(r -> numbers.put(r.id(), r.certificateNumber()));

		// no undo, no second confirmation, no refusal; re-running numbering changes nothing
		assertThatThrownBy(() -> certificates.undo(w.org(), a.id())).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.error.final");
		assertThatThrownBy(() -> certificates.confirm(w.admin(), List.of(a.id()), pw))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "certificate.error.final");
		assertThatThrownBy(() -> certificates.refuse(w.admin(), List.of(a.id()), pw, "x"))
			.isInstanceOf(DomainException.class);
		assertThat(certificates.assignMissingNumbers(w.org(), w.plan().id())).isZero();
		assertThat(certificates.generate(w.org(), w.plan().id()).added()).isZero();
		certificates.list(w.org(), w.plan().id(), null)
			.forEach(r -> assertThat(r.certificateNumber()).isEqualTo(numbers.get(r.id())));

		// the database refuses any change of a final row, also of its number, and its deletion
		assertThatThrownBy(() -> jdbc.sql("UPDATE certificate_issue SET org_confirmed_at = NULL, status = 'PENDING' WHERE id = ?")
			.param(a.id()).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("final");
		assertThatThrownBy(() -> jdbc.sql("UPDATE certificate_issue SET name = 'x' WHERE id = ?").param(a.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE certificate_issue SET certificate_number = 'X-1' WHERE id = ?")
			.param(a.id()).update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM certificate_issue WHERE id = ?").param(a.id()).update())
			.isInstanceOf(DataAccessException.class);

		// over HTTP: the pages render for both sides; another ORG's row answers 404 in the API
		WebSession orgWeb = new WebSession(port);
		orgWeb.login(w.org().username(), TestWorld.PASSWORD);
		WebSession.Page issuePage = orgWeb.get("/certificates/issues?planId=" + w.plan().id());
		assertThat(issuePage.status()).isEqualTo(200);
		assertThat(issuePage.body()).contains(numbers.get(a.id()), "generate");
		WebSession collegeWeb = new WebSession(port);
		collegeWeb.login(w.admin().username(), TestWorld.PASSWORD);
		WebSession.Page confirmPage = collegeWeb.get("/certificates/issues?planId=" + w.plan().id());
		assertThat(confirmPage.status()).isEqualTo(200);
		assertThat(confirmPage.body()).contains(w.names().get(0), "confirm-selected");
		ApiClient otherApi = new ApiClient(port).login(otherOrg.username(), TestWorld.PASSWORD);
		assertThat(otherApi.get("/api/v1/certificates/issues/" + a.id()).status()).isEqualTo(404);
		ApiClient orgApi = new ApiClient(port).login(w.org().username(), TestWorld.PASSWORD);
		assertThat(orgApi.get("/api/v1/certificates/issues/" + a.id()).text("certificateNumber"))
			.isEqualTo(numbers.get(a.id()));

		// every signature recorded with who and which rows; every step audited
		assertThat(jdbc.sql("SELECT count(*) FROM certificate_signature WHERE ? = ANY (issue_ids)").param(a.id())
			.query(Integer.class).single()).isEqualTo(3);
		List<String> actions = new ArrayList<>(jdbc.sql(
				"SELECT DISTINCT action FROM audit_entry WHERE action LIKE 'certificate.%' AND entity_id IN (?, ?)")
			.params(String.valueOf(a.id()), String.valueOf(b.id())).query(String.class).list());
		assertThat(actions).contains("certificate.confirm", "certificate.refuse", "certificate.resubmit",
				"certificate.undo", "certificate.number");
	}
}
