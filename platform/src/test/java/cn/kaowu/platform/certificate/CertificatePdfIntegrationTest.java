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
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
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
 * 证书 against PostgreSQL: a final row's electronic PDF is signed (one changed byte breaks it) and carries name, its
 * pinyin and number; a row not confirmed by both answers 409, another college's 404; the zip has one PDF per final
 * row; the ORG's per-college choice of paper makes the single PDF and the zip the unsigned print template (audited),
 * and the choice is the ORG's alone.
 */
@IntegrationTest
class CertificatePdfIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificatePdfs pdfs;

	@Autowired
	AdjustableClock clock;

	@Autowired
	TestWorld world;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void signedCertificatesOfFinalRows() throws Exception {
		// the plan with locked scores of CertificateIntegrationTest (two passers, one failure)
		CertificateMother.World w = certificateMother.lockedPlan();
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
		byte[] pdf = pdfs.pdf(w.org(), a.id());
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
			// the name's pinyin under it (NamePinyin: "Zhang Sanfeng")
			String pinyin = cn.kaowu.platform.candidate.NamePinyin.suggest(a.name()).orElseThrow();
			assertThat(pinyin).matches("[A-Z][a-z]* [A-Z][a-z]*");
			assertThat(text).contains(pinyin);
		}
		// regenerated: same number; the college sees its own, electronic by default
		assertThat(certificates.get(w.admin(), a.id()).certificateNumber()).isEqualTo(done.certificateNumber());
		assertThat(certificates.deliveryMode(w.plan().id(), a.collegeId())).isEqualTo(DeliveryMode.ELECTRONIC);
		assertThat(PdfSignatures.verify(pdfs.pdf(w.admin(), a.id())).valid()).isTrue();

		assertThatThrownBy(() -> pdfs.pdf(w.org(), b.id())).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.error.notFinal");
		// certificate numbers are unique in the database too: another row cannot take this one's
		assertThatThrownBy(() -> jdbc.sql("UPDATE certificate_issue SET certificate_number = ? WHERE id = ?")
			.params(done.certificateNumber(), b.id()).update())
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThatThrownBy(() -> pdfs.pdf(w.otherAdmin(), a.id())).isInstanceOf(NotFoundProblem.class);

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

		// paper for this college: the PDF and the zip become the print template, unsigned, same text, no stamp image
		assertThatThrownBy(() -> certificates.chooseDelivery(w.admin(), w.plan().id(), a.collegeId(), DeliveryMode.PAPER))
			.isInstanceOf(AccessDeniedProblem.class);
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> certificates.chooseDelivery(otherOrg, w.plan().id(), a.collegeId(), DeliveryMode.PAPER))
			.isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> certificates.chooseDelivery(w.org(), w.plan().id(), w.otherAdmin().organisationId(),
				DeliveryMode.PAPER)).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> certificates.chooseDelivery(w.org(), w.plan().id(), a.collegeId(), null))
			.isInstanceOf(InvalidInputProblem.class);
		assertThat(certificates.chooseDelivery(w.org(), w.plan().id(), a.collegeId(), DeliveryMode.PAPER))
			.isEqualTo(DeliveryMode.PAPER);
		assertThat(certificates.deliveries(w.admin(), w.plan().id())).singleElement()
			.satisfies(d -> assertThat(d.mode()).isEqualTo(DeliveryMode.PAPER))
			.satisfies(d -> assertThat(d.finalRows()).isEqualTo(1));
		assertThat(certificates.deliveries(w.otherAdmin(), w.plan().id())).isEmpty();
		byte[] paper = pdfs.pdf(w.admin(), a.id());
		assertThat(PdfSignatures.verify(paper).valid()).isFalse();
		try (PDDocument paperDoc = Loader.loadPDF(paper); PDDocument electronicDoc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(paperDoc)).contains(a.name(), done.certificateNumber());
			// no stamp on paper: one image fewer than the electronic certificate
			assertThat(images(paperDoc)).isEqualTo(images(electronicDoc) - 1);
		}
		ByteArrayOutputStream paperZip = new ByteArrayOutputStream();
		assertThat(pdfs.zip(w.org(), w.plan().id(), a.collegeId(), paperZip)).isEqualTo(1);
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(paperZip.toByteArray()))) {
			assertThat(zip.getNextEntry()).isNotNull();
			byte[] entry = zip.readAllBytes();
			assertThat(new String(entry, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			assertThat(PdfSignatures.verify(entry).valid()).isFalse();
		}
		// choosing it again changes nothing; each change is audited with from and to
		certificates.chooseDelivery(w.org(), w.plan().id(), a.collegeId(), DeliveryMode.PAPER);
		certificates.chooseDelivery(w.org(), w.plan().id(), a.collegeId(), DeliveryMode.ELECTRONIC);
		assertThat(jdbc.sql("""
				SELECT from_state || '>' || to_state FROM audit_entry WHERE action = 'certificate.mode' AND entity_id = ?
				ORDER BY seq""").param(String.valueOf(w.plan().id())).query(String.class).list())
			.containsExactly("ELECTRONIC>PAPER", "PAPER>ELECTRONIC");
		assertThat(PdfSignatures.verify(pdfs.pdf(w.org(), a.id())).valid()).isTrue();

		// over HTTP: the ORG gets the PDF, 409 for an unconfirmed row; another college 404
		ApiClient orgApi = new ApiClient(port).login(w.org().username(), pw);
		assertThat(orgApi.status("/api/v1/certificates/issues/" + a.id() + "/certificate.pdf")).isEqualTo(200);
		assertThat(orgApi.status("/api/v1/certificates/issues/" + b.id() + "/certificate.pdf")).isEqualTo(409);
		assertThat(orgApi.status("/api/v1/certificates/plans/" + w.plan().id() + "/certificates.zip")).isEqualTo(200);
		ApiClient otherApi = new ApiClient(port).login(w.otherAdmin().username(), pw);
		assertThat(otherApi.status("/api/v1/certificates/issues/" + a.id() + "/certificate.pdf")).isEqualTo(404);
		assertThat(orgApi.put("/api/v1/certificates/plans/" + w.plan().id() + "/deliveries/" + a.collegeId(),
				java.util.Map.of("mode", "PAPER")).status()).isEqualTo(200);
		assertThat(orgApi.get("/api/v1/certificates/plans/" + w.plan().id() + "/deliveries").body().toString()).contains("PAPER");
	}

	private static int images(PDDocument doc) throws java.io.IOException {
		int n = 0;
		for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getXObjectNames()) {
			if (doc.getPage(0).getResources().isImageXObject(name)) {
				n++;
			}
		}
		return n;
	}
}
