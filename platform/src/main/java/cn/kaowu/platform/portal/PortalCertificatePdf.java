package cn.kaowu.platform.portal;

import cn.kaowu.platform.certificate.CertificatePdfs;
import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.stereotype.Component;

/**
 * The portal's way to the signed electronic certificate: {@link CertificatePdfs#pdf} wants a scope that may see the
 * row, so the holder's download (already authorised by a signed link) acts as the plan's ORG, read-only. A thin
 * adapter until {@code CertificatePdfs} offers an unscoped electronic PDF of a checked row.
 */
@Component
class PortalCertificatePdf {

	private final CertificatePdfs pdfs;

	PortalCertificatePdf(CertificatePdfs pdfs) {
		this.pdfs = pdfs;
	}

	byte[] electronic(CertificateRegistry.Issued issued) {
		Scope issuer = new Scope(null, "portal", Role.ORG, issued.organisationId(), null, null);
		return pdfs.electronicPdf(issuer, issued.issueId());
	}
}
