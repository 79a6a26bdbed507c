package cn.kaowu.platform.certificate.web;

import java.io.IOException;
import java.util.List;

import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.certificate.CertificatePdfs;
import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.certificate.DeliveryMode;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.certificate.IssueStatus;
import cn.kaowu.platform.certificate.IssueView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 证书管理: 签章管理 (the principal: agreement, upload/replace/delete, preview on a sample certificate, approvers) and
 * the issuance list (ORG: 证书发放 — generate, confirm, resubmit refusals; colleges: 证书确认 — confirm or refuse with
 * the re-entered password).
 */
@Controller
@RequestMapping("/certificates")
class IssuanceController {

	private final CertificateManagement certificates;

	private final CertificatePdfs pdfs;

	private final CertificateRegistry registry;

	private final ProblemMessages messages;

	IssuanceController(CertificateManagement certificates, CertificatePdfs pdfs, CertificateRegistry registry,
			ProblemMessages messages) {
		this.certificates = certificates;
		this.registry = registry;
		this.pdfs = pdfs;
		this.messages = messages;
	}

	@GetMapping("/stamp")
	String stamp(Scope scope, Model model) {
		model.addAttribute("accepted", certificates.agreementAccepted(scope));
		model.addAttribute("stamp", certificates.stamp(scope).orElse(null));
		model.addAttribute("approvers", certificates.approverAccounts(scope));
		return "certificate/stamp";
	}

	@GetMapping("/stamp/image")
	ResponseEntity<byte[]> image(Scope scope) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
			.body(certificates.stampImage(scope));
	}

	@PostMapping("/stamp/agreement")
	String accept(Scope scope, @RequestParam(required = false) @Nullable String agree, RedirectAttributes redirect) {
		if (agree == null) {
			redirect.addFlashAttribute("error", messages.text("certificate.agreement.tick"));
			return "redirect:/certificates/stamp";
		}
		certificates.acceptAgreement(scope);
		redirect.addFlashAttribute("success", messages.text("certificate.agreement.accepted"));
		return "redirect:/certificates/stamp";
	}

	@PostMapping("/stamp")
	String upload(Scope scope, @RequestParam MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			certificates.uploadStamp(scope, String.valueOf(file.getOriginalFilename()), file.getBytes());
			redirect.addFlashAttribute("success", messages.text("certificate.stamp.uploaded"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/stamp";
	}

	@PostMapping("/stamp/delete")
	String delete(Scope scope, RedirectAttributes redirect) {
		try {
			certificates.deleteStamp(scope);
			redirect.addFlashAttribute("success", messages.text("certificate.stamp.deleted"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/stamp";
	}

	@PostMapping("/approvers")
	String delegate(Scope scope, @RequestParam String username, RedirectAttributes redirect) {
		try {
			certificates.delegateByUsername(scope, username);
			redirect.addFlashAttribute("success", messages.text("certificate.approver.added"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/stamp";
	}

	@PostMapping("/approvers/revoke")
	String revoke(Scope scope, @RequestParam long accountId, RedirectAttributes redirect) {
		try {
			certificates.revoke(scope, accountId);
			redirect.addFlashAttribute("success", messages.text("certificate.approver.removed"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/stamp";
	}

	@GetMapping("/issues")
	String issues(Scope scope, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable IssueStatus status, Model model) {
		List<PlanView> plans = certificates.plans(scope);
		PlanView plan = plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
		boolean org = scope.role() == Role.ORG;
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("org", org);
		model.addAttribute("status", status);
		model.addAttribute("statuses", List.of(IssueStatus.values()));
		model.addAttribute("canSign", org || certificates.isApprover(scope));
		List<IssueView> rows = plan == null ? List.of() : certificates.list(scope, plan.id(), status);
		model.addAttribute("rows", rows);
		model.addAttribute("deliveries", plan == null ? List.of() : certificates.deliveries(scope, plan.id()));
		model.addAttribute("standings", plan == null ? java.util.Map.of() : registry.standings(scope, plan.id()));
		model.addAttribute("modes", List.of(DeliveryMode.values()));
		return "certificate/issues";
	}

	@PostMapping("/issues/generate")
	String generate(Scope scope, @RequestParam long planId, RedirectAttributes redirect) {
		try {
			var g = certificates.generate(scope, planId);
			redirect.addFlashAttribute("success", messages.text("certificate.generated", g.added(), g.total()));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/issues?planId=" + planId;
	}

	@PostMapping("/issues/sign")
	String sign(Scope scope, @RequestParam long planId, @RequestParam String action,
			@RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		List<Long> selected = ids == null ? List.of() : ids;
		try {
			int n = switch (action) {
				case "refuse" -> certificates.refuse(scope, selected, password, reason).size();
				case "resubmit" -> certificates.resubmit(scope, selected).size();
				default -> certificates.confirm(scope, selected, password).size();
			};
			redirect.addFlashAttribute("success", messages.text("certificate.done." + switch (action) {
				case "refuse", "resubmit" -> action;
				default -> "confirm";
			}, n));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/issues?planId=" + planId;
	}

	/** The ORG chooses 电子证书 or 纸质证书 for one college of the plan. */
	@PostMapping("/issues/mode")
	String mode(Scope scope, @RequestParam long planId, @RequestParam long collegeId,
			@RequestParam(required = false) @Nullable DeliveryMode mode, RedirectAttributes redirect) {
		try {
			DeliveryMode chosen = certificates.chooseDelivery(scope, planId, collegeId, mode);
			redirect.addFlashAttribute("success", messages.text("certificate.mode.saved", messages.text(chosen.messageKey())));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/issues?planId=" + planId;
	}

	/** 证书状态 (ORG owning the plan): the certificate, its current status and history, revoke / suspend / lift. */
	@GetMapping("/issues/{id}/status")
	String status(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("row", certificates.get(scope, id));
		model.addAttribute("current", registry.status(scope, id));
		model.addAttribute("history", registry.history(scope, id));
		return "certificate/status";
	}

	/**
	 * Revokes, suspends or lifts with a reason in two steps: without {@code confirmed} the page asks again (naming what
	 * will happen, for a revocation that it is final); with it the change is made.
	 */
	@PostMapping("/issues/{id}/status")
	String changeStatus(Scope scope, @PathVariable long id, @RequestParam String action,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		if (!List.of("revoke", "suspend", "lift").contains(action)) {
			return "redirect:/certificates/issues/" + id + "/status";
		}
		try {
			if (reason == null || reason.isBlank()) {
				throw new InvalidInputProblem("reason", "certificate.error.statusReasonRequired");
			}
			if (!confirmed) {
				status(scope, id, model);
				model.addAttribute("confirmAction", action);
				model.addAttribute("confirmReason", reason.strip());
				return "certificate/status";
			}
			CertificateRegistry.StatusView now = switch (action) {
				case "revoke" -> registry.revoke(scope, id, reason);
				case "suspend" -> registry.suspend(scope, id, reason);
				default -> registry.lift(scope, id, reason);
			};
			redirect.addFlashAttribute("success", messages.text("certificate.status.changed", now.certificateNumber(),
					messages.text(now.standing().messageKey())));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/certificates/issues/" + id + "/status";
	}

	/** The certificate in its college's 发证方式: electronic signed with the stamp, or the paper print template. */
	@GetMapping("/issues/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificatePdf(Scope scope, @PathVariable long id) {
		byte[] pdf = pdfs.pdf(scope, id);
		return Downloads.inline(CertificatePdfs.fileName(certificates.get(scope, id)), "application/pdf", pdf);
	}

	/** The certificates of the plan's final rows the scope sees (one college's with {@code collegeId}), as a zip. */
	@GetMapping("/plans/{planId}/certificates.zip")
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> certificatesZip(
			Scope scope, @PathVariable long planId, @RequestParam(required = false) @Nullable Long collegeId) {
		certificates.list(scope, planId, IssueStatus.FINAL); // 403/404 before the response starts
		return Downloads.attachment("证书-" + planId + ".zip", "application/zip",
				out -> pdfs.zip(scope, planId, collegeId, out));
	}
}
