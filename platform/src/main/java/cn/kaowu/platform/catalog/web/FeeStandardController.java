package cn.kaowu.platform.catalog.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.FeeForm;
import cn.kaowu.platform.catalog.FeeStandards;
import cn.kaowu.platform.catalog.ProvinceFees;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 收费标准: every account reads the provinces' fees; a province edits its own, the administrator any. */
@Controller
class FeeStandardController {

	private final FeeStandards fees;

	private final ProblemMessages messages;

	/** One amount field of the fee form. */
	record FeeRow(String field, CertificateLevel level, String defaultAmount) {
	}

	FeeStandardController(FeeStandards fees, ProblemMessages messages) {
		this.fees = fees;
		this.messages = messages;
	}

	@GetMapping("/catalog/fees")
	String list(Scope scope, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		PageResult<ProvinceFees> result = fees.list(scope, PageQuery.of(page, size));
		model.addAttribute("result", result);
		model.addAttribute("kinds", CertificateLevel.values());
		model.addAttribute("editable", result.items()
			.stream()
			.map(ProvinceFees::provinceId)
			.filter(id -> FeeStandards.canEdit(scope, id))
			.collect(Collectors.toSet()));
		model.addAttribute("own", scope.role() == Role.PROVINCE && scope.provinceId() != null
				? fees.feesOf(scope, scope.provinceId()) : null);
		return "catalog/fees";
	}

	@GetMapping("/catalog/fees/{provinceId}")
	String initForm(Scope scope, @PathVariable long provinceId, Model model) {
		ProvinceFees current = editable(scope, provinceId);
		FeeForm form = new FeeForm();
		current.fees().stream().filter(f -> !f.usesDefault()).forEach(f -> form.setAmount(f.level(), f.amount()));
		model.addAttribute("feeForm", form);
		return form(model, current);
	}

	@PostMapping("/catalog/fees/{provinceId}")
	String processForm(Scope scope, @PathVariable long provinceId, @Valid @ModelAttribute FeeForm feeForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ProvinceFees current = editable(scope, provinceId);
		if (result.hasErrors()) {
			return form(model, current);
		}
		try {
			fees.setFees(scope, provinceId, feeForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(model, current);
		}
		redirect.addFlashAttribute("success", messages.text("catalog.fee.saved", current.provinceName()));
		return "redirect:/catalog/fees";
	}

	private ProvinceFees editable(Scope scope, long provinceId) {
		ProvinceFees current = fees.feesOf(scope, provinceId);
		if (!FeeStandards.canEdit(scope, provinceId)) {
			throw new AccessDeniedProblem(scope.role() == Role.PROVINCE ? "catalog.fee.error.otherProvince"
					: "catalog.fee.error.provinceOnly");
		}
		return current;
	}

	private String form(Model model, ProvinceFees current) {
		model.addAttribute("province", current);
		model.addAttribute("rows", Arrays.stream(CertificateLevel.values())
			.map(level -> new FeeRow(FeeForm.field(level), level, level.defaultFee().toPlainString()))
			.toList());
		return "catalog/fee-form";
	}
}
