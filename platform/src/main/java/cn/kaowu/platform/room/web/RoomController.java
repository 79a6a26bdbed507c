package cn.kaowu.platform.room.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorStatus;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.room.RoomState;
import cn.kaowu.platform.room.RoomView;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 考务管理 → 考场管理: choose a site and a plan, the rooms with state and type, add/edit/delete, 延用, import (job page)
 * and export, the seat check when registrations are known, and the invigilators page; 监考审核 for the ORG.
 */
@Controller
@RequestMapping("/rooms")
class RoomController {

	private final RoomManagement rooms;

	private final InvigilatorManagement invigilators;

	private final ProblemMessages messages;

	RoomController(RoomManagement rooms, InvigilatorManagement invigilators, ProblemMessages messages) {
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.messages = messages;
	}

	static String back(long planId, long siteId) {
		return "redirect:" + link("/rooms", planId, siteId);
	}

	static String link(String path, long planId, long siteId) {
		return UriComponentsBuilder.fromPath(path)
			.queryParam("planId", planId)
			.queryParam("siteId", siteId)
			.build()
			.toUriString();
	}

	/** Site and plan choices for a college; the chosen pair if both are given (or the only ones). */
	private boolean choose(Scope scope, @Nullable Long planId, @Nullable Long siteId, Model model) {
		List<SiteView> sites = rooms.sites(scope);
		model.addAttribute("sites", sites);
		Long chosenSite = siteId == null && sites.size() == 1 ? Long.valueOf(sites.getFirst().id()) : siteId;
		SiteView site = chosenSite == null ? null
				: sites.stream().filter(s -> s.id() == chosenSite.longValue()).findFirst().orElse(null);
		List<PlanView> plans = site == null ? List.of() : rooms.plansFor(site);
		model.addAttribute("plans", plans);
		model.addAttribute("siteId", chosenSite);
		siteId = chosenSite;
		if (planId == null && plans.size() == 1) {
			planId = plans.getFirst().id();
		}
		model.addAttribute("planId", planId);
		if (planId == null || siteId == null) {
			return false;
		}
		PlanView plan = rooms.plan(scope, planId, siteId);
		SiteView chosen = rooms.site(scope, planId, siteId);
		model.addAttribute("plan", plan);
		model.addAttribute("site", chosen);
		model.addAttribute("state", rooms.state(scope, planId, siteId));
		model.addAttribute("canManage", RoomManagement.canManage(scope, chosen));
		return true;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long planId, @RequestParam(required = false) Long siteId,
			Model model) {
		if (!choose(scope, planId, siteId, model)) {
			return "room/list";
		}
		long p = (Long) model.getAttribute("planId");
		long s = (Long) model.getAttribute("siteId");
		model.addAttribute("rooms", rooms.list(scope, p, s));
		model.addAttribute("coverage", rooms.coverage(scope, p, s));
		model.addAttribute("staffing", invigilators.staffing(scope, p, s));
		model.addAttribute("copySources", rooms.copySources(scope, p, s));
		return "room/list";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("考场信息导入模板.xlsx", Spreadsheets.CONTENT_TYPE, rooms.template());
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam long planId, @RequestParam long siteId) {
		return Downloads.attachment("考场信息.xlsx", Spreadsheets.CONTENT_TYPE,
				rooms.export(scope, planId, siteId, messages::text));
	}

	@PostMapping("/import")
	String startImport(Scope scope, @RequestParam long planId, @RequestParam long siteId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			JobView job = rooms.startImport(scope, planId, siteId,
					file == null || file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes());
			return "redirect:/jobs/" + job.id();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DomainException e) {
			flashError(redirect, e);
			return back(planId, siteId);
		}
	}

	@PostMapping("/copy")
	String copy(Scope scope, @RequestParam long planId, @RequestParam long siteId, @RequestParam long fromPlanId,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success", messages.text("room.copied", rooms.copy(scope, fromPlanId, planId, siteId)));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return back(planId, siteId);
	}

	@PostMapping("/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		RoomView room = rooms.get(scope, id);
		try {
			rooms.delete(scope, id);
			redirect.addFlashAttribute("success", messages.text("room.deleted", room.name()));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return back(room.planId(), room.siteId());
	}

	private void flashError(RedirectAttributes redirect, DomainException e) {
		if (e.status().value() == 404 || e.status().value() == 403) {
			throw e;
		}
		List<String> details = messages.fieldErrors(e).stream().map(m -> m.get("message")).toList();
		redirect.addFlashAttribute("error", details.isEmpty() ? messages.text(e) : String.join("；", details));
	}

	// ---- form ----

	@GetMapping("/new")
	String initCreateForm(Scope scope, @RequestParam long planId, @RequestParam long siteId, Model model) {
		model.addAttribute("roomForm", new RoomForm());
		return form(scope, planId, siteId, null, model);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @RequestParam long planId, @RequestParam long siteId,
			@ModelAttribute RoomForm roomForm, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			RoomView created = rooms.create(scope, planId, siteId, roomForm);
			redirect.addFlashAttribute("success", messages.text("room.created", created.name()));
			return back(planId, siteId);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(scope, planId, siteId, null, model);
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			Forms.reject(result, e);
			return form(scope, planId, siteId, null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		RoomView room = rooms.get(scope, id);
		model.addAttribute("roomForm", RoomForm.of(room));
		return form(scope, room.planId(), room.siteId(), room, model);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute RoomForm roomForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		RoomView room = rooms.get(scope, id);
		try {
			rooms.update(scope, id, roomForm);
		}
		catch (DomainException e) {
			if (e.status().value() != 422 && e.status().value() != 409) {
				throw e;
			}
			Forms.reject(result, e);
			return form(scope, room.planId(), room.siteId(), room, model);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return form(scope, room.planId(), room.siteId(), room, model);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return back(room.planId(), room.siteId());
	}

	private String form(Scope scope, long planId, long siteId, @Nullable RoomView room, Model model) {
		PlanView plan = rooms.plan(scope, planId, siteId);
		model.addAttribute("plan", plan);
		model.addAttribute("site", rooms.site(scope, planId, siteId));
		model.addAttribute("room", room);
		model.addAttribute("subjects", plan.subjects());
		model.addAttribute("scheduling", rooms.state(scope, planId, siteId) == RoomState.SCHEDULING);
		return "room/form";
	}

	// ---- invigilators ----

	@GetMapping("/invigilators")
	String invigilators(Scope scope, @RequestParam long planId, @RequestParam long siteId, Model model) {
		model.addAttribute("plan", rooms.plan(scope, planId, siteId));
		SiteView site = rooms.site(scope, planId, siteId);
		model.addAttribute("site", site);
		model.addAttribute("canManage", RoomManagement.canManage(scope, site));
		model.addAttribute("invigilators", invigilators.list(scope, planId, siteId));
		model.addAttribute("staffing", invigilators.staffing(scope, planId, siteId));
		model.addAttribute("choices", RoomManagement.canManage(scope, site) ? invigilators.choices(scope, planId, siteId)
				: List.of());
		return "room/invigilators";
	}

	@PostMapping("/invigilators")
	String submit(Scope scope, @RequestParam long planId, @RequestParam long siteId,
			@RequestParam(name = "staffIds", required = false) @Nullable List<Long> staffIds,
			RedirectAttributes redirect) {
		try {
			var submitted = invigilators.submit(scope, planId, siteId, staffIds == null ? List.of() : staffIds);
			redirect.addFlashAttribute("success", messages.text("room.invigilator.submitted", submitted.size()));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return "redirect:" + link("/rooms/invigilators", planId, siteId);
	}

	@PostMapping("/invigilators/{id}/resubmit")
	String resubmit(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		InvigilatorView v = invigilators.resubmit(scope, id);
		redirect.addFlashAttribute("success", messages.text("room.invigilator.resubmitted", v.name()));
		return "redirect:" + link("/rooms/invigilators", v.planId(), v.siteId());
	}

	@PostMapping("/invigilators/{id}/withdraw")
	String withdraw(Scope scope, @PathVariable long id, @RequestParam long planId, @RequestParam long siteId,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success",
					messages.text("room.invigilator.withdrawn", invigilators.withdraw(scope, id)));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return "redirect:" + link("/rooms/invigilators", planId, siteId);
	}

	@GetMapping("/review")
	String review(Scope scope, @RequestParam(required = false) InvigilatorStatus status, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", InvigilatorStatus.values());
		model.addAttribute("invigilators", invigilators.reviewQueue(scope, status));
		return "room/review";
	}

	@PostMapping("/invigilators/{id}/approve")
	String approve(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success",
					messages.text("room.invigilator.approved", invigilators.approve(scope, id).name()));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return "redirect:/rooms/review";
	}

	@PostMapping("/invigilators/{id}/return")
	String returnForChanges(Scope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("success",
					messages.text("room.invigilator.returned", invigilators.returnForChanges(scope, id, reason).name()));
		}
		catch (DomainException e) {
			flashError(redirect, e);
		}
		return "redirect:/rooms/review";
	}
}
