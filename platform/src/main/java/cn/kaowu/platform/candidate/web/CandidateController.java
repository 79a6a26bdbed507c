package cn.kaowu.platform.candidate.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateGender;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateManagement.CandidateFilter;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.candidate.IdType;
import cn.kaowu.platform.candidate.VerificationState;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
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

/**
 * 考务管理 → 考生管理: the two lists (tabs) with filters, batch 认证 and 删除, template download, import and photo
 * upload (both open the job page with its live progress bar), xlsx export, and the add/edit form.
 */
@Controller
@RequestMapping("/candidates")
class CandidateController {

	private final CandidateManagement candidates;

	private final ProblemMessages messages;

	CandidateController(CandidateManagement candidates, ProblemMessages messages) {
		this.candidates = candidates;
		this.messages = messages;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) VerificationState state,
			@RequestParam(required = false) String major, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", CandidateKind.values());
		if (!scope.role().isCollege() && collegeId == null) {
			model.addAttribute("colleges", candidates.colleges(scope));
			model.addAttribute("college", null);
			return "candidate/list";
		}
		OrganisationView college = candidates.college(scope, collegeId);
		model.addAttribute("college", college);
		model.addAttribute("colleges", scope.role().isCollege() ? List.of() : candidates.colleges(scope));
		model.addAttribute("result", candidates.list(scope, college.id(),
				new CandidateFilter(kind, name, idNumber, state, major), PageQuery.of(page, size)));
		model.addAttribute("name", name);
		model.addAttribute("idNumber", idNumber);
		model.addAttribute("filterState", state);
		model.addAttribute("major", major);
		model.addAttribute("states", VerificationState.values());
		model.addAttribute("canManage", CandidateManagement.canManage(scope, college.id()));
		return "candidate/list";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		return xlsx("本校学生导入模板.xlsx", candidates.template());
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) VerificationState state,
			@RequestParam(required = false) String major) {
		byte[] file = candidates.export(scope, collegeId, new CandidateFilter(kind, name, idNumber, state, major),
				messages::text);
		return xlsx(messages.text(kind.messageKey()) + ".xlsx", file);
	}

	static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
		return Downloads.attachment(name, Spreadsheets.CONTENT_TYPE, content);
	}

	@PostMapping("/import")
	String startImport(Scope scope, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind,
			@RequestParam(defaultValue = "add") String mode,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			JobView job = candidates.startImport(scope, kind, "modify".equals(mode), name(file), bytes(file));
			return "redirect:/jobs/" + job.id();
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error", String.join("；", messages.fieldErrors(e).stream().map(m -> m.get("message")).toList()));
			return "redirect:/candidates?kind=" + kind;
		}
	}

	@PostMapping("/photos")
	String startPhotos(Scope scope, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			JobView job = candidates.startPhotoUpload(scope, name(file), bytes(file));
			return "redirect:/jobs/" + job.id();
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error", String.join("；", messages.fieldErrors(e).stream().map(m -> m.get("message")).toList()));
			return "redirect:/candidates?kind=" + kind;
		}
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

	@PostMapping("/batch")
	String batch(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam String action, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind,
			RedirectAttributes redirect) {
		String back = "redirect:/candidates?kind=" + kind;
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return back;
		}
		try {
			if ("delete".equals(action)) {
				redirect.addFlashAttribute("success", messages.text("candidate.batch.deleted", candidates.delete(scope, ids)));
			}
			else {
				var s = candidates.verify(scope, ids);
				redirect.addFlashAttribute("success", messages.text("candidate.batch.verified", s.verified(),
						s.needsManualCheck(), s.pending(), s.skipped()));
			}
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.text(e));
		}
		return back;
	}

	@PostMapping("/{id}/confirm")
	String confirm(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		CandidateView c = candidates.confirmManually(scope, id);
		redirect.addFlashAttribute("success", messages.text("candidate.confirmed", c.name()));
		return "redirect:/candidates?kind=" + c.kind();
	}

	// ---- form ----

	@GetMapping("/new")
	String initCreateForm(Scope scope, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind, Model model) {
		if (scope.organisationId() == null || !CandidateManagement.canManage(scope, scope.organisationId())) {
			throw new AccessDeniedProblem("candidate.error.collegeOnly");
		}
		CandidateForm form = new CandidateForm();
		form.setKind(kind);
		form.setIdType(IdType.ID_CARD.label());
		model.addAttribute("candidateForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @ModelAttribute CandidateForm candidateForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CandidateKind kind = candidateForm.getKind() == null ? CandidateKind.COLLEGE : candidateForm.getKind();
		try {
			CandidateView created = candidates.create(scope, kind, candidateForm);
			redirect.addFlashAttribute("success", messages.text("candidate.created", created.name()));
			return "redirect:/candidates?kind=" + kind;
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("candidateForm", candidates.editForm(scope, id));
		return form(model, candidates.get(scope, id));
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute CandidateForm candidateForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CandidateView current = candidates.get(scope, id);
		try {
			candidates.update(scope, id, candidateForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(model, current);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return form(model, current);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/candidates?kind=" + current.kind();
	}

	private String form(Model model, @Nullable CandidateView candidate) {
		model.addAttribute("candidate", candidate);
		model.addAttribute("genders", CandidateGender.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("levels", List.of("中职", "高职", "专科", "高职专科", "高职本科", "职业本科", "本科", "研究生"));
		model.addAttribute("locked", candidate != null && candidate.state().identityLocked());
		return "candidate/form";
	}
}
