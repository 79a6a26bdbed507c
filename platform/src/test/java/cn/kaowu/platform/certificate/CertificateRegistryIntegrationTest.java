package cn.kaowu.platform.certificate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.portal.CertificateVerification;
import cn.kaowu.platform.portal.TooManyLookups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 证书状态 and the portal's 证书查验 against PostgreSQL: revoke / suspend / lift rules, other ORGs 404, and a check
 * that finds a certificate, answers a wrong pair like an unknown number, shows a revocation at once and is rate limited.
 */
@IntegrationTest
class CertificateRegistryIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	CertificateVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String idNumberOf(IssueView row) {
		return enrollments.idNumber(row.candidateId());
	}

	@Test
	void revocationAndVerification() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		List<IssueView> rows = certificateMother.numbered(w);
		IssueView a = rows.get(0);
		IssueView b = rows.get(1);
		String idA = idNumberOf(a);
		String idB = idNumberOf(b);

		// found: valid, name masked, level, issuer
		var found = verification.verify("10.9.0.1", a.certificateNumber(), idA.toLowerCase()).orElseThrow();
		assertThat(found.standing()).isEqualTo(CertificateRegistry.Standing.VALID);
		assertThat(found.holderName()).isNotEqualTo(a.name()).startsWith(a.name().substring(0, 1)).contains("*");
		assertThat(found.level()).isEqualTo(a.levelDisplayName());
		assertThat(found.issuer()).isEqualTo(w.plan().organisationName());

		// a wrong pair answers like an unknown number
		assertThat(verification.verify("10.9.0.1", a.certificateNumber(), idB)).isEmpty();
		assertThat(verification.verify("10.9.0.1", "NO-SUCH-2026000001", idA)).isEmpty();

		// rules: reason required, other ORG 404, other roles 403
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> registry.revoke(w.org(), a.id(), " ")).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> registry.suspend(otherOrg, a.id(), "x")).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> registry.revoke(w.admin(), a.id(), "x"))
			.isInstanceOf(cn.kaowu.platform.kernel.AccessDeniedProblem.class);
		assertThatThrownBy(() -> registry.lift(w.org(), a.id(), "x")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.error.status.valid.valid");

		// suspend, lift, suspend again; shown at once
		assertThat(registry.suspend(w.org(), b.id(), "核查中").standing()).isEqualTo(CertificateRegistry.Standing.SUSPENDED);
		assertThat(verification.verify("10.9.0.2", b.certificateNumber(), idB).orElseThrow().standing())
			.isEqualTo(CertificateRegistry.Standing.SUSPENDED);
		assertThatThrownBy(() -> registry.suspend(w.org(), b.id(), "x")).isInstanceOf(DomainException.class);
		assertThat(registry.lift(w.org(), b.id(), "核查无误").standing()).isEqualTo(CertificateRegistry.Standing.VALID);

		// revoked: shown at once as 已撤销, never lifted
		assertThat(registry.revoke(w.org(), a.id(), "违规取得").standing()).isEqualTo(CertificateRegistry.Standing.REVOKED);
		assertThat(verification.verify("10.9.0.3", a.certificateNumber(), idA).orElseThrow().standing())
			.isEqualTo(CertificateRegistry.Standing.REVOKED);
		assertThatThrownBy(() -> registry.lift(w.org(), a.id(), "x")).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.error.status.revoked.valid");
		assertThatThrownBy(() -> registry.suspend(w.org(), a.id(), "x")).isInstanceOf(DomainException.class);
		assertThat(registry.status(w.org(), a.id()).reason()).isEqualTo("违规取得");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('certificate.revoke', 'certificate.suspend', 'certificate.lift') AND entity_id IN (?, ?)")
			.params(String.valueOf(a.id()), String.valueOf(b.id())).query(Integer.class).single()).isEqualTo(3);

		// over HTTP without a login: found, a wrong pair and an unknown number byte-identical 404s, the page renders
		HttpResponse<String> ok = verifyHttp("203.0.113.1", b.certificateNumber(), idB);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"standing\":\"VALID\"").doesNotContain(idB).doesNotContain(b.name());
		HttpResponse<String> wrongPair = verifyHttp("203.0.113.2", b.certificateNumber(), idA);
		HttpResponse<String> unknown = verifyHttp("203.0.113.3", "NO-SUCH-2026000009", idA);
		assertThat(wrongPair.statusCode()).isEqualTo(404);
		assertThat(wrongPair.body()).isEqualTo(unknown.body()).contains("portal.verify.noMatch");
		HttpResponse<String> page = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/verify?no=" + b.certificateNumber()))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("证书查验").contains("value=\"" + b.certificateNumber() + "\"");
		for (int i = 0; i < 10; i++) {
			verifyHttp("203.0.113.9", "NO-SUCH-" + i, "1101011990010200" + (10 + i));
		}
		HttpResponse<String> tooMany = verifyHttp("203.0.113.9", "NO-SUCH", "110101199001029999");
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();

		// the history is append-only
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM certificate_status_change WHERE issue_id = ?").param(a.id()).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);

		// rate limited per ID number (10 a minute), then per address
		for (int i = 0; i < 10; i++) {
			verification.verify("10.9.1." + i, "NO-SUCH-" + i, "11010119900101999X");
		}
		assertThatThrownBy(() -> verification.verify("10.9.2.1", "NO-SUCH", "11010119900101999X"))
			.isInstanceOf(TooManyLookups.class);
		for (int i = 0; i < 10; i++) {
			verification.verify("10.9.3.1", "NO-SUCH-" + i, "1101011990010100" + (10 + i));
		}
		assertThatThrownBy(() -> verification.verify("10.9.3.1", "NO-SUCH", "110101199001019999"))
			.isInstanceOf(TooManyLookups.class);
	}

	private HttpResponse<String> verifyHttp(String client, String number, String idNumber) throws Exception {
		String json = "{\"number\":\"" + number + "\",\"idNumber\":\"" + idNumber + "\"}";
		return HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/portal/certificates/verify"))
					.header("Content-Type", "application/json").header("X-Forwarded-For", client)
					.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
