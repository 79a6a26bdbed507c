package cn.kaowu.platform.review.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.review.ReviewManagement;
import cn.kaowu.platform.review.ReviewReason;
import cn.kaowu.platform.review.ReviewResult;
import cn.kaowu.platform.review.ReviewView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考试管理 → 成绩复查: the plan's requests (colleges: theirs with drafts, batch submit; the ORG: submitted ones with
 * due dates and 逾期), the new-request form (附件1 as data), a request's page (the ORG answers there), the PDFs and the
 * candidate's case file.
 */
@Controller
@RequestMapping("/reviews")
class ReviewController {

	private final ReviewManagement reviews;

	private final ProblemMessages messages;

	private final Clock clock;

	ReviewController(ReviewManagement reviews, ProblemMessages messages, Clock clock) {
		this.reviews = reviews;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) @Nullable Long planId,
			@RequestParam(required = false) @Nullable Long candidateId, Model model) {
		List<PlanView> plans = reviews.plans(scope);
		PlanView plan = plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
		boolean college = scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL;
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("college", college);
		model.addAttribute("now", clock.instant());
		model.addAttribute("reasons", List.of(ReviewReason.values()));
		if (plan != null) {
			model.addAttribute("window", reviews.window(plan));
			model.addAttribute("reviews", reviews.list(scope, plan.id()));
			if (college) {
				var candidates = reviews.candidates(scope, plan.id());
				model.addAttribute("candidates", candidates);
				model.addAttribute("candidate", candidates.stream()
					.filter(c -> candidateId != null && c.candidateId() == candidateId).findFirst().orElse(null));
			}
		}
		return "review/list";
	}

	@PostMapping("/plans/{planId}")
	String create(Scope scope, @PathVariable long planId, @RequestParam long candidateId,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		List<ReviewManagement.SubjectRequest> subjects = new ArrayList<>();
		params.forEach((k, v) -> {
			if (k.startsWith("reason_") && v != null && !v.isBlank()) {
				subjects.add(new ReviewManagement.SubjectRequest(Long.parseLong(k.substring("reason_".length())),
						ReviewReason.valueOf(v)));
			}
		});
		try {
			ReviewView v = reviews.create(scope, planId, new ReviewManagement.ReviewForm(candidateId,
					params.get("statement"), params.get("contactPerson"), params.get("contactPhone"), subjects));
			redirect.addFlashAttribute("success", messages.text("review.created"));
			return "redirect:/reviews/" + v.id();
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
			return "redirect:/reviews?planId=" + planId + "&candidateId=" + candidateId;
		}
	}

	@PostMapping("/submit")
	String submit(Scope scope, @RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
			@RequestParam long planId, RedirectAttributes redirect) {
		try {
			var done = reviews.submit(scope, ids == null ? List.of() : ids);
			redirect.addFlashAttribute("success", messages.text("review.submitted", done.size()));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/reviews?planId=" + planId;
	}

	@GetMapping("/{id}")
	String detail(Scope scope, @PathVariable long id, Model model) {
		ReviewView v = reviews.get(scope, id);
		PlanView plan = reviews.plans(scope).stream().filter(p -> p.id() == v.planId()).findFirst().orElse(null);
		model.addAttribute("review", v);
		model.addAttribute("now", clock.instant());
		model.addAttribute("canAnswer", scope.role() == Role.ORG && v.status() == cn.kaowu.platform.review.ReviewStatus.SUBMITTED);
		model.addAttribute("locked", plan != null && plan.scoresLocked(clock.instant()));
		model.addAttribute("publicationEnd", plan == null ? "" : plan.publication().toString());
		model.addAttribute("college", scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL);
		return "review/detail";
	}

	@PostMapping("/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		ReviewView v = reviews.get(scope, id);
		try {
			reviews.delete(scope, id);
			redirect.addFlashAttribute("success", messages.text("review.deleted"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
			return "redirect:/reviews/" + id;
		}
		return "redirect:/reviews?planId=" + v.planId();
	}

	@PostMapping("/{id}/answer")
	String answer(Scope scope, @PathVariable long id, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		ReviewView v = reviews.get(scope, id);
		List<ReviewManagement.SubjectAnswer> answers = new ArrayList<>();
		for (ReviewView.Subject s : v.subjects()) {
			String result = params.get("result_" + s.id());
			answers.add(new ReviewManagement.SubjectAnswer(s.id(),
					result == null || result.isBlank() ? null : ReviewResult.valueOf(result), params.get("score_" + s.id()),
					"true".equals(params.get("absent_" + s.id())), params.get("explanation_" + s.id())));
		}
		try {
			reviews.answer(scope, id, answers);
			redirect.addFlashAttribute("success", messages.text("review.answered"));
		}
		catch (DomainException e) {
			messages.flash(redirect, e);
		}
		return "redirect:/reviews/" + id;
	}

	@GetMapping("/{id}/form.pdf")
	ResponseEntity<byte[]> form(Scope scope, @PathVariable long id) {
		return Downloads.attachment("成绩复查申请表-" + id + ".pdf", "application/pdf", reviews.requestForm(scope, id));
	}

	@GetMapping("/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(Scope scope, @PathVariable long id) {
		return Downloads.attachment("成绩复查回执-" + id + ".pdf", "application/pdf", reviews.receipt(scope, id));
	}

	@GetMapping("/case")
	String caseFile(Scope scope, @RequestParam long planId, @RequestParam long candidateId,
			@RequestParam(required = false) @Nullable String name, Model model) {
		model.addAttribute("entries", reviews.caseFile(scope, planId, candidateId));
		model.addAttribute("planId", planId);
		model.addAttribute("name", name == null ? String.valueOf(candidateId) : name);
		return "review/case";
	}
}
