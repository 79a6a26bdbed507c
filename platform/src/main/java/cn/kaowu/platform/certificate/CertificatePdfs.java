package cn.kaowu.platform.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 电子证书: an A4 PDF per final, numbered issue row (photo, name, certificate and level, date of issue, number, the
 * college principal's stamp, a QR code of the portal's verification URL), signed with the platform's document key.
 * The paper variant has the same layout without stamp and signature. The number is the row's, never changed here.
 */
@Component
public class CertificatePdfs {

	static final String REASON = "1+X 职业技能等级证书";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final CertificateManagement certificates;

	private final CandidateManagement candidates;

	private final PdfSignatures signatures;

	private final String portalBaseUrl;

	CertificatePdfs(CertificateManagement certificates, CandidateManagement candidates, PdfSignatures signatures,
			@Value("${kaowu.portal.base-url:http://localhost:8080}") String portalBaseUrl) {
		this.certificates = certificates;
		this.candidates = candidates;
		this.signatures = signatures;
		this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1)
				: portalBaseUrl;
	}

	/** The certificate of a row the scope may see (else 404); 409 unless confirmed by both sides and numbered. */
	public byte[] pdf(Scope scope, long issueId, boolean paper) {
		IssueView row = certificates.get(scope, issueId);
		if (row.status() != IssueStatus.FINAL || row.certificateNumber() == null) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.error.notFinal", row.name());
		}
		return render(row, paper);
	}

	/** File name of a row's certificate in downloads and zips. */
	public static String fileName(IssueView row) {
		return (row.certificateNumber() + " " + row.name()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip()
				+ ".pdf";
	}

	/**
	 * The signed certificates of the plan's final rows the scope sees (optionally one college's), one PDF after the
	 * other into a zip on {@code out} (left open).
	 *
	 * @return the number of certificates written
	 */
	public int zip(Scope scope, long planId, @Nullable Long collegeId, OutputStream out) {
		List<IssueView> rows = certificates.list(scope, planId, IssueStatus.FINAL).stream()
			.filter(r -> r.certificateNumber() != null && (collegeId == null || r.collegeId() == collegeId))
			.toList();
		ZipOutputStream zip = new ZipOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		try {
			for (IssueView row : rows) {
				zip.putNextEntry(new ZipEntry(row.collegeName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "/"
						+ fileName(row)));
				zip.write(render(row, false));
				zip.closeEntry();
			}
			zip.finish();
			zip.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows.size();
	}

	String verificationUrl(String number) {
		return portalBaseUrl + "/portal/verify?no=" + java.net.URLEncoder.encode(number,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	private byte[] render(IssueView row, boolean paper) {
		String number = java.util.Objects.requireNonNull(row.certificateNumber());
		byte[] bytes;
		try (PdfCanvas pdf = PdfCanvas.create(REASON + " " + number)) {
			pdf.newPage(PdfCanvas.A4);
			float w = pdf.pageWidth();
			pdf.rect(12, 12, w - 24, pdf.pageHeight() - 24, 2f);
			pdf.rect(15, 15, w - 30, pdf.pageHeight() - 30, 0.6f);
			pdf.textBoldCentered("职业技能等级证书", w / 2, 48, 30);
			pdf.textCentered("1+X Vocational Skills Level Certificate", w / 2, 58, 12);
			candidates.photoOf(row.candidateId())
				.ifPresentOrElse(photo -> pdf.image(photo, "photo", w / 2 - 17.5f, 72, 35, 49),
						() -> pdf.rect(w / 2 - 17.5f, 72, 35, 49, 0.5f));
			float y = 145;
			y = field(pdf, "姓　　名", row.name(), y);
			y = field(pdf, "证书名称", row.levelDisplayName(), y);
			y = field(pdf, "证书编号", number, y);
			y = field(pdf, "发证日期", DATE.format(issued(row)), y);
			field(pdf, "颁发院校", row.collegeName(), y);
			pdf.qrCode(verificationUrl(number), 30, 228, 32);
			pdf.text("扫码验证证书", 31, 266, 9);
			if (!paper) {
				stamp(row).ifPresent(png -> pdf.image(png, "stamp.png", w - 80, 215, 42, 42));
			}
			pdf.textCentered(row.collegeName(), w - 59, 264, 12);
			bytes = pdf.toBytes();
		}
		return paper ? bytes : signatures.sign(bytes, REASON, row.collegeName());
	}

	private Optional<byte[]> stamp(IssueView row) {
		return certificates.stampImageOf(row.collegeId());
	}

	private static java.time.Instant issued(IssueView row) {
		java.time.Instant a = java.util.Objects.requireNonNull(row.orgConfirmedAt());
		java.time.Instant b = java.util.Objects.requireNonNull(row.collegeConfirmedAt());
		return a.isAfter(b) ? a : b;
	}

	private static float field(PdfCanvas pdf, String label, String value, float y) {
		pdf.text(label + "：", 45, y, 14);
		pdf.text(value, 80, y, pdf.fit(value, 90, 14));
		return y + 13;
	}
}
