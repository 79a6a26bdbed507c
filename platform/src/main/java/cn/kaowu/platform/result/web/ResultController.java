package cn.kaowu.platform.result.web;

import java.util.List;

import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.result.ResultIntake;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 成绩回收: the intake of a plan's packages (ORG) and the per-candidate reconciliation of one package. */
@Controller
@RequestMapping("/results")
class ResultController {

	private final Delivery delivery;

	private final ResultIntake results;

	ResultController(Delivery delivery, ResultIntake results) {
		this.delivery = delivery;
		this.results = results;
	}

	@GetMapping
	String intake(Scope scope, @RequestParam(required = false) @Nullable Long planId, Model model) {
		List<PlanView> plans = delivery.plansToDeliver(scope);
		PlanView plan = plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("intake", plan == null ? List.of() : results.intake(scope, plan.id()));
		return "result/intake";
	}

	@GetMapping("/{planId}/{packageId}")
	String reconciliation(Scope scope, @PathVariable long planId, @PathVariable String packageId,
			@RequestParam(defaultValue = "false") boolean flagged, Model model) {
		ResultIntake.PackageDetail detail = results.detail(scope, planId, packageId);
		model.addAttribute("planId", planId);
		model.addAttribute("detail", detail);
		model.addAttribute("flagged", flagged);
		model.addAttribute("rows", flagged
				? detail.candidates().stream().filter(ResultIntake.Reconciliation::flagged).toList()
				: detail.candidates());
		return "result/reconciliation";
	}
}
