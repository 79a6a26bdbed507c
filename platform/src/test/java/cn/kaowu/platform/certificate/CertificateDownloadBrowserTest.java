package cn.kaowu.platform.certificate;

import java.nio.file.Files;
import java.util.List;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.score.ScoreManagement;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A certificate holder on a phone (390×844), not logged in, looks up their scores and downloads the e-certificate. */
class CertificateDownloadBrowserTest extends BrowserTestSupport {

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	ScoreManagement scores;

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
	void theHolderDownloadsTheirCertificateOnAPhone() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		IssueView a = certificateMother.numbered(w).getFirst();
		var record = List.of(enrollments.idNumber(a.candidateId()), jdbc.sql("SELECT ticket_number FROM registration_record "
				+ "WHERE candidate_id = ? AND plan_id = ? AND ticket_number IS NOT NULL ORDER BY id LIMIT 1")
			.params(a.candidateId(), a.planId()).query(String.class).single());

		page.setViewportSize(390, 844);
		page.navigate(url("/portal"));
		page.fill("#idNumber", record.get(0));
		page.fill("#ticketNumber", record.get(1));
		page.click("#portal-form button[type=submit]");
		assertThat(page.locator("#portal-error")).hasCount(0);
		assertThat(page.locator(".portal-held h3")).hasText("我的证书");
		assertThat(page.locator(".portal-held-cert[data-number='" + a.certificateNumber() + "'] .portal-download"))
			.hasText("下载电子证书");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		screenshot("portal-certificate-phone");

		Download download = page.waitForDownload(() -> page.click(".portal-download"));
		byte[] pdf = Files.readAllBytes(download.path());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(PdfSignatures.verify(pdf).valid()).isTrue();
		assertThat(download.suggestedFilename()).isEqualTo(a.certificateNumber() + ".pdf");
	}
}
