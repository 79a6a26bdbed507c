package cn.kaowu.platform.portal.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import cn.kaowu.platform.certificate.ShareCodes;
import cn.kaowu.platform.certificate.VerifiableCredentials;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.portal.ShareAccess;
import cn.kaowu.platform.portal.TooManyLookups;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * 分享码 on the portal, no login. An employer enters a code ({@code /portal/share}) and sees the certificate, or
 * downloads its Verifiable Credential. A holder proves who they are with ID number and ticket number
 * ({@code /portal/share/holder}); the proof is kept in the session (new session id), and with it they create, list and
 * revoke codes and download their credentials.
 */
@Controller
@RequestMapping("/portal/share")
class PortalShareController {

	static final String HOLDER = PortalShareController.class.getName() + ".holder";

	private final ShareAccess access;

	private final ShareCodes shares;

	private final ProblemMessages messages;

	PortalShareController(ShareAccess access, ShareCodes shares, ProblemMessages messages) {
		this.access = access;
		this.shares = shares;
		this.messages = messages;
	}

	// ---- employer ---------------------------------------------------------------------------------------------

	@GetMapping
	String form() {
		return "portal/share";
	}

	@PostMapping
	String view(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("code", code);
		try {
			var found = access.view(client(request), code);
			if (found.isPresent()) {
				model.addAttribute("shared", found.get());
			}
			else {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				model.addAttribute("error", messages.text("portal.share.noMatch"));
			}
		}
		catch (TooManyLookups e) {
			tooMany(response, e);
			model.addAttribute("error", messages.text(e));
		}
		catch (InvalidInputProblem e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", messages.text("portal.share.code.required"));
		}
		return "portal/share";
	}

	@PostMapping("/credential")
	ResponseEntity<byte[]> credentialByCode(@RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, HttpServletResponse response) {
		String error;
		try {
			var found = access.credential(client(request), code);
			if (found.isPresent()) {
				return download(found.get());
			}
			error = messages.text("portal.share.noMatch");
		}
		catch (TooManyLookups e) {
			error = messages.text(e);
		}
		catch (InvalidInputProblem e) {
			error = messages.text("portal.share.code.required");
		}
		// back to the form with the one answer (a download link cannot show a page)
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", error);
		RequestContextUtils.saveOutputFlashMap("/portal/share", request, response);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + "/portal/share"))
			.build();
	}

	// ---- holder -----------------------------------------------------------------------------------------------

	@GetMapping("/holder")
	String holder(HttpSession session, Model model) {
		ShareCodes.Holder holder = (ShareCodes.Holder) session.getAttribute(HOLDER);
		if (holder != null) {
			model.addAttribute("holder", holder);
			model.addAttribute("certificates", shares.certificates(holder));
			model.addAttribute("codes", shares.codes(holder));
		}
		model.addAttribute("defaultDays", ShareCodes.DEFAULT_DAYS);
		model.addAttribute("minDays", ShareCodes.MIN_DAYS);
		model.addAttribute("maxDays", ShareCodes.MAX_DAYS);
		return "portal/share-holder";
	}

	@PostMapping("/holder")
	String identify(@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String ticketNumber, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			var holder = access.identify(client(request), idNumber, ticketNumber);
			if (holder.isPresent()) {
				request.getSession(true);
				request.changeSessionId();
				request.getSession().setAttribute(HOLDER, holder.get());
				return "redirect:/portal/share/holder";
			}
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", messages.text("portal.share.noHolder"));
		}
		catch (TooManyLookups e) {
			tooMany(response, e);
			model.addAttribute("error", messages.text(e));
		}
		catch (InvalidInputProblem e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", messages.text("portal.fieldsRequired"));
		}
		model.addAttribute("ticketNumber", ticketNumber);
		return "portal/share-holder";
	}

	@PostMapping("/holder/codes")
	String create(@RequestParam long issueId, @RequestParam(required = false) @Nullable Integer days,
			HttpSession session, RedirectAttributes redirect) {
		ShareCodes.Holder holder = (ShareCodes.Holder) session.getAttribute(HOLDER);
		if (holder == null) {
			return "redirect:/portal/share/holder";
		}
		try {
			redirect.addFlashAttribute("created", shares.create(holder, issueId, days));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text(e));
		}
		return "redirect:/portal/share/holder";
	}

	@PostMapping("/holder/codes/{id}/revoke")
	String revoke(@PathVariable long id, HttpSession session, RedirectAttributes redirect) {
		ShareCodes.Holder holder = (ShareCodes.Holder) session.getAttribute(HOLDER);
		if (holder == null) {
			return "redirect:/portal/share/holder";
		}
		try {
			var code = shares.revoke(holder, id);
			redirect.addFlashAttribute("notice", messages.text("portal.share.revoked", code.hint()));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text(e));
		}
		return "redirect:/portal/share/holder";
	}

	@GetMapping("/holder/credential/{issueId}")
	ResponseEntity<byte[]> credential(@PathVariable long issueId, HttpSession session, HttpServletRequest request) {
		ShareCodes.Holder holder = (ShareCodes.Holder) session.getAttribute(HOLDER);
		if (holder == null) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(request.getContextPath() + "/portal/share/holder"))
				.build();
		}
		return download(shares.credential(holder, issueId));
	}

	@PostMapping("/holder/leave")
	String leave(HttpSession session) {
		session.removeAttribute(HOLDER);
		return "redirect:/portal/share/holder";
	}

	private String client(HttpServletRequest request) {
		return access.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
	}

	private static void tooMany(HttpServletResponse response, TooManyLookups e) {
		response.setStatus(e.status().value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
	}

	static ResponseEntity<byte[]> download(String jwt) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(VerifiableCredentials.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("certificate.vc.jwt").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(jwt.getBytes(StandardCharsets.US_ASCII));
	}
}
