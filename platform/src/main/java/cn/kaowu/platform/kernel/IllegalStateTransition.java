package cn.kaowu.platform.kernel;

import org.springframework.http.HttpStatus;

/** An action that the current state of a record does not allow; names the state. */
public class IllegalStateTransition extends DomainException {

	public IllegalStateTransition(String what, Object currentState, String action) {
		super(HttpStatus.CONFLICT, "error.illegalState", what, currentState, action);
	}
}
