package cn.kaowu.platform.score.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.score.CorrectionForm;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 考试管理 → 成绩登记 (ORG: subjects with counts, 从考试结果登记, import), 科目成绩 (the list; the ORG corrects from it) and
 * 考证结果 (pass/fail counts per level, passers, export).
 */
@Controller
@RequestMapping("/scores")
class ScoreController {

	private final ScoreManagement scores;

	private final ProblemMessages messages;

	private final Clock clock;

	ScoreController(ScoreManagement scores, ProblemMessages messages, Clock clock) {
		this.scores = scores;
		this.messages = messages;
		this.clock = clock;
	}

	private static @Nullable PlanView chosen(List<PlanView> plans, @Nullable Long planId) {
		return plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
	}

	@GetMapping("/registration")
	String registration(Scope scope, @RequestParam(required = false) @Nullable Long planId, Model model) {
		List<PlanView> plans = scores.ownPlans(scope);
		PlanView plan = chosen(plans, planId);
		Instant now = clock.instant();
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("subjects", plan == null ? List.of() : scores.subjects(scope, plan.id()));
		model.addAttribute("open", plan != null && plan.isScoreRegistrationOpen(now));
		model.addAttribute("locked", plan != null && plan.scoresLocked(now));
		return "score/registration";
	}

	@PostMapping("/{planId}/subjects/{planSubjectId}/from-results")
	String fromResults(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId,
			RedirectAttributes redirect) {
		try {
			ScoreManagement.RegistrationReport r = scores.registerFromResults(scope, planId, planSubjectId);
			redirect.addFlashAttribute("success", messages.text("score.fromResults.done", r.subject(), r.created(),
					r.changed(), r.absent(), r.missing().size(), r.pending().size()));
			List<String> details = new java.util.ArrayList<>();
			r.missing().forEach(c -> details.add(messages.text("score.fromResults.missing", c.ticketNumber(), c.name())));
			r.pending().forEach(c -> details.add(messages.text("score.fromResults.pending", c.ticketNumber(), c.name())));
			if (!details.isEmpty()) {
				redirect.addFlashAttribute("report", details);
			}
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/scores/registration?planId=" + planId;
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("成绩导入模板.xlsx", Spreadsheets.CONTENT_TYPE, scores.template());
	}

	@PostMapping("/{planId}/import")
	String startImport(Scope scope, @PathVariable long planId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			JobView job = scores.startImport(scope, planId,
					file == null || file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes());
			return "redirect:/jobs/" + job.id();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
			return "redirect:/scores/registration?planId=" + planId;
		}
	}

	@GetMapping("/query")
	String query(Scope scope, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable Long planSubjectId,
			@RequestParam(required = false) @Nullable String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		List<PlanView> plans = scores.plans(scope);
		PlanView plan = chosen(plans, planId);
		Instant now = clock.instant();
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("planSubjectId", planSubjectId);
		model.addAttribute("keyword", keyword);
		model.addAttribute("result", plan == null ? PageResult.of(List.of(), PageQuery.of(page, size), 0)
				: scores.list(scope, plan.id(), new ScoreManagement.Filter(planSubjectId, keyword), PageQuery.of(page, size)));
		model.addAttribute("canCorrect", plan != null && scope.role() == Role.ORG && !plan.scoresLocked(now)
				&& (plan.isPublicationOpen(now) || plan.isScoreRegistrationOpen(now)));
		model.addAttribute("locked", plan != null && plan.scoresLocked(now));
		model.addAttribute("back", plan == null ? "/scores/query"
				: back(plan.id(), planSubjectId, keyword, page == null ? 1 : page));
		return "score/list";
	}

	@GetMapping("/{id}/history")
	String history(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("score", scores.get(scope, id));
		model.addAttribute("history", scores.history(scope, id));
		return "score/history";
	}

	@PostMapping("/{id}/correct")
	String correct(Scope scope, @PathVariable long id, CorrectionForm form,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		try {
			var v = scores.correct(scope, id, form);
			redirect.addFlashAttribute("success", messages.text("score.corrected", v.name(),
					v.level().withSubject(v.subjectName()), v.absent() ? messages.text("score.absent") : String.valueOf(v.score())));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:" + (back != null && back.startsWith("/scores") ? back : "/scores/query");
	}

	@GetMapping("/certificates")
	String certificates(Scope scope, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		List<PlanView> plans = scores.plans(scope);
		PlanView plan = chosen(plans, planId);
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		PageQuery query = PageQuery.of(page, size);
		if (plan != null) {
			ScoreManagement.CertificateResults results = scores.certificates(scope, plan.id());
			model.addAttribute("levels", results.levels());
			List<ScoreManagement.Passer> passers = results.passers();
			int from = (int) Math.min(query.offset(), passers.size());
			int to = Math.min(from + query.size(), passers.size());
			model.addAttribute("result", PageResult.of(passers.subList(from, to), query, passers.size()));
		}
		else {
			model.addAttribute("levels", List.of());
			model.addAttribute("result", PageResult.of(List.of(), query, 0));
		}
		return "score/certificates";
	}

	@GetMapping("/certificates/export.xlsx")
	ResponseEntity<byte[]> exportPassers(Scope scope, @RequestParam long planId) {
		return Downloads.attachment("考证结果.xlsx", Spreadsheets.CONTENT_TYPE, scores.exportPassers(scope, planId));
	}

	/** The list URL with its filters, for the correction form to come back to. */
	static String back(long planId, @Nullable Long planSubjectId, @Nullable String keyword, int page) {
		return UriComponentsBuilder.fromPath("/scores/query").queryParam("planId", planId)
			.queryParamIfPresent("planSubjectId", java.util.Optional.ofNullable(planSubjectId))
			.queryParamIfPresent("keyword", java.util.Optional.ofNullable(keyword)).queryParam("page", page)
			.build().encode().toUriString();
	}
}
