package cn.kaowu.platform.schedule.web;

import java.util.List;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.materials.MaterialKind;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.Scheduling;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考试管理 → 排考管理: plans, the sites of a plan with their schedule (run and publish for the ORG), the rooms of a
 * site with seats and invigilators, and the zip of printed materials.
 */
@Controller
@RequestMapping("/schedule")
class ScheduleController {

	private final Scheduling scheduling;

	private final ProblemMessages messages;

	ScheduleController(Scheduling scheduling, ProblemMessages messages) {
		this.scheduling = scheduling;
		this.messages = messages;
	}

	@GetMapping
	String plans(Scope scope, Model model) {
		model.addAttribute("plans", scheduling.plans(scope));
		return "schedule/plans";
	}

	@GetMapping("/{planId}")
	String plan(Scope scope, @PathVariable long planId, Model model) {
		PlanView plan = scheduling.plan(scope, planId);
		model.addAttribute("plan", plan);
		model.addAttribute("sites", scheduling.sites(scope, planId));
		model.addAttribute("canRun", Scheduling.canRun(scope, plan));
		return "schedule/plan";
	}

	@PostMapping("/{planId}/run")
	String run(Scope scope, @PathVariable long planId, @RequestParam(required = false) @Nullable Long siteId,
			RedirectAttributes redirect) {
		try {
			return "redirect:/jobs/" + scheduling.startRun(scope, planId, siteId).id();
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/schedule/" + planId;
	}

	@PostMapping("/{planId}/publish")
	String publish(Scope scope, @PathVariable long planId, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success", messages.text("schedule.published", scheduling.publish(scope, planId)));
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/schedule/" + planId;
	}

	/** One material as a PDF: a site form, or a room's sheet in one slot ({@code roomId} and {@code subjectId}). */
	@GetMapping("/{planId}/sites/{siteId}/materials/{kind}.pdf")
	ResponseEntity<StreamingResponseBody> material(Scope scope, @PathVariable long planId, @PathVariable long siteId,
			@PathVariable MaterialKind kind, @RequestParam(required = false) @Nullable Long roomId,
			@RequestParam(required = false) @Nullable Long subjectId) {
		var room = scheduling.rooms(scope, planId, siteId).stream()
			.filter(r -> java.util.Objects.equals(r.roomId(), roomId) && java.util.Objects.equals(r.planSubjectId(), subjectId))
			.findFirst();
		String name = kind.title() + room.map(r -> "-" + r.roomName() + "-" + r.subject()).orElse("") + ".pdf";
		StreamingResponseBody body = out -> scheduling.material(scope, planId, siteId, kind, roomId, subjectId, out);
		return Downloads.attachment(name, "application/pdf", body);
	}

	@GetMapping("/{planId}/sites/{siteId}")
	String site(Scope scope, @PathVariable long planId, @PathVariable long siteId, Model model) {
		PlanView plan = scheduling.plan(scope, planId);
		model.addAttribute("plan", plan);
		model.addAttribute("site", scheduling.sites(scope, planId).stream().filter(s -> s.siteId() == siteId)
			.findFirst().orElseThrow(() -> new cn.kaowu.platform.kernel.NotFoundProblem("考核站点", siteId)));
		model.addAttribute("rooms", scheduling.rooms(scope, planId, siteId));
		model.addAttribute("canRun", Scheduling.canRun(scope, plan));
		model.addAttribute("siteKinds", List.of(MaterialKind.PATROL_RECORD, MaterialKind.SEAL_CONFIRMATION,
				MaterialKind.STAFF_PLEDGE));
		model.addAttribute("roomKinds", List.of(MaterialKind.TICKETS, MaterialKind.DESK_LABELS, MaterialKind.DOOR_LABEL,
				MaterialKind.SIGN_IN_SHEET, MaterialKind.ROOM_RECORD));
		return "schedule/site";
	}

	/** 调整座位 (the ORG, after publication too): one candidate's record to a free seat of another room. */
	@PostMapping("/{planId}/sites/{siteId}/move")
	String move(Scope scope, @PathVariable long planId, @PathVariable long siteId, @RequestParam long recordId,
			@RequestParam(required = false) @Nullable Long roomId, @RequestParam(required = false) @Nullable Integer seat,
			RedirectAttributes redirect) {
		try {
			if (roomId == null || seat == null) {
				throw new cn.kaowu.platform.kernel.InvalidInputProblem(roomId == null ? "roomId" : "seat",
						"enrollment.error.required");
			}
			scheduling.move(scope, planId, recordId, roomId, seat);
			redirect.addFlashAttribute("success", messages.text("schedule.moved"));
		}
		catch (DomainException e) {
			if (e.status().value() != 409 && e.status().value() != 422) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/schedule/" + planId + "/sites/" + siteId;
	}

	/** The zip is written while the rooms are drawn: one room's pages in memory at a time. */
	@GetMapping("/{planId}/sites/{siteId}/materials.zip")
	ResponseEntity<StreamingResponseBody> materials(Scope scope, @PathVariable long planId, @PathVariable long siteId) {
		scheduling.requirePrintable(scope, planId, siteId);
		String name = scheduling.materialsName(planId, siteId);
		StreamingResponseBody body = out -> scheduling.materials(scope, planId, siteId, out);
		return Downloads.attachment(name, "application/zip", body);
	}
}
