package cn.kaowu.platform.evaluation.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.evaluation.EvaluationOutcome;
import cn.kaowu.platform.evaluation.RatingForm;
import cn.kaowu.platform.evaluation.ReportForm;
import cn.kaowu.platform.evaluation.RoundForm;
import cn.kaowu.platform.evaluation.RoundView;
import cn.kaowu.platform.evaluation.SiteEvaluations;
import cn.kaowu.platform.evaluation.SubmissionStatus;
import cn.kaowu.platform.evaluation.SubmissionView;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.storage.StoredFile;
import org.springframework.context.annotation.Bean;
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

/** 站点评估: rounds for the ORG, reports for colleges, filings for provinces. */
@Controller
class EvaluationController {

	private final SiteEvaluations evaluations;

	private final CatalogManagement catalog;

	private final ProblemMessages messages;

	private final Clock clock;

	EvaluationController(SiteEvaluations evaluations, CatalogManagement catalog, ProblemMessages messages,
			Clock clock) {
		this.evaluations = evaluations;
		this.catalog = catalog;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/evaluation/rounds")
	String rounds(Scope scope, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		model.addAttribute("result", evaluations.listRounds(scope, PageQuery.of(page, size)));
		model.addAttribute("now", clock.instant());
		return "evaluation/rounds";
	}

	@GetMapping("/evaluation/rounds/new")
	String initRoundForm(Scope scope, Model model) {
		RoundForm form = new RoundForm();
		int year = LocalDateTime.now(clock.withZone(AdjustableClock.CHINA)).getYear();
		form.setPeriod((year - 2) + "-" + (year - 1));
		form.setName(year + "年度考核站点检查评估");
		form.setDeadline(LocalDateTime.now(clock.withZone(AdjustableClock.CHINA)).plusDays(30).withHour(17).withMinute(0));
		model.addAttribute("roundForm", form);
		return roundForm(scope, model);
	}

	@PostMapping("/evaluation/rounds/new")
	String processRoundForm(Scope scope, @Valid @ModelAttribute RoundForm roundForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return roundForm(scope, model);
		}
		try {
			RoundView round = evaluations.openRound(scope, roundForm);
			redirect.addFlashAttribute("success", messages.text("evaluation.opened", round.sites()));
			return "redirect:/evaluation/rounds/" + round.id();
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return roundForm(scope, model);
		}
	}

	@GetMapping("/evaluation/rounds/{id}")
	String round(Scope scope, @PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("round", evaluations.getRound(scope, id));
		model.addAttribute("result", evaluations.listSubmissions(scope, id, PageQuery.of(page, size)));
		model.addAttribute("now", clock.instant());
		return "evaluation/round";
	}

	@GetMapping("/evaluation/submissions")
	String submissions(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", evaluations.listSubmissions(scope, null, PageQuery.of(page, size)));
		model.addAttribute("now", clock.instant());
		return "evaluation/submissions";
	}

	@GetMapping("/evaluation/submissions/{id}")
	String submission(Scope scope, @PathVariable long id, Model model) {
		SubmissionView s = evaluations.getSubmission(scope, id);
		ReportForm report = new ReportForm();
		report.setReportText(s.reportText());
		report.setPlanText(s.planText());
		model.addAttribute("reportForm", report);
		model.addAttribute("ratingForm", new RatingForm());
		return submissionPage(scope, s, model);
	}

	@PostMapping("/evaluation/submissions/{id}/submit")
	String submit(Scope scope, @PathVariable long id, @Valid @ModelAttribute ReportForm reportForm,
			BindingResult result, @RequestParam(required = false) MultipartFile reportFile,
			@RequestParam(required = false) MultipartFile planFile, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				evaluations.submit(scope, id, reportForm, reportFile, planFile);
				redirect.addFlashAttribute("success", messages.text("evaluation.submitted"));
				return "redirect:/evaluation/submissions/" + id;
			}
			catch (DomainException e) {
				Forms.reject(result, e);
			}
		}
		model.addAttribute("ratingForm", new RatingForm());
		return submissionPage(scope, evaluations.getSubmission(scope, id), model);
	}

	@PostMapping("/evaluation/submissions/{id}/rate")
	String rate(Scope scope, @PathVariable long id, @Valid @ModelAttribute RatingForm ratingForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				evaluations.rate(scope, id, ratingForm);
				redirect.addFlashAttribute("success", messages.text("evaluation.rated"));
				return "redirect:/evaluation/submissions/" + id;
			}
			catch (DomainException e) {
				Forms.reject(result, e);
			}
		}
		SubmissionView s = evaluations.getSubmission(scope, id);
		ReportForm report = new ReportForm();
		report.setReportText(s.reportText());
		report.setPlanText(s.planText());
		model.addAttribute("reportForm", report);
		return submissionPage(scope, s, model);
	}

	@GetMapping("/evaluation/submissions/{id}/files/{which}")
	ResponseEntity<byte[]> file(Scope scope, @PathVariable long id, @PathVariable String which) {
		StoredFile file = evaluations.attachment(scope, id, which);
		return Downloads.inline(file.originalName(), file.contentType(), evaluations.read(file));
	}

	private String roundForm(Scope scope, Model model) {
		model.addAttribute("certificates", catalog.listCertificates(scope,
				new CatalogManagement.CertificateFilter(null, scope.organisationId(), null), new PageQuery(1, 100))
			.items());
		return "evaluation/round-form";
	}

	private String submissionPage(Scope scope, SubmissionView s, Model model) {
		var now = clock.instant();
		model.addAttribute("s", s);
		model.addAttribute("now", now);
		model.addAttribute("indicators", evaluations.indicators(scope, s.id()));
		model.addAttribute("outcomes", EvaluationOutcome.values());
		boolean college = scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL;
		model.addAttribute("canSubmit",
				college && s.status() != SubmissionStatus.RATED && now.isBefore(s.deadline()));
		model.addAttribute("canRate", scope.role() == Role.ORG && (s.status() == SubmissionStatus.SUBMITTED
				|| s.overdueAt(now)));
		return "evaluation/submission";
	}

	@Bean
	static MenuItem evaluationRoundsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 80, "menu.evaluation", "/evaluation/rounds", Set.of(Role.ORG));
	}

	@Bean
	static MenuItem evaluationSubmissionsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 80, "menu.evaluation", "/evaluation/submissions",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.PROVINCE));
	}
}
