package cn.kaowu.platform.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.NotFoundProblem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 电子证书 against PostgreSQL: a final row's PDF is signed (one changed byte breaks it) and carries name and number;
 * a row not confirmed by both answers 409, another college's 404; the zip has one PDF per final row.
 */
@IntegrationTest
class CertificatePdfIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.beans.factory.config.AutowireCapableBeanFactory beans;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificatePdfs pdfs;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void signedCertificatesOfFinalRows() throws Exception {
		// the plan with locked scores of CertificateIntegrationTest (two passers, one failure)
		CertificateMother.World w = beans.createBean(CertificateMother.class).lockedPlan();
		String pw = TestWorld.PASSWORD;
		certificates.generate(w.org(), w.plan().id());
		List<IssueView> list = certificates.list(w.org(), w.plan().id(), null);
		IssueView a = list.get(0);
		IssueView b = list.get(1);
		certificates.delegate(w.principal(), w.admin().accountId());
		certificates.confirm(w.admin(), List.of(a.id()), pw);
		IssueView done = certificates.confirm(w.org(), List.of(a.id()), pw).getFirst();
		assertThat(done.status()).isEqualTo(IssueStatus.FINAL);

		certificates.acceptAgreement(w.principal());
		certificates.uploadStamp(w.principal(), "章.png", CertificateRulesTest.stamp(120));
		byte[] pdf = pdfs.pdf(w.org(), a.id(), false);
		// kept for a look (pdftoppm) like the other printed materials
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "certificate.pdf"), pdf);
		assertThat(PdfSignatures.verify(pdf).valid()).isTrue();
		byte[] changed = pdf.clone();
		int at = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Title");
		changed[at + 1] = (byte) (changed[at + 1] == 'T' ? 'X' : 'T');
		assertThat(PdfSignatures.verify(changed).valid()).isFalse();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(a.name(), done.certificateNumber());
		}
		// regenerated: same number; the college sees its own; the paper variant is unsigned
		assertThat(certificates.get(w.admin(), a.id()).certificateNumber()).isEqualTo(done.certificateNumber());
		assertThat(PdfSignatures.verify(pdfs.pdf(w.admin(), a.id(), false)).valid()).isTrue();
		assertThat(PdfSignatures.verify(pdfs.pdf(w.org(), a.id(), true)).valid()).isFalse();

		assertThatThrownBy(() -> pdfs.pdf(w.org(), b.id(), false)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.error.notFinal");
		assertThatThrownBy(() -> pdfs.pdf(w.otherAdmin(), a.id(), false)).isInstanceOf(NotFoundProblem.class);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(pdfs.zip(w.org(), w.plan().id(), null, out)).isEqualTo(1);
		List<String> entries = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				entries.add(e.getName());
				assertThat(PdfSignatures.verify(zip.readAllBytes()).valid()).isTrue();
			}
		}
		assertThat(entries).hasSize(1).allMatch(n -> n.endsWith(done.certificateNumber() + " " + a.name() + ".pdf"));

		// over HTTP: the ORG gets the PDF, 409 for an unconfirmed row; another college 404
		ApiClient orgApi = new ApiClient(port).login(w.org().username(), pw);
		assertThat(orgApi.status("/api/v1/certificates/issues/" + a.id() + "/certificate.pdf")).isEqualTo(200);
		assertThat(orgApi.status("/api/v1/certificates/issues/" + b.id() + "/certificate.pdf")).isEqualTo(409);
		assertThat(orgApi.status("/api/v1/certificates/plans/" + w.plan().id() + "/certificates.zip")).isEqualTo(200);
		ApiClient otherApi = new ApiClient(port).login(w.otherAdmin().username(), pw);
		assertThat(otherApi.status("/api/v1/certificates/issues/" + a.id() + "/certificate.pdf")).isEqualTo(404);
	}
}
