package cn.kaowu.platform.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.portal.PortalDownloads;
import cn.kaowu.platform.portal.ScoreLookup;
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

/**
 * 成绩查询 for candidates: the form, and its answer on the same page, with 下载电子证书 links for the holder's valid
 * certificates. No login; the form carries a CSRF token.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

	private final ScoreLookup lookup;

	private final PortalDownloads downloads;

	private final ProblemMessages messages;

	PortalController(ScoreLookup lookup, PortalDownloads downloads, ProblemMessages messages) {
		this.lookup = lookup;
		this.downloads = downloads;
		this.messages = messages;
	}

	/** The signed electronic certificate of a link from the answer below; else the form with the reason. */
	@GetMapping("/certificates/download")
	Object download(@RequestParam(required = false) @Nullable String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			PortalDownloads.Download d = downloads.download(
					downloads.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")), token);
			return Downloads.attachment(d.fileName(), "application/pdf", d.pdf());
		}
		catch (TooManyLookups e) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
			return failed(e, response, model);
		}
		catch (DomainException e) {
			return failed(e, response, model);
		}
	}

	private String failed(DomainException e, HttpServletResponse response, Model model) {
		response.setStatus(e.status().value());
		model.addAttribute("error", messages.text(e));
		return "portal/index";
	}

	@GetMapping
	String form() {
		return "portal/index";
	}

	@PostMapping
	String lookup(@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String ticketNumber, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("ticketNumber", ticketNumber);
		try {
			var found = lookup.lookup(lookup.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
					idNumber, ticketNumber);
			if (found.isPresent()) {
				model.addAttribute("found", found.get());
			}
			else {
				model.addAttribute("error", messages.text("portal.noMatch"));
			}
		}
		catch (TooManyLookups e) {
			response.setStatus(e.status().value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
			model.addAttribute("error", messages.text(e));
		}
		catch (InvalidInputProblem e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", messages.text("portal.fieldsRequired"));
		}
		return "portal/index";
	}
}
