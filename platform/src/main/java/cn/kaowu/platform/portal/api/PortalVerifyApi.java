package cn.kaowu.platform.portal.api;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.portal.CertificateVerification;
import cn.kaowu.platform.portal.TooManyLookups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

	private final ProblemMessages messages;

	PortalVerifyApi(CertificateVerification verification, ProblemMessages messages) {
		this.verification = verification;
		this.messages = messages;
	}

	@Operation(summary = "Certificate status by number and full ID number; 404 for any miss, 429 over the limit")
	@PostMapping("/verify")
	CertificateVerification.Result verify(@RequestBody VerifyRequest body, HttpServletRequest request) {
		return verification.verify(
				verification.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
				body.number(), body.idNumber())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.verify.noMatch"));
	}

	@ExceptionHandler(TooManyLookups.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyLookups e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), messages.text(e));
		problem.setType(URI.create("urn:kaowu:problem:" + e.messageKey()));
		problem.setProperty("code", e.messageKey());
		return ResponseEntity.status(e.status())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
			.body(problem);
	}
}
