package cn.kaowu.platform.portal.api;

import java.net.URI;

import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.portal.TooManyLookups;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The portal APIs' 429: the problem document as the kernel writes it, plus {@code Retry-After}. Ahead of the kernel's
 * {@code ApiProblemHandler}, for the portal's APIs only.
 */
@RestControllerAdvice(assignableTypes = { PortalApi.class, PortalVerifyApi.class, PortalShareApi.class,
		PortalDownloadApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalApiProblems {

	private final ProblemMessages messages;

	PortalApiProblems(ProblemMessages messages) {
		this.messages = messages;
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
