package cn.kaowu.platform.identity.web;

import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.CurrentUser;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PasswordController {

	private final AccountManagement accounts;

	private final ProblemMessages messages;

	PasswordController(AccountManagement accounts, ProblemMessages messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		model.addAttribute("mustChange", CurrentUser.get().isMustChangePassword());
		return "account/password";
	}

	@PostMapping("/account/password")
	String processPasswordForm(Scope scope, @ModelAttribute PasswordForm passwordForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			accounts.changeOwnPassword(scope, passwordForm.getCurrentPassword(), passwordForm.getNewPassword(),
					passwordForm.getConfirmation());
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			model.addAttribute("mustChange", CurrentUser.get().isMustChangePassword());
			return "account/password";
		}
		CurrentUser.passwordChanged();
		redirect.addFlashAttribute("success", messages.text("account.password.changed"));
		return "redirect:/";
	}
}
