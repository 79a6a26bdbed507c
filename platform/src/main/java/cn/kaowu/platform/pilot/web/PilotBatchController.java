package cn.kaowu.platform.pilot.web;

import java.time.Clock;

import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotBatchForm;
import cn.kaowu.platform.pilot.PilotBatchView;
import cn.kaowu.platform.pilot.PilotManagement;
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

/** 申报批次: the province's batches, their form, publication and deletion. */
@Controller
@RequestMapping("/pilot/batches")
class PilotBatchController {

	private final PilotManagement pilot;

	private final ProblemMessages messages;

	private final Clock clock;

	PilotBatchController(PilotManagement pilot, ProblemMessages messages, Clock clock) {
		this.pilot = pilot;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		requireProvince(scope);
		model.addAttribute("result", pilot.listBatches(scope, year, PageQuery.of(page, size)));
		model.addAttribute("year", year);
		model.addAttribute("now", clock.instant());
		return "pilot/batches";
	}

	@GetMapping("/new")
	String initCreateForm(Scope scope, Model model) {
		requireProvince(scope);
		PilotBatchForm form = new PilotBatchForm();
		form.setYear(java.time.LocalDate.now(clock.withZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA)).getYear());
		form.setMajorsRequired(true);
		model.addAttribute("pilotBatchForm", form);
		model.addAttribute("batch", null);
		return "pilot/batch-form";
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @ModelAttribute PilotBatchForm pilotBatchForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("batch", null);
		if (result.hasErrors()) {
			return "pilot/batch-form";
		}
		try {
			PilotBatchView batch = pilot.createBatch(scope, pilotBatchForm);
			redirect.addFlashAttribute("success", messages.text("pilot.batch.created", batch.name()));
			return "redirect:/pilot/batches";
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return "pilot/batch-form";
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		requireProvince(scope);
		PilotBatchView batch = pilot.getBatch(scope, id);
		PilotBatchForm form = PilotBatchForm.of(batch.name(), batch.year(), batch.window().start(),
				batch.window().end(), batch.majorsRequired(), batch.cityApprovalRequired());
		form.setVersion(batch.version());
		model.addAttribute("pilotBatchForm", form);
		model.addAttribute("batch", batch);
		return "pilot/batch-form";
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute PilotBatchForm pilotBatchForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("batch", pilot.getBatch(scope, id));
		if (result.hasErrors()) {
			return "pilot/batch-form";
		}
		try {
			pilot.updateBatch(scope, id, pilotBatchForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return "pilot/batch-form";
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return "pilot/batch-form";
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/pilot/batches";
	}

	@PostMapping("/{id}/publish")
	String publish(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		PilotBatchView batch = pilot.publishBatch(scope, id);
		redirect.addFlashAttribute("success", messages.text("pilot.batch.published", batch.name()));
		return "redirect:/pilot/batches";
	}

	@PostMapping("/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		PilotBatchView batch = pilot.getBatch(scope, id);
		pilot.deleteBatch(scope, id);
		redirect.addFlashAttribute("success", messages.text("pilot.batch.deleted", batch.name()));
		return "redirect:/pilot/batches";
	}

	private static void requireProvince(Scope scope) {
		if (scope.role() != Role.PROVINCE) {
			throw new AccessDeniedProblem("pilot.error.provinceOnly");
		}
	}
}
