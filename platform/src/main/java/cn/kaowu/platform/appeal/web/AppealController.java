package cn.kaowu.platform.appeal.web;

import java.util.List;

import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.platform.appeal.AppealRecords;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 考试管理 → 申诉记录: per plan the sites' panels and appeals (state, due/late, decision, signature). */
@Controller
@RequestMapping("/appeals")
class AppealController {

	private final AppealRecords records;

	AppealController(AppealRecords records) {
		this.records = records;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) @Nullable Long planId, Model model) {
		List<PlanView> plans = records.plans(scope);
		PlanView plan = planId == null ? plans.stream().findFirst().orElse(null)
				: plans.stream().filter(p -> p.id() == planId).findFirst().orElse(null);
		if (planId != null && plan == null) {
			records.ofPlan(scope, planId); // answers 404 for a plan outside the scope
		}
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		AppealRecords.PlanAppeals appeals = plan == null ? new AppealRecords.PlanAppeals(List.of(), List.of())
				: records.ofPlan(scope, plan.id());
		model.addAttribute("appeals", appeals.appeals());
		model.addAttribute("panels", appeals.panels());
		return "appeal/list";
	}

	@GetMapping("/{planId}/packages/{packageId}/{appealId}/signature")
	ResponseEntity<byte[]> signature(Scope scope, @PathVariable long planId, @PathVariable String packageId,
			@PathVariable long appealId) {
		RoomReport.Appeal appeal = records.appeal(scope, planId, packageId, appealId);
		MediaType type = "image/png".equals(appeal.signatureType()) ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
		return ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff")
			.body(appeal.signature());
	}
}
