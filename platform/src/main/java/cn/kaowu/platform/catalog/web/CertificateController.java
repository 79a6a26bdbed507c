package cn.kaowu.platform.catalog.web;

import java.util.List;

import jakarta.validation.Valid;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CatalogRules;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelEditForm;
import cn.kaowu.platform.catalog.LevelForm;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectForm;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 证书与等级: the certificate list, a certificate's page with its levels and subjects, and the forms of the
 * owning ORG. Forms are refused to anyone else already when opened, not only when submitted.
 */
@Controller
@RequestMapping("/catalog/certificates")
class CertificateController {

	/** Rows of the subject table shown on a new level form; more can be added one at a time. */
	static final int INITIAL_SUBJECT_ROWS = 2;

	static final int MAX_SUBJECT_ROWS = 10;

	private final CatalogManagement catalog;

	private final ProblemMessages messages;

	CertificateController(CatalogManagement catalog, ProblemMessages messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	// ---- certificates --------------------------------------------------------------------------------

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", catalog.listCertificates(scope,
				new CatalogManagement.CertificateFilter(keyword, organisationId, enabled), PageQuery.of(page, size)));
		model.addAttribute("keyword", keyword);
		model.addAttribute("filterOrganisationId", organisationId);
		model.addAttribute("filterEnabled", enabled);
		model.addAttribute("owners", catalog.owners());
		model.addAttribute("canCreate", CatalogManagement.canCreate(scope));
		model.addAttribute("ownOrganisationId", CatalogManagement.canCreate(scope) ? scope.organisationId() : null);
		return "catalog/certificates";
	}

	@PostMapping("/batch")
	String batch(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam String action, RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return "redirect:/catalog/certificates";
		}
		boolean enable = "enable".equals(action);
		try {
			int done = catalog.setCertificatesEnabled(scope, ids, enable);
			redirect.addFlashAttribute("success",
					messages.text(enable ? "catalog.batch.enabled" : "catalog.batch.disabled", done));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text("catalog.batch.failed", messages.text(e)));
		}
		return "redirect:/catalog/certificates";
	}

	@GetMapping("/new")
	String initCreateForm(Scope scope, Model model) {
		if (!CatalogManagement.canCreate(scope)) {
			throw new AccessDeniedProblem("catalog.error.orgOnly");
		}
		model.addAttribute("certificateForm", new CertificateForm());
		model.addAttribute("certificate", null);
		return "catalog/certificate-form";
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @Valid @ModelAttribute CertificateForm certificateForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("certificate", null);
		if (result.hasErrors()) {
			return "catalog/certificate-form";
		}
		try {
			CertificateView created = catalog.createCertificate(scope, certificateForm);
			redirect.addFlashAttribute("success", messages.text("catalog.certificate.created", created.name()));
			return "redirect:/catalog/certificates/" + created.id();
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return "catalog/certificate-form";
		}
	}

	@GetMapping("/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		CertificateView certificate = catalog.getCertificate(scope, id);
		model.addAttribute("certificate", certificate);
		model.addAttribute("canManage", CatalogManagement.canManage(scope, certificate.organisationId()));
		return "catalog/certificate-detail";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		CertificateView certificate = manageable(scope, id);
		CertificateForm form = CertificateForm.of(certificate.name());
		form.setVersion(certificate.version());
		model.addAttribute("certificateForm", form);
		model.addAttribute("certificate", certificate);
		return "catalog/certificate-form";
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @Valid @ModelAttribute CertificateForm certificateForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("certificate", catalog.getCertificate(scope, id));
		if (result.hasErrors()) {
			return "catalog/certificate-form";
		}
		try {
			catalog.updateCertificate(scope, id, certificateForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return "catalog/certificate-form";
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return "catalog/certificate-form";
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/catalog/certificates/" + id;
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(Scope scope, @PathVariable long id, @RequestParam boolean enabled,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		CertificateView certificate = catalog.setCertificateEnabled(scope, id, enabled);
		redirect.addFlashAttribute("success", messages.text(
				enabled ? "catalog.certificate.enabled" : "catalog.certificate.disabled", certificate.name()));
		return "detail".equals(back) ? "redirect:/catalog/certificates/" + id : "redirect:/catalog/certificates";
	}

	// ---- levels --------------------------------------------------------------------------------------

	@GetMapping("/{id}/levels/new")
	String initLevelForm(Scope scope, @PathVariable long id, Model model) {
		CertificateView certificate = manageable(scope, id);
		LevelForm form = new LevelForm();
		form.setLevel(certificate.missingLevels().isEmpty() ? null : certificate.missingLevels().getFirst());
		padRows(form);
		model.addAttribute("levelForm", form);
		return levelForm(model, certificate);
	}

	@PostMapping("/{id}/levels/new")
	String processLevelForm(Scope scope, @PathVariable long id, @ModelAttribute LevelForm levelForm,
			BindingResult result, @RequestParam(required = false) String addRow, Model model,
			RedirectAttributes redirect) {
		CertificateView certificate = manageable(scope, id);
		if (addRow != null) {
			// No script: another row is a round trip that keeps what was typed, without checking it yet.
			if (levelForm.getSubjects().size() < MAX_SUBJECT_ROWS) {
				levelForm.getSubjects().add(new SubjectForm());
			}
			padRows(levelForm);
			return levelForm(model, certificate);
		}
		if (result.hasErrors()) {
			padRows(levelForm);
			return levelForm(model, certificate);
		}
		try {
			LevelView level = catalog.addLevel(scope, id, levelForm);
			redirect.addFlashAttribute("success",
					messages.text("catalog.level.created", level.displayName(), level.subjects().size()));
			return "redirect:/catalog/certificates/" + id;
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			padRows(levelForm);
			return levelForm(model, certificate);
		}
	}

	@GetMapping("/{id}/levels/{levelId}/edit")
	String initLevelEditForm(Scope scope, @PathVariable long id, @PathVariable long levelId, Model model) {
		manageable(scope, id);
		LevelView level = levelOf(scope, id, levelId);
		LevelEditForm form = LevelEditForm.of(level.code());
		form.setVersion(level.version());
		model.addAttribute("levelEditForm", form);
		model.addAttribute("level", level);
		return "catalog/level-edit-form";
	}

	@PostMapping("/{id}/levels/{levelId}/edit")
	String processLevelEditForm(Scope scope, @PathVariable long id, @PathVariable long levelId,
			@Valid @ModelAttribute LevelEditForm levelEditForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		LevelView level = levelOf(scope, id, levelId);
		model.addAttribute("level", level);
		if (result.hasErrors()) {
			return "catalog/level-edit-form";
		}
		try {
			catalog.updateLevel(scope, levelId, levelEditForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return "catalog/level-edit-form";
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return "catalog/level-edit-form";
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/catalog/certificates/" + id;
	}

	@PostMapping("/{id}/levels/{levelId}/enabled")
	String setLevelEnabled(Scope scope, @PathVariable long id, @PathVariable long levelId,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		levelOf(scope, id, levelId);
		LevelView level = catalog.setLevelEnabled(scope, levelId, enabled);
		redirect.addFlashAttribute("success",
				messages.text(enabled ? "catalog.level.enabled" : "catalog.level.disabled", level.displayName()));
		return "redirect:/catalog/certificates/" + id;
	}

	// ---- subjects ------------------------------------------------------------------------------------

	@GetMapping("/{id}/levels/{levelId}/subjects/new")
	String initSubjectForm(Scope scope, @PathVariable long id, @PathVariable long levelId, Model model) {
		manageable(scope, id);
		model.addAttribute("subjectForm", new SubjectForm());
		return subjectForm(model, levelOf(scope, id, levelId), null);
	}

	@PostMapping("/{id}/levels/{levelId}/subjects/new")
	String processSubjectForm(Scope scope, @PathVariable long id, @PathVariable long levelId,
			@Valid @ModelAttribute SubjectForm subjectForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		LevelView level = levelOf(scope, id, levelId);
		if (result.hasErrors()) {
			return subjectForm(model, level, null);
		}
		try {
			SubjectView subject = catalog.addSubject(scope, levelId, subjectForm);
			redirect.addFlashAttribute("success", messages.text("catalog.subject.created", subject.name()));
			return "redirect:/catalog/certificates/" + id;
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return subjectForm(model, level, null);
		}
	}

	@GetMapping("/{id}/subjects/{subjectId}/edit")
	String initSubjectEditForm(Scope scope, @PathVariable long id, @PathVariable long subjectId, Model model) {
		manageable(scope, id);
		SubjectView subject = subjectOf(scope, id, subjectId);
		SubjectForm form = SubjectForm.of(subject.name(), subject.code(), subject.examMode(), subject.passMark());
		form.setVersion(subject.version());
		model.addAttribute("subjectForm", form);
		return subjectForm(model, catalog.getLevel(scope, subject.levelId()), subject);
	}

	@PostMapping("/{id}/subjects/{subjectId}/edit")
	String processSubjectEditForm(Scope scope, @PathVariable long id, @PathVariable long subjectId,
			@Valid @ModelAttribute SubjectForm subjectForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		SubjectView subject = subjectOf(scope, id, subjectId);
		LevelView level = catalog.getLevel(scope, subject.levelId());
		if (result.hasErrors()) {
			return subjectForm(model, level, subject);
		}
		try {
			catalog.updateSubject(scope, subjectId, subjectForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return subjectForm(model, level, subject);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return subjectForm(model, level, subject);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/catalog/certificates/" + id;
	}

	@PostMapping("/{id}/subjects/{subjectId}/enabled")
	String setSubjectEnabled(Scope scope, @PathVariable long id, @PathVariable long subjectId,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		subjectOf(scope, id, subjectId);
		SubjectView subject = catalog.setSubjectEnabled(scope, subjectId, enabled);
		redirect.addFlashAttribute("success",
				messages.text(enabled ? "catalog.subject.enabled" : "catalog.subject.disabled", subject.name()));
		return "redirect:/catalog/certificates/" + id;
	}

	// ---- helpers -------------------------------------------------------------------------------------

	/** The certificate, if the caller owns it; otherwise the same refusal as the service gives. */
	private CertificateView manageable(Scope scope, long id) {
		CertificateView certificate = catalog.getCertificate(scope, id);
		CatalogManagement.checkCanManage(scope, certificate.organisationId());
		return certificate;
	}

	/** A level of this certificate; a level of another certificate is not found under this URL. */
	private LevelView levelOf(Scope scope, long certificateId, long levelId) {
		LevelView level = catalog.getLevel(scope, levelId);
		if (level.certificateId() != certificateId) {
			throw new NotFoundProblem("证书等级", levelId);
		}
		return level;
	}

	private SubjectView subjectOf(Scope scope, long certificateId, long subjectId) {
		SubjectView subject = catalog.getSubject(scope, subjectId);
		if (subject.certificateId() != certificateId) {
			throw new NotFoundProblem("科目", subjectId);
		}
		return subject;
	}

	private static void padRows(LevelForm form) {
		while (form.getSubjects().size() < INITIAL_SUBJECT_ROWS) {
			form.getSubjects().add(new SubjectForm());
		}
	}

	private String levelForm(Model model, CertificateView certificate) {
		model.addAttribute("certificate", certificate);
		model.addAttribute("kinds", certificate.missingLevels());
		model.addAttribute("modes", ExamMode.values());
		model.addAttribute("maxRows", MAX_SUBJECT_ROWS);
		return "catalog/level-form";
	}

	private String subjectForm(Model model, LevelView level, @Nullable SubjectView subject) {
		model.addAttribute("level", level);
		model.addAttribute("subject", subject);
		model.addAttribute("modes", ExamMode.values());
		model.addAttribute("codePrefix", CatalogRules.subjectCodePrefix(level.code()));
		return "catalog/subject-form";
	}
}
