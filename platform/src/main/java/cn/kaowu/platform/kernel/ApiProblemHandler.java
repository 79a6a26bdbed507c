package cn.kaowu.platform.kernel;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error format of the REST API: RFC 9457 problem details whose {@code detail} and field
 * {@code errors} are in the caller's language (Chinese unless English was asked for), plus a stable
 * {@code code} (the message key) for programs.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private final ProblemMessages messages;

	ApiProblemHandler(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e) {
		ProblemDetail problem = problem(e.status(), e.messageKey(), messages.text(e));
		if (!e.fieldProblems().isEmpty()) {
			problem.setProperty("errors", messages.fieldErrors(e));
		}
		return ResponseEntity.status(e.status()).body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problem(HttpStatus.FORBIDDEN, "error.forbidden", messages.text("error.forbidden")));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "error.concurrentChange", messages.text("error.concurrentChange")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput", messages.text("error.invalidInput"));
		problem.setProperty("errors",
				List.of(Map.of("field", e.getName(), "message", messages.text("error.typeMismatch", e.getName()))));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
			org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "upload.requestTooLarge",
				messages.text("upload.requestTooLarge", "20 MB"));
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalidInput",
				messages.text("error.invalidInput"));
		problem.setProperty("errors", messages.fieldErrors(ex.getBindingResult()));
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Framework errors (unreadable JSON, wrong method...) get a Chinese detail too.
		if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
			String key = "error.http." + statusCode.value();
			String text = messages.text(key);
			if (!text.equals(key)) {
				problem.setDetail(text);
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:kaowu:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}
}
