package cn.kaowu.platform.kernel;

import org.springframework.http.HttpStatus;

/** The caller's role may not perform this action at all. */
public class AccessDeniedProblem extends DomainException {

	public AccessDeniedProblem(String messageKey, Object... args) {
		super(HttpStatus.FORBIDDEN, messageKey, args);
	}
}
