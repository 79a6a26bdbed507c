package cn.kaowu.platform.site.web;

import java.util.List;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.QualificationChecklists;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 资格条件: the ORG's qualification checklists, one per certificate it owns. */
@Controller
class ChecklistController {

	private final QualificationChecklists checklists;

	private final CatalogManagement catalog;

	private final ProblemMessages messages;

	ChecklistController(QualificationChecklists checklists, CatalogManagement catalog, ProblemMessages messages) {
		this.checklists = checklists;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/sites/checklists")
	String list(Scope scope, @RequestParam(required = false) Long certificateId,
			@RequestParam(required = false) Long editId, Model model) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("site.error.orgOnly");
		}
		List<CertificateView> own = catalog.allCertificates(scope,
				new CatalogManagement.CertificateFilter(null, scope.organisationId(), null));
		model.addAttribute("certificates", own);
		CertificateView current = own.stream()
			.filter(c -> certificateId == null || c.id() == certificateId)
			.findFirst()
			.orElse(null);
		model.addAttribute("certificate", current);
		var items = current == null ? List.<cn.kaowu.platform.site.ChecklistItemView>of()
				: checklists.of(scope, current.id());
		model.addAttribute("items", items);
		model.addAttribute("editId", editId);
		if (!model.containsAttribute("checklistItemForm")) {
			ChecklistItemForm form = new ChecklistItemForm();
			items.stream().filter(i -> editId != null && i.id() == editId).findFirst().ifPresent(i -> {
				form.setCategory(i.category());
				form.setRequirement(i.requirement());
				form.setSource(i.source());
				form.setVersion(i.version());
			});
			model.addAttribute("checklistItemForm", form);
		}
		return "site/checklists";
	}

	@PostMapping("/sites/checklists/{certificateId}/items")
	String add(Scope scope, @PathVariable long certificateId, @ModelAttribute ChecklistItemForm form,
			RedirectAttributes redirect) {
		try {
			checklists.add(scope, certificateId, form);
			redirect.addFlashAttribute("success", messages.text("site.checklist.added"));
		}
		catch (InvalidInputProblem e) {
			fail(redirect, e, form);
		}
		return "redirect:/sites/checklists?certificateId=" + certificateId;
	}

	@PostMapping("/sites/checklists/items/{id}/edit")
	String edit(Scope scope, @PathVariable long id, @RequestParam long certificateId,
			@ModelAttribute ChecklistItemForm form, RedirectAttributes redirect) {
		try {
			checklists.update(scope, id, form);
			redirect.addFlashAttribute("success", messages.text("action.saved"));
		}
		catch (InvalidInputProblem e) {
			fail(redirect, e, form);
			return "redirect:/sites/checklists?certificateId=" + certificateId + "&editId=" + id;
		}
		return "redirect:/sites/checklists?certificateId=" + certificateId;
	}

	@PostMapping("/sites/checklists/items/{id}/delete")
	String delete(Scope scope, @PathVariable long id, @RequestParam long certificateId, RedirectAttributes redirect) {
		checklists.delete(scope, id);
		redirect.addFlashAttribute("success", messages.text("site.checklist.deleted"));
		return "redirect:/sites/checklists?certificateId=" + certificateId;
	}

	@PostMapping("/sites/checklists/items/{id}/move")
	String move(Scope scope, @PathVariable long id, @RequestParam long certificateId, @RequestParam int direction) {
		checklists.move(scope, id, direction);
		return "redirect:/sites/checklists?certificateId=" + certificateId;
	}

	private void fail(RedirectAttributes redirect, InvalidInputProblem e, @Nullable ChecklistItemForm form) {
		messages.flash(redirect, e);
		redirect.addFlashAttribute("checklistItemForm", form);
	}
}
