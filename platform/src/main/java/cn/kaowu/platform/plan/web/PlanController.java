package cn.kaowu.platform.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanForm;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanPhase;
import cn.kaowu.platform.plan.PlanSubjectForm;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanSubjectsForm;
import cn.kaowu.platform.plan.PlanView;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 考核计划: the ORG's plans with their forms; the published plans for colleges and authorities. */
@Controller
class PlanController {

	private final PlanManagement plans;

	private final CatalogManagement catalog;

	private final ProblemMessages messages;

	private final Clock clock;

	PlanController(PlanManagement plans, CatalogManagement catalog, ProblemMessages messages, Clock clock) {
		this.plans = plans;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/plans")
	String list(Scope scope, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long certificateId, @RequestParam(required = false) PlanPhase phase,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", plans.list(scope, new PlanManagement.PlanFilter(year, certificateId, phase, null),
				PageQuery.of(page, size)));
		model.addAttribute("filterYear", year);
		model.addAttribute("filterCertificateId", certificateId);
		model.addAttribute("filterPhase", phase);
		model.addAttribute("phases", PlanPhase.values());
		int thisYear = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear();
		model.addAttribute("years", List.of(thisYear + 1, thisYear, thisYear - 1, thisYear - 2));
		model.addAttribute("certificates", PlanManagement.canManage(scope) ? plans.certificateChoices(scope)
				: catalog.listCertificates(scope, CatalogManagement.CertificateFilter.none(), new PageQuery(1, 100))
					.items());
		model.addAttribute("canManage", PlanManagement.canManage(scope));
		model.addAttribute("now", clock.instant());
		return "plan/plans";
	}

	@GetMapping("/plans/new")
	String initCreateForm(Scope scope, Model model) {
		PlanForm form = new PlanForm();
		form.setYear(LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear());
		model.addAttribute("planForm", form);
		return planForm(scope, null, model);
	}

	@PostMapping("/plans/new")
	String processCreateForm(Scope scope, @ModelAttribute PlanForm planForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return planForm(scope, null, model);
		}
		try {
			PlanView plan = plans.create(scope, planForm);
			redirect.addFlashAttribute("success", messages.text("plan.created"));
			return "redirect:/plans/" + plan.id() + "/subjects";
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return planForm(scope, null, model);
		}
	}

	@GetMapping("/plans/{id}")
	String detail(Scope scope, @PathVariable long id, Model model) {
		PlanView plan = plans.get(scope, id);
		model.addAttribute("plan", plan);
		model.addAttribute("timeline", PlanTimeline.of(plan, clock.instant()));
		model.addAttribute("canManage", PlanManagement.canManage(scope));
		model.addAttribute("editable", PlanManagement.canManage(scope) && plan.editableAt(clock.instant()));
		return "plan/plan";
	}

	@GetMapping("/plans/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		PlanView plan = plans.get(scope, id);
		model.addAttribute("planForm", PlanForm.of(plan));
		return planForm(scope, plan, model);
	}

	@PostMapping("/plans/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute PlanForm planForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				plans.update(scope, id, planForm);
				redirect.addFlashAttribute("success", messages.text("plan.updated"));
				return "redirect:/plans/" + id;
			}
			catch (DomainException e) {
				Forms.reject(result, e);
			}
		}
		return planForm(scope, plans.get(scope, id), model);
	}

	@GetMapping("/plans/{id}/subjects")
	String initSubjectsForm(Scope scope, @PathVariable long id, Model model) {
		PlanView plan = plans.get(scope, id);
		Map<Long, PlanSubjectView> inPlan = plan.subjects()
			.stream()
			.collect(Collectors.toMap(PlanSubjectView::subjectId, Function.identity()));
		List<PlanSubjectForm> rows = new ArrayList<>();
		for (SubjectView s : catalogSubjects(plan)) {
			PlanSubjectView p = inPlan.get(s.id());
			PlanSubjectForm row = new PlanSubjectForm();
			row.setSubjectId(s.id());
			row.setIncluded(p != null);
			row.setCode(p != null ? p.code() : s.code());
			row.setExamMode(p != null ? p.examMode() : s.examMode());
			row.setPassMark(p != null ? p.passMark() : s.passMark());
			if (p != null) {
				row.setExamDate(p.examDate());
				row.setStartTime(p.startTime());
				row.setEndTime(p.endTime());
			}
			rows.add(row);
		}
		model.addAttribute("subjectsForm", PlanSubjectsForm.of(rows));
		return subjectsForm(plan, model);
	}

	@PostMapping("/plans/{id}/subjects")
	String processSubjectsForm(Scope scope, @PathVariable long id, @ModelAttribute("subjectsForm") PlanSubjectsForm subjectsForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				plans.updateSubjects(scope, id, subjectsForm);
				redirect.addFlashAttribute("success", messages.text("plan.subjects.saved"));
				return "redirect:/plans/" + id;
			}
			catch (DomainException e) {
				Forms.reject(result, e);
			}
		}
		return subjectsForm(plans.get(scope, id), model);
	}

	@PostMapping("/plans/{id}/publish")
	String publish(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		plans.publish(scope, id);
		redirect.addFlashAttribute("success", messages.text("plan.published"));
		return "redirect:/plans/" + id;
	}

	@PostMapping("/plans/{id}/archive")
	String archive(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		plans.archive(scope, id);
		redirect.addFlashAttribute("success", messages.text("plan.archived"));
		return "redirect:/plans/" + id;
	}

	@PostMapping("/plans/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		plans.delete(scope, id);
		redirect.addFlashAttribute("success", messages.text("plan.deleted"));
		return "redirect:/plans";
	}

	private String planForm(Scope scope, PlanView plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("certificates", plans.certificateChoices(scope));
		return "plan/plan-form";
	}

	private String subjectsForm(PlanView plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("catalogSubjects", catalogSubjects(plan));
		model.addAttribute("modes", ExamMode.values());
		return "plan/subjects-form";
	}

	/** The usable subjects of the plan's certificate, level by level, in the order of the form rows. */
	private List<SubjectView> catalogSubjects(PlanView plan) {
		CertificateView certificate = catalog.getCertificate(Scope.system(), plan.certificateId());
		return certificate.levels()
			.stream()
			.filter(LevelView::usable)
			.flatMap(l -> l.usableSubjects().stream())
			.toList();
	}

	@Bean
	static MenuItem plansMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 10, "menu.plans", "/plans",
				EnumSet.of(Role.ADMIN, Role.ORG, Role.PROVINCE, Role.CITY, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL));
	}
}
