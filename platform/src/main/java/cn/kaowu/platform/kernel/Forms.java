package cn.kaowu.platform.kernel;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts the field problems of a {@link DomainException} onto a page form, so they show beside the fields. */
public final class Forms {

	private Forms() {
	}

	public static void reject(BindingResult result, DomainException e) {
		var wrapper = new BeanWrapperImpl(result.getTarget());
		if (e.fieldProblems().isEmpty()) {
			result.reject(e.messageKey(), e.args(), e.messageKey());
		}
		for (DomainException.FieldProblem p : e.fieldProblems()) {
			if (!p.field().isEmpty() && wrapper.isReadableProperty(p.field())) {
				result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
			}
			else {
				result.reject(p.messageKey(), p.args(), p.messageKey());
			}
		}
	}
}
