package cn.kaowu.platform.identity.web;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
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

/** 账号管理 for the platform administrator. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private final AccountManagement accounts;

	private final OrganisationManagement organisations;

	private final ProblemMessages messages;

	private final Clock clock;

	private final cn.kaowu.platform.identity.SecondFactor secondFactor;

	AccountAdminController(AccountManagement accounts, OrganisationManagement organisations, ProblemMessages messages,
			Clock clock, cn.kaowu.platform.identity.SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.organisations = organisations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Role role, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", accounts.list(scope, new AccountManagement.Filter(role, organisationId, keyword),
				PageQuery.of(page, size)));
		model.addAttribute("roles", Role.values());
		model.addAttribute("filterRole", role);
		model.addAttribute("keyword", keyword);
		model.addAttribute("now", clock.instant());
		return "admin/accounts";
	}

	@GetMapping("/new")
	String initCreateForm(Model model) {
		model.addAttribute("accountForm", new AccountForm());
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @Valid @ModelAttribute AccountForm accountForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			var created = accounts.create(scope, accountForm);
			redirect.addFlashAttribute("success", messages.text("account.created", created.account().username()));
			redirect.addFlashAttribute("secret", created.initialPassword());
			return "redirect:/admin/accounts/" + created.account().id();
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return form(model, null);
		}
	}

	@GetMapping("/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		AccountView account = accounts.get(scope, id);
		AccountForm form = new AccountForm();
		form.setUsername(account.username());
		form.setDisplayName(account.displayName());
		form.setRole(account.role());
		form.setOrganisationId(account.organisationId());
		form.setEmail(account.email());
		model.addAttribute("accountForm", form);
		return form(model, account);
	}

	@PostMapping("/{id}")
	String processUpdateForm(Scope scope, @PathVariable long id, @Valid @ModelAttribute AccountForm accountForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AccountView account = accounts.get(scope, id);
		if (result.hasErrors()) {
			return form(model, account);
		}
		try {
			accounts.update(scope, id, accountForm);
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return form(model, account);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		String password = accounts.resetPassword(scope, id);
		redirect.addFlashAttribute("success", messages.text("account.passwordReset"));
		redirect.addFlashAttribute("secret", password);
		return "redirect:/admin/accounts/" + id;
	}

	/** 重置两步验证: the account enrols again at its next login (audited). */
	@PostMapping("/{id}/reset-totp")
	String resetTotp(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		accounts.get(scope, id);
		secondFactor.reset(scope, id);
		redirect.addFlashAttribute("success", messages.text("account.totpReset"));
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(scope, id);
		redirect.addFlashAttribute("success", messages.text("account.unlocked"));
		return "redirect:/admin/accounts";
	}

	@PostMapping("/batch")
	String batch(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
			RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return "redirect:/admin/accounts";
		}
		boolean enable = "enable".equals(action);
		try {
			int done = accounts.setEnabled(scope, ids, enable);
			redirect.addFlashAttribute("success", messages.text(enable ? "batch.enabled" : "batch.disabled", done));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text(e));
		}
		return "redirect:/admin/accounts";
	}

	private String form(Model model, AccountView account) {
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("organisations", organisations.choices());
		return "admin/account-form";
	}
}
