package cn.kaowu.platform.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.kernel.AdjustableClock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate tail in Chromium: locked scores → the ORG generates the issuance list on the page → the college's
 * approver signs with the re-entered password → the ORG signs → the certificate PDF downloaded (signature valid,
 * name and number in the text) → a visitor without login verifies it on the public page (有效, masked name) → the ORG
 * suspends it on the page (reason, confirm step) → the public page says 已暂停 at once.
 */
class CertificateTailBrowserTest extends BrowserTestSupport {

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void fromLockedScoresToASuspendedCertificateOnThePublicPage() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		certificates.delegate(w.principal(), w.admin().accountId());
		certificates.acceptAgreement(w.principal());
		certificates.uploadStamp(w.principal(), "章.png", CertificateRulesTest.stamp(120));
		String name = w.names().get(0);
		String issues = "/certificates/issues?planId=" + w.plan().id();
		String row = "#issue-table tr[data-name='" + name + "']";

		// the ORG generates the list on the page
		login(w.org().username(), TestWorld.PASSWORD);
		page.navigate(url(issues));
		page.click("#generate");
		assertThat(page.locator(".flash-success")).containsText("新增 2 人");
		assertThat(page.locator(row + " td.status")).hasText("待确认");
		assertThat(page.locator("#delivery-table tr[data-college] select[name=mode]")).hasValue("ELECTRONIC");

		// the college's approver signs with the re-entered password (a wrong one first)
		BrowserContext collegeContext = newContext();
		Page college = collegeContext.newPage();
		loginIn(college, w.admin().username());
		college.navigate(url(issues));
		college.check(row + " input[name=ids]");
		college.fill("#password", "falsch");
		college.click("#confirm-selected");
		assertThat(college.locator(".flash-error")).containsText("签名密码不正确");
		college.check(row + " input[name=ids]");
		college.fill("#password", TestWorld.PASSWORD);
		college.click("#confirm-selected");
		assertThat(college.locator(".flash-success")).containsText("已确认 1 条");
		assertThat(college.locator(row + " td.status")).hasText("待确认");
		college.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", "certificate-tail-college.png")));

		// the ORG signs: final and numbered
		page.navigate(url(issues));
		page.check(row + " input[name=ids]");
		page.fill("#password", TestWorld.PASSWORD);
		page.click("#confirm-selected");
		assertThat(page.locator(row + " td.status")).hasText("已确认");
		String number = page.locator(row + " td.mono").nth(1).innerText().strip();
		assertThat(number).matches(".+-" + w.plan().year() + "\\d{6}");
		assertThat(page.locator(row + " td.standing")).hasText("有效");
		screenshot("certificate-tail-org-list");

		// the certificate PDF through the page's link (the session's cookies), and the college's zip as a download
		String href = page.locator(row + " a.pdf").getAttribute("href");
		byte[] pdf = page.request().get(url(href)).body();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(PdfSignatures.verify(pdf).valid()).isTrue();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains(name, number);
			BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
			ImageIO.write(image, "png", Path.of("target", "screenshots", "certificate-tail-pdf.png").toFile());
		}
		Download download = college.waitForDownload(() -> {
			college.navigate(url(issues));
			college.click("#delivery-table a.zip");
		});
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(download.path())))) {
			assertThat(zip.getNextEntry().getName()).endsWith(number + " " + name + ".pdf");
			assertThat(PdfSignatures.verify(zip.readAllBytes()).valid()).isTrue();
		}

		// a visitor without login: the public page with the number from the QR code and the ID number
		IssueView issued = certificates.list(w.org(), w.plan().id(), IssueStatus.FINAL).getFirst();
		assertThat(issued.certificateNumber()).isEqualTo(number);
		String idNumber = enrollments.idNumber(issued.candidateId());
		BrowserContext publicContext = newContext();
		Page visitor = publicContext.newPage();
		verify(visitor, number, idNumber);
		assertThat(visitor.locator("#verify-status")).hasAttribute("data-status", "VALID");
		assertThat(visitor.locator("#verify-status")).hasText("有效");
		assertThat(visitor.locator("#verify-holder"))
			.hasText(name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1));
		visitor.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", "certificate-tail-public-valid.png")));

		// the ORG suspends it on the page: no reason → Chinese message; then the confirm step
		page.click(row + " a.status-link");
		assertThat(page.locator("#current-standing")).hasText("有效");
		page.click("#suspend");
		assertThat(page.locator(".flash-error")).containsText("请填写原因");
		assertThat(page.locator("#current-standing")).hasAttribute("data-standing", "VALID");
		page.fill("#reason", "考生身份核查中");
		page.click("#suspend");
		assertThat(page.locator("#status-confirm")).containsText("确认暂停证书 " + number);
		assertThat(page.locator("#current-standing")).hasAttribute("data-standing", "VALID");
		screenshot("certificate-tail-confirm");
		page.click("#status-confirm-yes");
		assertThat(page.locator(".flash-success")).containsText("已暂停");
		assertThat(page.locator("#current-standing")).hasAttribute("data-standing", "SUSPENDED");
		assertThat(page.locator("#status-history tbody tr")).hasCount(1);
		assertThat(page.locator("#status-history")).containsText("考生身份核查中");
		assertThat(page.locator("#lift")).isVisible();
		screenshot("certificate-tail-suspended");

		// the public page says so at once
		verify(visitor, number, idNumber);
		assertThat(visitor.locator("#verify-status")).hasAttribute("data-status", "SUSPENDED");
		assertThat(visitor.locator("#verify-status")).hasText("已暂停");
		visitor.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", "certificate-tail-public-suspended.png")));

		// and the college's list shows it too
		college.navigate(url(issues));
		assertThat(college.locator(row + " td.standing")).hasText("已暂停");
		collegeContext.close();
		publicContext.close();
	}

	private void verify(Page visitor, String number, String idNumber) {
		visitor.navigate(url("/portal/verify?no=" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8)));
		assertThat(visitor.locator("#number")).hasValue(number);
		// Styled as the portal's other forms: one column, fields one above the other (it once had no styles at all).
		assertThat(visitor.locator("#verify-form")).hasCSS("flex-direction", "column");
		visitor.fill("#idNumber", idNumber);
		visitor.click("#verify-form button[type=submit]");
	}

	private BrowserContext newContext() {
		return context.browser().newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
			.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
	}

	private void loginIn(Page p, String username) {
		login(p, username, TestWorld.PASSWORD);
	}
}
