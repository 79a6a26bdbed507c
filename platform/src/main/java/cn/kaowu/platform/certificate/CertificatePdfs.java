package cn.kaowu.platform.certificate;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 证书 of final, numbered issue rows (photo, name and its pinyin, certificate and level, date of issue, number, a QR
 * code of the portal's verification URL), as the ORG chose per plan and college ({@link DeliveryMode}): electronic
 * ones carry the college principal's stamp and are signed with the platform's document key; paper ones are the print
 * template without stamp or signature. The number is the row's, never changed here.
 */
@Component
public class CertificatePdfs {

	static final String REASON = CertificateRenderer.REASON;

	private final CertificateManagement certificates;

	private final CandidateManagement candidates;

	private final CertificateRenderer renderer;

	private final int threads;

	CertificatePdfs(CertificateManagement certificates, CandidateManagement candidates, PdfSignatures signatures,
			@Value("${kaowu.portal.base-url:http://localhost:8080}") String portalBaseUrl,
			@Value("${kaowu.certificate.render-threads:0}") int threads) {
		this.certificates = certificates;
		this.candidates = candidates;
		this.renderer = new CertificateRenderer(signatures, portalBaseUrl);
		this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * The certificate of a row the scope may see (else 404) in its college's {@link DeliveryMode}; 409 unless
	 * confirmed by both sides and numbered.
	 */
	public byte[] pdf(Scope scope, long issueId) {
		return pdf(scope, issueId, null);
	}

	/**
	 * The signed electronic certificate of a row whatever the college's {@link DeliveryMode}: what the holder
	 * downloads from the portal (a paper certificate, if the ORG chose paper, comes from the college besides).
	 */
	public byte[] electronicPdf(Scope scope, long issueId) {
		return pdf(scope, issueId, DeliveryMode.ELECTRONIC);
	}

	private byte[] pdf(Scope scope, long issueId, @Nullable DeliveryMode only) {
		IssueView row = certificates.get(scope, issueId);
		if (row.status() != IssueStatus.FINAL || row.certificateNumber() == null) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.error.notFinal", row.name());
		}
		DeliveryMode mode = only != null ? only : certificates.deliveryMode(row.planId(), row.collegeId());
		return renderer.render(new CertificateRenderer.Sheet(row, mode, candidates.photoOf(row.candidateId()).orElse(null),
				mode == DeliveryMode.ELECTRONIC ? certificates.stampImageOf(row.collegeId()).orElse(null) : null));
	}

	/** File name of a row's certificate in downloads and zips. */
	public static String fileName(IssueView row) {
		return CertificateRenderer.fileName(row);
	}

	/**
	 * The certificates of the plan's final rows the scope sees (optionally one college's), each in its college's
	 * {@link DeliveryMode}, one PDF after the other into a zip on {@code out} (left open). Stamp and mode are read
	 * once per college; certificates are drawn and signed on several threads and written in order.
	 *
	 * @return the number of certificates written
	 */
	public int zip(Scope scope, long planId, @Nullable Long collegeId, OutputStream out) {
		List<IssueView> rows = certificates.list(scope, planId, IssueStatus.FINAL).stream()
			.filter(r -> r.certificateNumber() != null && (collegeId == null || r.collegeId() == collegeId))
			.toList();
		Map<Long, DeliveryMode> modes = new HashMap<>();
		Map<Long, Optional<byte[]>> stamps = new HashMap<>();
		for (IssueView row : rows) {
			DeliveryMode mode = modes.computeIfAbsent(row.collegeId(), c -> certificates.deliveryMode(planId, c));
			if (mode == DeliveryMode.ELECTRONIC) {
				stamps.computeIfAbsent(row.collegeId(), certificates::stampImageOf);
			}
		}
		return renderer.zip(rows.iterator(), row -> new CertificateRenderer.Sheet(row, modes.get(row.collegeId()),
				candidates.photoOf(row.candidateId()).orElse(null),
				stamps.getOrDefault(row.collegeId(), Optional.empty()).orElse(null)), out, threads);
	}

	String verificationUrl(String number) {
		return renderer.verificationUrl(number);
	}
}
