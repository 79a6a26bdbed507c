package cn.kaowu.platform.enrollment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentManagement.RecordFilter;
import cn.kaowu.platform.enrollment.RecordStatus;
import cn.kaowu.platform.enrollment.RecordView;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考务管理 → 报考管理: the records with filters, batch delete and export, the "按证书导入" template and import (opens
 * the job page with its live progress bar), import records, single registration and the fee statement.
 */
@Controller
@RequestMapping("/registrations")
class EnrollmentController {

	private final EnrollmentManagement enrollment;

	private final ProblemMessages messages;

	EnrollmentController(EnrollmentManagement enrollment, ProblemMessages messages) {
		this.enrollment = enrollment;
		this.messages = messages;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) CandidateKind kind,
			@RequestParam(required = false) RecordStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		RecordFilter filter = new RecordFilter(planId, keyword, kind, status, null);
		model.addAttribute("result", enrollment.list(scope, filter, PageQuery.of(page, size)));
		model.addAttribute("plans", enrollment.plans(scope));
		model.addAttribute("canManage", EnrollmentManagement.canManage(scope));
		model.addAttribute("openPlans", EnrollmentManagement.canManage(scope) ? enrollment.openPlans() : List.of());
		model.addAttribute("planId", planId);
		model.addAttribute("keyword", keyword);
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("kinds", CandidateKind.values());
		model.addAttribute("statuses", RecordStatus.values());
		return "enrollment/list";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("按证书批量导入报考模板.xlsx", Spreadsheets.CONTENT_TYPE, enrollment.template());
	}

	/** GET for the filter's link, POST for the ticked records of the list's form. */
	@RequestMapping(path = "/export.xlsx", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> export(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) CandidateKind kind,
			@RequestParam(required = false) RecordStatus status, @RequestParam(required = false) List<Long> ids) {
		byte[] file = enrollment.export(scope, new RecordFilter(planId, keyword, kind, status, null), ids,
				messages::text);
		return Downloads.attachment("报考记录.xlsx", Spreadsheets.CONTENT_TYPE, file);
	}

	@PostMapping("/import")
	String startImport(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			JobView job = enrollment.startImport(scope, planId, name(file), bytes(file));
			return "redirect:/jobs/" + job.id();
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error",
					String.join("；", messages.fieldErrors(e).stream().map(m -> m.get("message")).toList()));
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/registrations";
	}

	@GetMapping("/imports")
	String imports(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", enrollment.imports(scope, PageQuery.of(page, size)));
		return "job/list";
	}

	/** 批量删除 or 批量导出 of the ticked records (export of all when none is ticked). */
	@PostMapping("/batch")
	String batch(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam String action, @RequestParam(required = false) Long planId, RedirectAttributes redirect) {
		String back = planId == null ? "redirect:/registrations" : "redirect:/registrations?planId=" + planId;
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return back;
		}
		try {
			redirect.addFlashAttribute("success", messages.text("enrollment.deleted", enrollment.delete(scope, ids)));
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return back;
	}

	// ---- single registration ----

	@GetMapping("/new")
	String initCreateForm(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, @RequestParam(required = false) String q,
			Model model) {
		RegistrationForm form = new RegistrationForm();
		form.setPlanId(planId);
		model.addAttribute("registrationForm", form);
		return form(scope, form, kind, q, model);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @ModelAttribute RegistrationForm registrationForm, BindingResult result,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, Model model, RedirectAttributes redirect) {
		try {
			List<RecordView> created = enrollment.register(scope, registrationForm);
			redirect.addFlashAttribute("success",
					messages.text("enrollment.registered", created.getFirst().name(), created.size()));
			return "redirect:/registrations?planId=" + registrationForm.getPlanId();
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			result.reject(e.messageKey(), e.args(), messages.text(e));
		}
		return form(scope, registrationForm, kind, null, model);
	}

	private String form(Scope scope, RegistrationForm form, CandidateKind kind, @Nullable String q, Model model) {
		if (!EnrollmentManagement.canManage(scope)) {
			throw new AccessDeniedProblem("enrollment.error.collegeOnly");
		}
		List<PlanView> open = enrollment.openPlans();
		PlanView plan = form.getPlanId() == null ? null
				: open.stream().filter(p -> p.id() == form.getPlanId()).findFirst().orElse(null);
		if (plan == null && open.size() == 1) {
			plan = open.getFirst();
			form.setPlanId(plan.id());
		}
		model.addAttribute("openPlans", open);
		model.addAttribute("plan", plan);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", CandidateKind.values());
		model.addAttribute("q", q);
		model.addAttribute("candidates", enrollment.verifiedCandidates(scope, kind, q, plan == null ? null : plan.id()));
		model.addAttribute("sites", plan == null ? List.of() : enrollment.sites(scope, plan.certificateId()));
		model.addAttribute("ownCollegeId", scope.organisationId());
		return "enrollment/form";
	}

	// ---- fees ----

	@GetMapping("/fees")
	String fees(Scope scope, @RequestParam(required = false) Long planId, @RequestParam(required = false) Long collegeId,
			Model model) {
		List<PlanView> plans = enrollment.plans(scope);
		model.addAttribute("plans", plans);
		// Without a choice: the plan of the scope's latest registration, else the newest plan.
		Long chosen = planId != null ? planId
				: enrollment.list(scope, RecordFilter.none(), PageQuery.of(1, 1)).items().stream()
					.map(RecordView::planId).findFirst()
					.orElse(plans.isEmpty() ? null : plans.getFirst().id());
		model.addAttribute("planId", chosen);
		model.addAttribute("collegeId", collegeId);
		model.addAttribute("colleges", chosen == null || scope.role().isCollege() ? List.of()
				: enrollment.feeColleges(scope, chosen));
		model.addAttribute("statement", chosen == null || (!scope.role().isCollege() && collegeId == null) ? null
				: enrollment.fees(scope, chosen, collegeId));
		return "enrollment/fees";
	}

	private static String name(@Nullable MultipartFile file) {
		return file == null || file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
	}

	private static byte[] bytes(@Nullable MultipartFile file) {
		try {
			return file == null ? new byte[0] : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
