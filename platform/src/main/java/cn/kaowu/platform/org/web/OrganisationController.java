package cn.kaowu.platform.org.web;

import jakarta.validation.Valid;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 机构管理 (administrator) and the organisation page every account may open within its scope. */
@Controller
class OrganisationController {

	private final OrganisationManagement organisations;

	private final ProblemMessages messages;

	OrganisationController(OrganisationManagement organisations, ProblemMessages messages) {
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/orgs/mine")
	String mine(Scope scope) {
		return "redirect:/orgs/" + scope.requireOrganisation();
	}

	@GetMapping("/orgs/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("org", organisations.get(scope, id));
		return "org/detail";
	}

	@GetMapping("/admin/organisations")
	String list(Scope scope, @RequestParam(required = false) OrganisationType type,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Long provinceId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", organisations.list(scope,
				new OrganisationManagement.Filter(type, keyword, provinceId), PageQuery.of(page, size)));
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("filterType", type);
		model.addAttribute("keyword", keyword);
		return "admin/organisations";
	}

	@GetMapping("/admin/organisations/new")
	String initCreateForm(@RequestParam(required = false) OrganisationType type, Model model) {
		OrganisationForm form = new OrganisationForm();
		form.setType(type);
		model.addAttribute("organisationForm", form);
		return form(model, null);
	}

	@PostMapping("/admin/organisations/new")
	String processCreateForm(Scope scope, @Valid @ModelAttribute OrganisationForm organisationForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			OrganisationView created = organisations.create(scope, organisationForm);
			redirect.addFlashAttribute("success", messages.text("org.created", created.name()));
			return "redirect:/admin/organisations";
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return form(model, null);
		}
	}

	@GetMapping("/admin/organisations/{id}")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		OrganisationView org = organisations.get(scope, id);
		OrganisationForm form = new OrganisationForm();
		form.setType(org.type());
		form.setName(org.name());
		form.setCode(org.code());
		form.setProvinceId(org.provinceId());
		form.setCityId(org.cityId());
		form.setContactName(org.contactName());
		form.setContactPhone(org.contactPhone());
		form.setVersion(org.version());
		model.addAttribute("organisationForm", form);
		return form(model, org);
	}

	@PostMapping("/admin/organisations/{id}")
	String processUpdateForm(Scope scope, @PathVariable long id,
			@Valid @ModelAttribute OrganisationForm organisationForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		OrganisationView org = organisations.get(scope, id);
		if (result.hasErrors()) {
			return form(model, org);
		}
		try {
			organisations.update(scope, id, organisationForm);
		}
		catch (DomainException e) {
			Forms.reject(result, e);
			return form(model, org);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/admin/organisations";
	}

	@PostMapping("/admin/organisations/{id}/enabled")
	String setEnabled(Scope scope, @PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		OrganisationView org = organisations.setEnabled(scope, id, enabled);
		redirect.addFlashAttribute("success",
				messages.text(enabled ? "org.enabled" : "org.disabled", org.name()));
		return "redirect:/admin/organisations";
	}

	private String form(Model model, OrganisationView org) {
		model.addAttribute("org", org);
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("provinces", organisations.listByType(OrganisationType.PROVINCE, null));
		model.addAttribute("cities", organisations.listByType(OrganisationType.CITY, null));
		return "admin/organisation-form";
	}
}
