package cn.kaowu.platform.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.portal.CertificateVerification;
import cn.kaowu.platform.portal.TooManyLookups;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 证书查验: the form (number prefilled from {@code ?no=}) and its answer on the same page. No login. */
@Controller
@RequestMapping("/portal/verify")
class PortalVerifyController {

	private final CertificateVerification verification;

	private final ProblemMessages messages;

	PortalVerifyController(CertificateVerification verification, ProblemMessages messages) {
		this.verification = verification;
		this.messages = messages;
	}

	@GetMapping
	String form(@RequestParam(name = "no", required = false) @Nullable String number, Model model) {
		model.addAttribute("number", number);
		return "portal/verify";
	}

	@PostMapping
	String verify(@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String idNumber, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("number", number);
		try {
			var found = verification.verify(
					verification.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")), number,
					idNumber);
			if (found.isPresent()) {
				model.addAttribute("found", found.get());
			}
			else {
				model.addAttribute("error", messages.text("portal.verify.noMatch"));
			}
		}
		catch (TooManyLookups e) {
			response.setStatus(e.status().value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
			model.addAttribute("error", messages.text(e));
		}
		catch (InvalidInputProblem e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", messages.text("portal.verify.fieldsRequired"));
		}
		return "portal/verify";
	}
}
