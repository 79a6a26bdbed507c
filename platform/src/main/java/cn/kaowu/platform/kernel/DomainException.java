package cn.kaowu.platform.kernel;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Base of every business error. Carries a message key (resolved in the caller's language) with its
 * arguments, the HTTP status it maps to, and field errors where a form or row is at fault. Rendered once,
 * as RFC 9457 problem details for the API and as a flash message in the UI.
 */
public class DomainException extends RuntimeException {

	private final String messageKey;

	private final Object[] args;

	private final HttpStatus status;

	private final List<FieldProblem> fieldProblems;

	public DomainException(HttpStatus status, String messageKey, Object... args) {
		this(status, List.of(), messageKey, args);
	}

	public DomainException(HttpStatus status, List<FieldProblem> fieldProblems, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

	public HttpStatus status() {
		return status;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/**
	 * The class, key, arguments and field problems, so a stack trace in a log or a failed test says what was wrong
	 * ({@link #getMessage()} stays the bare key).
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(getClass().getName()).append(": ").append(messageKey);
		if (args.length > 0) {
			text.append(java.util.Arrays.toString(args));
		}
		for (FieldProblem p : fieldProblems) {
			text.append(' ').append(p.field()).append(": ").append(p.messageKey());
			if (p.args().length > 0) {
				text.append(java.util.Arrays.toString(p.args()));
			}
		}
		return text.toString();
	}

	/** A problem with one field (or one cell of an imported row). */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}
}
