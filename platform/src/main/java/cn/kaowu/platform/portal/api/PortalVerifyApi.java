package cn.kaowu.platform.portal.api;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.portal.CertificateVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 证书查验 without a login, as JSON; errors as RFC 9457 problems. */
@RestController
@RequestMapping("/api/v1/portal/certificates")
@Tag(name = "portal", description = "公开证书查验（无需登录，限流）")
class PortalVerifyApi {

	/** The check's input: the certificate number and the holder's full ID number. */
	record VerifyRequest(@Nullable String number, @Nullable String idNumber) {
	}

	private final CertificateVerification verification;

	PortalVerifyApi(CertificateVerification verification) {
		this.verification = verification;
	}

	@Operation(summary = "Certificate status by number and full ID number; 404 for any miss, 429 over the limit")
	@PostMapping("/verify")
	CertificateVerification.Result verify(@RequestBody VerifyRequest body, HttpServletRequest request) {
		return verification.verify(
				verification.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
				body.number(), body.idNumber())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.verify.noMatch"));
	}
}
