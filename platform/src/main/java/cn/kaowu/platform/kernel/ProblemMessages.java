package cn.kaowu.platform.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/** Turns message keys of {@link DomainException}s and binding errors into text in the caller's language. */
@Component
public class ProblemMessages {

	private final MessageSource messages;

	private final LocaleResolver localeResolver;

	ProblemMessages(MessageSource messages, LocaleResolver localeResolver) {
		this.messages = messages;
		this.localeResolver = localeResolver;
	}

	public String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale());
	}

	public String text(DomainException e) {
		return text(e.messageKey(), e.args());
	}

	/** Field errors as {field, message} maps, the shape of the {@code errors} member of a problem. */
	public List<Map<String, String>> fieldErrors(DomainException e) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (DomainException.FieldProblem p : e.fieldProblems()) {
			errors.add(Map.of("field", p.field(), "message", text(p.messageKey(), p.args())));
		}
		return errors;
	}

	public List<Map<String, String>> fieldErrors(BindingResult result) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(Map.of("field", error.getField(), "message", messages.getMessage(error, locale())));
		}
		result.getGlobalErrors()
			.forEach(error -> errors.add(Map.of("field", "", "message", messages.getMessage(error, locale()))));
		return errors;
	}

	/**
	 * Shows a business error on the page a POST redirects to: the message as the flash error and the field
	 * problems, if any, as its details (see fragments/flash.html).
	 */
	public void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, DomainException e) {
		redirect.addFlashAttribute("error", text(e));
		redirect.addFlashAttribute("errorDetails", fieldErrors(e).stream().map(m -> m.get("message")).toList());
	}

	/**
	 * The caller's language as the UI chooses it (cookie, else Chinese). Servlet filters run before the
	 * dispatcher sets the locale, and there the request's Accept-Language would leak in.
	 */
	private Locale locale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return localeResolver.resolveLocale(attributes.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}
}
