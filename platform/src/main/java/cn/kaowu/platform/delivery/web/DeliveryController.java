package cn.kaowu.platform.delivery.web;

import java.util.List;

import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考点服务器 (a college enrols its sites' servers with a one-time code) and 试卷包 (the ORG builds a plan's packages,
 * sees them and reads an emergency code out by phone).
 */
@Controller
@RequestMapping("/delivery")
class DeliveryController {

	private final Delivery delivery;

	private final ProblemMessages messages;

	DeliveryController(Delivery delivery, ProblemMessages messages) {
		this.delivery = delivery;
		this.messages = messages;
	}

	@GetMapping("/servers")
	String servers(Scope scope, Model model) {
		model.addAttribute("servers", delivery.siteServers(scope));
		return "delivery/servers";
	}

	@PostMapping("/servers/{siteId}/token")
	String token(Scope scope, @PathVariable long siteId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("token", delivery.enrolmentToken(scope, siteId).token());
		redirect.addFlashAttribute("tokenSite", siteId);
		return "redirect:/delivery/servers";
	}

	@GetMapping("/packages")
	String packages(Scope scope, @RequestParam(required = false) Long planId, Model model) {
		List<PlanView> plans = delivery.plansToDeliver(scope);
		PlanView plan = plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("packages", plan == null ? List.of() : delivery.packages(scope, plan.id()));
		return "delivery/packages";
	}

	@PostMapping("/packages/{planId}/build")
	String build(Scope scope, @PathVariable long planId) {
		return "redirect:/jobs/" + delivery.startBuild(scope, planId).id();
	}

	@PostMapping("/packages/{planId}/{packageId}/emergency-code")
	String emergencyCode(Scope scope, @PathVariable long planId, @PathVariable String packageId,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("code", delivery.emergencyCode(scope, packageId));
			redirect.addFlashAttribute("codePackage", packageId);
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/delivery/packages?planId=" + planId;
	}

	/** The ORG's 延时审批码 for a total extension above 15 minutes, read out by phone to the site. */
	@PostMapping("/packages/{planId}/extension-code")
	String extensionCode(Scope scope, @PathVariable long planId, @RequestParam String packageId,
			@RequestParam String target, @RequestParam(required = false) Integer minutes, RedirectAttributes redirect) {
		try {
			if (minutes == null) {
				throw new cn.kaowu.platform.kernel.InvalidInputProblem("minutes", "delivery.error.required");
			}
			redirect.addFlashAttribute("extensionCode", delivery.extensionCode(scope, packageId, target, minutes));
			redirect.addFlashAttribute("extensionFor", messages.text("delivery.extension.for", packageId, target.strip(),
					minutes));
		}
		catch (DomainException e) {
			if (e.status().value() != 409 && e.status().value() != 422) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/delivery/packages?planId=" + planId;
	}
}
