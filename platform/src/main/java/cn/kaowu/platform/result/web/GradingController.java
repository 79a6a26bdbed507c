package cn.kaowu.platform.result.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.result.Grading;
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

/** 阅卷 (the grader's queue and marking page) and 阅卷管理 (the ORG's progress, assignment and voiding). */
@Controller
@RequestMapping("/grading")
class GradingController {

	private final Grading grading;

	private final Delivery delivery;

	private final ProblemMessages messages;

	GradingController(Grading grading, Delivery delivery, ProblemMessages messages) {
		this.grading = grading;
		this.delivery = delivery;
		this.messages = messages;
	}

	// ---- graders ----

	@GetMapping
	String queue(Scope scope, Model model) {
		model.addAttribute("queue", grading.queue(scope));
		return "result/grading-queue";
	}

	@PostMapping("/next")
	String next(Scope scope, RedirectAttributes redirect) {
		return grading.claim(scope).map(code -> "redirect:/grading/tasks/" + code).orElseGet(() -> {
			redirect.addFlashAttribute("info", messages.text("grading.queue.empty"));
			return "redirect:/grading";
		});
	}

	@GetMapping("/tasks/{code}")
	String task(Scope scope, @PathVariable String code, Model model) {
		return taskPage(grading.task(scope, code), List.of(), "", Map.of(), model);
	}

	@PostMapping("/tasks/{code}")
	String mark(Scope scope, @PathVariable String code,
			@RequestParam(name = "scores", required = false) @Nullable List<String> scores,
			@RequestParam(required = false) @Nullable String comment, Model model, RedirectAttributes redirect) {
		List<String> raw = scores == null ? List.of() : scores;
		List<@Nullable BigDecimal> parsed = new ArrayList<>();
		for (String s : raw) {
			try {
				parsed.add(s == null || s.isBlank() ? null : new BigDecimal(s.strip()));
			}
			catch (NumberFormatException e) {
				parsed.add(null);
			}
		}
		try {
			Grading.TaskView done = grading.mark(scope, code, parsed, comment);
			redirect.addFlashAttribute("success",
					messages.text("grading.marked", done.code(), done.myMark().total().toPlainString()));
			return "redirect:/grading";
		}
		catch (DomainException e) {
			if (e.status().value() != 422) {
				if (e.status().value() == 409) {
					redirect.addFlashAttribute("error", messages.text(e));
					return "redirect:/grading";
				}
				throw e;
			}
			Map<String, String> errors = new HashMap<>();
			messages.fieldErrors(e).forEach(m -> errors.putIfAbsent(m.get("field"), m.get("message")));
			return taskPage(grading.task(scope, code), raw, comment == null ? "" : comment, errors, model);
		}
	}

	private String taskPage(Grading.TaskView task, List<String> entered, String comment, Map<String, String> errors,
			Model model) {
		model.addAttribute("task", task);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < task.rubric().size(); i++) {
			values.add(task.myMark() != null ? task.myMark().scores().get(i).toPlainString()
					: i < entered.size() ? entered.get(i) : "");
		}
		model.addAttribute("values", values);
		model.addAttribute("comment", task.myMark() != null && task.myMark().comment() != null
				? task.myMark().comment() : comment);
		model.addAttribute("errors", errors);
		return "result/grading-task";
	}

	@GetMapping("/tasks/{code}/files/{index}")
	ResponseEntity<byte[]> file(Scope scope, @PathVariable String code, @PathVariable int index) {
		Map.Entry<Grading.TaskFile, byte[]> f = grading.file(scope, code, index);
		return Downloads.attachment(f.getKey().name(), "application/octet-stream", f.getValue());
	}

	// ---- the ORG ----

	@GetMapping("/manage")
	String manage(Scope scope, @RequestParam(required = false) @Nullable Long planId, Model model) {
		List<PlanView> plans = delivery.plansToDeliver(scope);
		PlanView plan = plans.stream().filter(p -> planId == null || p.id() == planId).findFirst().orElse(null);
		model.addAttribute("plans", plans);
		model.addAttribute("plan", plan);
		model.addAttribute("subjects", plan == null ? List.of() : grading.overview(scope, plan.id()));
		model.addAttribute("graders", grading.graders(scope));
		return "result/grading-manage";
	}

	@PostMapping("/manage/{planId}/{planSubjectId}")
	String assign(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId,
			@RequestParam(name = "graderIds", required = false) @Nullable List<Long> graderIds,
			@RequestParam(required = false) @Nullable String thresholdPercent, RedirectAttributes redirect) {
		try {
			BigDecimal percent;
			try {
				percent = thresholdPercent == null || thresholdPercent.isBlank() ? null
						: new BigDecimal(thresholdPercent.strip());
			}
			catch (NumberFormatException e) {
				percent = null;
			}
			Grading.SubjectProgress p = grading.assign(scope, planId, planSubjectId,
					graderIds == null ? List.of() : graderIds, percent);
			redirect.addFlashAttribute("success", messages.text("grading.assigned", p.subjectName(), p.graders().size()));
		}
		catch (DomainException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/grading/manage?planId=" + planId;
	}

	@GetMapping("/manage/{planId}/{planSubjectId}")
	String tasks(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId, Model model) {
		Grading.SubjectProgress subject = grading.overview(scope, planId).stream()
			.filter(s -> s.planSubjectId() == planSubjectId)
			.findFirst()
			.orElseThrow(() -> new cn.kaowu.platform.kernel.NotFoundProblem("考核科目", planSubjectId));
		model.addAttribute("plan", grading.plan(scope, planId));
		model.addAttribute("subject", subject);
		model.addAttribute("tasks", grading.tasks(scope, planId, planSubjectId));
		return "result/grading-tasks";
	}

	@PostMapping("/manage/{planId}/{planSubjectId}/marks/{markId}/void")
	String voidMark(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId, @PathVariable long markId,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		try {
			grading.voidMark(scope, markId, reason);
			redirect.addFlashAttribute("success", messages.text("grading.voided"));
		}
		catch (DomainException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/grading/manage/" + planId + "/" + planSubjectId;
	}
}
