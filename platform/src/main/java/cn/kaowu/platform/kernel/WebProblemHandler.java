package cn.kaowu.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Business errors raised behind a page: an error page that names what went wrong, in Chinese. */
@ControllerAdvice(annotations = Controller.class)
class WebProblemHandler {

	private final ProblemMessages messages;

	private final LayoutModelAdvice layout;

	WebProblemHandler(ProblemMessages messages, LayoutModelAdvice layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	String uploadTooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
		return domain(new DomainException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
				"upload.requestTooLarge", "20 MB"), model, request, response);
	}

	/** A form that uploads posted without its file (not multipart at all): a 400 that says so, not a 500. */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	String notMultipart(Model model, HttpServletRequest request, HttpServletResponse response) {
		return domain(new DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "upload.notMultipart"),
				model, request, response);
	}

	/** A path like /sites/review where /sites/{id} expects a number: there is no such page. */
	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	String noSuchPage(Model model, HttpServletRequest request, HttpServletResponse response) {
		return domain(new DomainException(org.springframework.http.HttpStatus.NOT_FOUND, "error.http.404"), model,
				request, response);
	}

	@ExceptionHandler(DomainException.class)
	String domain(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		// Exception handlers do not get @ModelAttribute values; the layout needs them.
		model.addAttribute("menu", layout.menu());
		model.addAttribute("currentPath", layout.currentPath(request));
		model.addAttribute("scope", layout.scope());
		response.setStatus(e.status().value());
		model.addAttribute("status", e.status().value());
		model.addAttribute("message", messages.text(e));
		model.addAttribute("fieldErrors", messages.fieldErrors(e));
		return "error/problem";
	}
}
