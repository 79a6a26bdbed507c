package cn.kaowu.platform.kernel;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule; names the fields at fault. */
public class InvalidInputProblem extends DomainException {

	public InvalidInputProblem(List<FieldProblem> problems) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problems, "error.invalidInput");
	}

	public InvalidInputProblem(String field, String messageKey, Object... args) {
		this(List.of(new FieldProblem(field, messageKey, args)));
	}
}
