package cn.kaowu.platform.certificate;

import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A holder on a phone proves who they are, creates a share code and later revokes it; an employer in another browser
 * context (no session in common) opens the code, sees the certificate and downloads its credential, which verifies.
 */
class ShareCodesBrowserTest extends BrowserTestSupport {

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	cn.kaowu.platform.TestWorld world;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	VerifiableCredentials credentials;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aHolderSharesACertificateWithAnEmployer() throws Exception {
		ShareCodesIntegrationTest.Issued s = ShareCodesIntegrationTest.issued(
				certificateMother, certificates, jdbc);

		// the holder, on a phone
		page.setViewportSize(390, 844);
		page.navigate(url("/portal/share/holder"));
		assertThat(page.locator("h1")).hasText("我的证书分享码");
		page.fill("#idNumber", s.idA());
		page.fill("#ticketNumber", s.ticketB());
		page.click("#holder-form button[type=submit]");
		assertThat(page.locator("#share-error")).containsText("未找到相符的考生");
		page.fill("#idNumber", s.idA());
		page.fill("#ticketNumber", s.ticketA());
		page.click("#holder-form button[type=submit]");
		assertThat(page.locator("#holder-name")).hasText(s.a().name());
		var card = page.locator(".share-cert[data-number='" + s.a().certificateNumber() + "']");
		assertThat(card).hasCount(1);
		card.locator("input[name=days]").fill("10");
		card.locator("button.share-create").click();
		assertThat(page.locator("#share-new-code")).hasText(java.util.regex.Pattern.compile("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"));
		String code = page.locator("#share-new-code").textContent().strip();
		assertThat(page.locator("#share-codes tr[data-state=ACTIVE]")).hasCount(1);
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		screenshot("share-holder-phone");

		// the employer, elsewhere
		Browser browser = context.browser();
		try (BrowserContext employerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setAcceptDownloads(true))) {
			Page employer = employerContext.newPage();
			employer.navigate(url("/portal/share"));
			employer.fill("#code", code.toLowerCase());
			employer.click("#share-form button[type=submit]");
			assertThat(employer.locator("#share-holder")).hasText(s.a().name());
			assertThat(employer.locator("#share-number")).hasText(s.a().certificateNumber());
			assertThat(employer.locator("#share-status")).hasAttribute("data-status", "VALID");
			assertThat(employer.locator("#share-status")).hasText("有效");
			assertThat(employer.locator("#share-id")).not().containsText(s.idA());
			assertThat((Integer) employer.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
			employer.screenshot(new Page.ScreenshotOptions()
				.setPath(java.nio.file.Paths.get("target", "screenshots", "share-employer-phone.png"))
				.setFullPage(true));

			Download download = employer.waitForDownload(() -> employer.click("#share-download"));
			String jwt = Files.readString(download.path());
			String jwks = credentials.jwks();
			VerifiableCredentials.Verification v = VerifiableCredentials.verify(jwt, jwks,
					employer.request().get(url("/credentials/status/revocation")).text(),
					employer.request().get(url("/credentials/status/suspension")).text());
			assertThat(v.outcome()).isEqualTo(VerifiableCredentials.Outcome.VALID);

			// the holder revokes the code; the employer's next look is the one answer for any miss
			page.locator("#share-codes tr[data-state=ACTIVE] button.share-revoke").click();
			assertThat(page.locator("#share-notice")).containsText("已撤销");
			assertThat(page.locator("#share-codes tr[data-state=REVOKED]")).hasCount(1);
			employer.navigate(url("/portal/share"));
			employer.fill("#code", code);
			employer.click("#share-form button[type=submit]");
			assertThat(employer.locator("#share-error")).containsText("分享码无效");
			assertThat(employer.locator("#share-result")).hasCount(0);
		}
	}
}
