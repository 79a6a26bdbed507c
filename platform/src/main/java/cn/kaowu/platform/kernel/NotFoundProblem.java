package cn.kaowu.platform.kernel;

import org.springframework.http.HttpStatus;

/**
 * Thrown when a record does not exist <em>or lies outside the caller's scope</em>: both answer the same
 * so that ids of other colleges cannot be probed.
 */
public class NotFoundProblem extends DomainException {

	public NotFoundProblem(String what, Object id) {
		super(HttpStatus.NOT_FOUND, "error.notFound", what, id);
	}
}
