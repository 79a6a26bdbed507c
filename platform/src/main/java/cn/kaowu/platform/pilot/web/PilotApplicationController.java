package cn.kaowu.platform.pilot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.MajorForm;
import cn.kaowu.platform.pilot.PilotApplicationForm;
import cn.kaowu.platform.pilot.PilotApplicationStatus;
import cn.kaowu.platform.pilot.PilotApplicationView;
import cn.kaowu.platform.pilot.PilotBatchView;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotUpload;
import cn.kaowu.platform.catalog.CertificateLevel;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 证书试点申报 (colleges: the province's plan, their applications, the form) and 试点审批 (province, city: the
 * submitted applications and the review on the detail page).
 */
@Controller
class PilotApplicationController {

	static final int INITIAL_MAJOR_ROWS = 2;

	static final int MAX_MAJOR_ROWS = 30;

	private final PilotManagement pilot;

	private final ProblemMessages messages;

	private final Clock clock;

	PilotApplicationController(PilotManagement pilot, ProblemMessages messages, Clock clock) {
		this.pilot = pilot;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/pilot/applications")
	String collegeList(Scope scope, @RequestParam(required = false) Long batchId,
			@RequestParam(required = false) PilotApplicationStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		if (!PilotManagement.isCollege(scope)) {
			if (PilotManagement.isReviewer(scope)) {
				return "redirect:/pilot/reviews";
			}
			throw new AccessDeniedProblem("pilot.error.collegeOnly");
		}
		model.addAttribute("batches", pilot.listBatches(scope, null, PageQuery.of(1, 20)).items());
		return list(scope, batchId, status, null, page, size, model, false);
	}

	@GetMapping("/pilot/reviews")
	String reviewList(Scope scope, @RequestParam(required = false) Long batchId,
			@RequestParam(required = false) PilotApplicationStatus status,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		if (!PilotManagement.isReviewer(scope)) {
			throw new AccessDeniedProblem("pilot.error.reviewerOnly");
		}
		model.addAttribute("batches", pilot.listBatches(scope, null, PageQuery.of(1, 100)).items());
		return list(scope, batchId, status, keyword, page, size, model, true);
	}

	private String list(Scope scope, @Nullable Long batchId, @Nullable PilotApplicationStatus status,
			@Nullable String keyword, @Nullable Integer page, @Nullable Integer size, Model model, boolean review) {
		model.addAttribute("result", pilot.listApplications(scope,
				new PilotManagement.ApplicationFilter(batchId, status, keyword, null), PageQuery.of(page, size)));
		var counts = pilot.countApplications(scope, batchId);
		model.addAttribute("counts", counts);
		model.addAttribute("countAll", counts.entrySet()
			.stream()
			.filter(e -> !review || e.getKey() != PilotApplicationStatus.DRAFT)
			.mapToLong(java.util.Map.Entry::getValue)
			.sum());
		model.addAttribute("statuses", PilotApplicationStatus.values());
		model.addAttribute("filterBatchId", batchId);
		model.addAttribute("filterStatus", status);
		model.addAttribute("keyword", keyword);
		model.addAttribute("review", review);
		model.addAttribute("now", clock.instant());
		return "pilot/applications";
	}

	@GetMapping("/pilot/applications/new")
	String initCreateForm(Scope scope, @RequestParam long batchId, Model model) {
		requireCollege(scope);
		PilotBatchView batch = pilot.getBatch(scope, batchId);
		PilotApplicationForm form = new PilotApplicationForm();
		form.setBatchId(batchId);
		padRows(form);
		model.addAttribute("pilotApplicationForm", form);
		return form(scope, model, batch, null);
	}

	@PostMapping("/pilot/applications/new")
	String processCreateForm(Scope scope, @ModelAttribute PilotApplicationForm pilotApplicationForm,
			BindingResult result, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String addRow, @RequestParam(required = false) String submit, Model model,
			RedirectAttributes redirect) {
		requireCollege(scope);
		PilotBatchView batch = pilot.getBatch(scope, requireBatch(pilotApplicationForm));
		if (addRow != null || result.hasErrors()) {
			return addRow(scope, model, batch, null, pilotApplicationForm, addRow != null);
		}
		PilotApplicationView saved;
		try {
			saved = pilot.createApplication(scope, pilotApplicationForm, uploads(files));
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			padRows(pilotApplicationForm);
			return form(scope, model, batch, null);
		}
		return afterSave(scope, saved, submit != null, redirect);
	}

	@GetMapping("/pilot/applications/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		requireCollege(scope);
		PilotApplicationView application = pilot.getApplication(scope, id);
		application.status().requireEditable("编辑");
		PilotApplicationForm form = new PilotApplicationForm();
		form.setBatchId(application.batchId());
		form.setCertificateId(application.certificateId());
		form.setLevels(application.levels());
		form.setMajors(application.majors().stream().map(m -> MajorForm.of(m.name(), m.code())).toList());
		form.setPlannedTrainees(application.plannedTrainees());
		form.setTeacherDescription(application.teacherDescription());
		form.setFacilityDescription(application.facilityDescription());
		form.setVersion(application.version());
		padRows(form);
		model.addAttribute("pilotApplicationForm", form);
		return form(scope, model, pilot.getBatch(scope, application.batchId()), application);
	}

	@PostMapping("/pilot/applications/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id,
			@ModelAttribute PilotApplicationForm pilotApplicationForm, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String addRow, @RequestParam(required = false) String submit, Model model,
			RedirectAttributes redirect) {
		requireCollege(scope);
		PilotApplicationView application = pilot.getApplication(scope, id);
		PilotBatchView batch = pilot.getBatch(scope, application.batchId());
		if (addRow != null || result.hasErrors()) {
			return addRow(scope, model, batch, application, pilotApplicationForm, addRow != null);
		}
		PilotApplicationView saved;
		try {
			saved = pilot.updateApplication(scope, id, pilotApplicationForm, uploads(files));
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			padRows(pilotApplicationForm);
			return form(scope, model, batch, application);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			padRows(pilotApplicationForm);
			return form(scope, model, batch, application);
		}
		return afterSave(scope, saved, submit != null, redirect);
	}

	@GetMapping("/pilot/applications/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		PilotApplicationView application = pilot.getApplication(scope, id);
		model.addAttribute("app", application);
		boolean cityStep = application.needsCityReview() && application.status() == PilotApplicationStatus.SUBMITTED;
		boolean provinceStep = application.status() == PilotApplicationStatus.CITY_APPROVED
				|| application.status() == PilotApplicationStatus.SUBMITTED && !application.needsCityReview();
		model.addAttribute("canCityReview", scope.role() == Role.CITY && cityStep);
		model.addAttribute("canProvinceReview", scope.role() == Role.PROVINCE && provinceStep);
		model.addAttribute("canEdit", PilotManagement.isCollege(scope) && application.status().editable());
		model.addAttribute("review", PilotManagement.isReviewer(scope));
		return "pilot/application-detail";
	}

	@PostMapping("/pilot/applications/{id}/submit")
	String submit(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		try {
			PilotApplicationView a = pilot.submit(scope, id);
			redirect.addFlashAttribute("success", messages.text("pilot.application.submitted", a.certificateName()));
		}
		catch (DomainException e) {
			if (e instanceof AccessDeniedProblem || e.status().value() == 404) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/pilot/applications/" + id;
	}

	@PostMapping("/pilot/applications/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		PilotApplicationView a = pilot.getApplication(scope, id);
		pilot.deleteApplication(scope, id);
		redirect.addFlashAttribute("success", messages.text("pilot.application.deleted", a.certificateName()));
		return "redirect:/pilot/applications";
	}

	@PostMapping("/pilot/applications/{id}/attachments/{attachmentId}/delete")
	String removeAttachment(Scope scope, @PathVariable long id, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		pilot.removeAttachment(scope, id, attachmentId);
		redirect.addFlashAttribute("success", messages.text("pilot.attachment.removed"));
		return "redirect:/pilot/applications/" + id + "/edit";
	}

	@PostMapping("/pilot/applications/{id}/city-approve")
	String cityApprove(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		pilot.approveByCity(scope, id);
		redirect.addFlashAttribute("success", messages.text("pilot.application.cityApproved"));
		return "redirect:/pilot/applications/" + id;
	}

	@PostMapping("/pilot/applications/{id}/approve")
	String approve(Scope scope, @PathVariable long id, @RequestParam(required = false) Integer approvedTrainees,
			RedirectAttributes redirect) {
		try {
			PilotApplicationView a = pilot.approve(scope, id, approvedTrainees);
			redirect.addFlashAttribute("success",
					messages.text("pilot.application.approved", a.collegeName(), a.approvedTrainees()));
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error", messages.fieldErrors(e).getFirst().get("message"));
		}
		return "redirect:/pilot/applications/" + id;
	}

	@PostMapping("/pilot/applications/{id}/reject")
	String reject(Scope scope, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			pilot.reject(scope, id, reason);
			redirect.addFlashAttribute("success", messages.text("pilot.application.rejected"));
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error", messages.fieldErrors(e).getFirst().get("message"));
		}
		return "redirect:/pilot/applications/" + id;
	}

	@GetMapping("/pilot/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(Scope scope, @PathVariable long id, @PathVariable long attachmentId) {
		PilotManagement.Download file = pilot.attachment(scope, id, attachmentId);
		return Downloads.inline(file.name(), file.contentType(), file.content());
	}

	// ---- helpers -------------------------------------------------------------------------------------

	private String afterSave(Scope scope, PilotApplicationView saved, boolean submit, RedirectAttributes redirect) {
		if (!submit) {
			redirect.addFlashAttribute("success", messages.text("pilot.application.saved", saved.certificateName()));
			return "redirect:/pilot/applications/" + saved.id();
		}
		return submit(scope, saved.id(), redirect);
	}

	private String addRow(Scope scope, Model model, PilotBatchView batch, @Nullable PilotApplicationView application,
			PilotApplicationForm form, boolean add) {
		if (add && form.getMajors().size() < MAX_MAJOR_ROWS) {
			form.getMajors().add(new MajorForm());
		}
		padRows(form);
		return form(scope, model, batch, application);
	}

	private String form(Scope scope, Model model, PilotBatchView batch, @Nullable PilotApplicationView application) {
		model.addAttribute("batch", batch);
		model.addAttribute("app", application);
		model.addAttribute("certificates", pilot.certificateChoices(scope));
		model.addAttribute("levels", CertificateLevel.values());
		model.addAttribute("maxRows", MAX_MAJOR_ROWS);
		model.addAttribute("now", clock.instant());
		return "pilot/application-form";
	}

	private static long requireBatch(PilotApplicationForm form) {
		if (form.getBatchId() == null) {
			throw new InvalidInputProblem("batchId", "pilot.application.batch.required");
		}
		return form.getBatchId();
	}

	private static void padRows(PilotApplicationForm form) {
		while (form.getMajors().size() < INITIAL_MAJOR_ROWS) {
			form.getMajors().add(new MajorForm());
		}
	}

	private static void requireCollege(Scope scope) {
		if (!PilotManagement.isCollege(scope)) {
			throw new AccessDeniedProblem("pilot.error.collegeOnly");
		}
	}

	static List<PilotUpload> uploads(@Nullable List<MultipartFile> files) {
		List<PilotUpload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (MultipartFile f : files) {
			if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue;
			}
			try {
				uploads.add(new PilotUpload(String.valueOf(f.getOriginalFilename()), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}
}
