package cn.kaowu.platform.bank.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemFilter;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemStatus;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.bank.ItemView;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 证书管理 → 题库管理 for the ORG: the item list with filters, the form per type (a new version on every save), the
 * history, retire/reactivate, the import (job page) and the blueprint page with its check.
 */
@Controller
@RequestMapping("/bank")
class BankController {

	private final BankManagement bank;

	private final ProblemMessages messages;

	BankController(BankManagement bank, ProblemMessages messages) {
		this.bank = bank;
		this.messages = messages;
	}

	/** A subject of one of the ORG's levels, for the choices. */
	record SubjectChoice(long levelId, long subjectId, String label) {
	}

	static List<SubjectChoice> subjects(List<LevelView> levels) {
		List<SubjectChoice> choices = new ArrayList<>();
		for (LevelView l : levels) {
			for (SubjectView s : l.subjects()) {
				choices.add(new SubjectChoice(l.id(), s.id(), l.displayName() + " · " + s.name()));
			}
		}
		return choices;
	}

	private SubjectChoice choice(Scope scope, long subjectId) {
		return subjects(bank.levels(scope)).stream()
			.filter(c -> c.subjectId() == subjectId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("科目", subjectId));
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long levelId,
			@RequestParam(required = false) Long subjectId, @RequestParam(required = false) ItemType type,
			@RequestParam(required = false) String knowledgeArea, @RequestParam(required = false) ItemStatus status,
			@RequestParam(required = false) Integer page, Model model) {
		List<LevelView> levels = bank.levels(scope);
		ItemFilter filter = new ItemFilter(levelId, subjectId, type, knowledgeArea, status);
		model.addAttribute("levels", levels);
		model.addAttribute("subjects", subjects(levels));
		model.addAttribute("types", ItemType.values());
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("areas", bank.knowledgeAreas(scope));
		model.addAttribute("filter", filter);
		model.addAttribute("result", bank.list(scope, filter, PageQuery.of(page, null)));
		return "bank/list";
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template(Scope scope) {
		return Downloads.attachment("试题导入模板.xlsx", Spreadsheets.CONTENT_TYPE, bank.template(scope));
	}

	@PostMapping("/import")
	String startImport(Scope scope, @RequestParam(required = false) Long subjectId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			if (subjectId == null) {
				redirect.addFlashAttribute("error", messages.text("bank.subject.required"));
				return "redirect:/bank";
			}
			SubjectChoice c = choice(scope, subjectId);
			JobView job = bank.startImport(scope, c.levelId(), c.subjectId(),
					file == null || file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes());
			return "redirect:/jobs/" + job.id();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DomainException e) {
			flashError(redirect, e);
			return "redirect:/bank";
		}
	}

	@PostMapping("/{id}/retire")
	String retire(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", messages.text("bank.retired", bank.retire(scope, id).code()));
		return "redirect:/bank";
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", messages.text("bank.reactivated", bank.reactivate(scope, id).code()));
		return "redirect:/bank";
	}

	@GetMapping("/{id}/history")
	String history(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("item", bank.get(scope, id));
		model.addAttribute("versions", bank.history(scope, id));
		return "bank/history";
	}

	@GetMapping("/{id}/attachments/{fileId}")
	ResponseEntity<byte[]> attachment(Scope scope, @PathVariable long id, @PathVariable UUID fileId) {
		StoredFile f = bank.attachment(scope, id, fileId);
		return Downloads.attachment(f.originalName(), f.contentType(), bank.read(f));
	}

	private void flashError(RedirectAttributes redirect, DomainException e) {
		if (e.status().value() == 404 || e.status().value() == 403) {
			throw e;
		}
		List<String> details = messages.fieldErrors(e).stream().map(m -> m.get("message")).toList();
		redirect.addFlashAttribute("error", details.isEmpty() ? messages.text(e) : String.join("；", details));
	}

	// ---- item form ----

	@GetMapping("/new")
	String initCreateForm(Scope scope, @RequestParam(defaultValue = "SINGLE") ItemType type,
			@RequestParam(required = false) Long subjectId, Model model) {
		ItemForm form = new ItemForm();
		form.setType(type);
		form.setSubjectId(subjectId);
		model.addAttribute("itemForm", form.padded());
		return form(scope, null, model);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @ModelAttribute ItemForm itemForm, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		if (itemForm.getType() == null) {
			itemForm.setType(ItemType.SINGLE); // as the new form opens: the form is shown again with its errors
		}
		try {
			if (itemForm.getSubjectId() != null) {
				itemForm.setLevelId(subjects(bank.levels(scope)).stream()
					.filter(c -> c.subjectId() == itemForm.getSubjectId())
					.map(SubjectChoice::levelId)
					.findFirst()
					.orElse(null));
			}
			addFiles(scope, itemForm, List.of(), null, files);
			ItemView created = bank.create(scope, itemForm);
			redirect.addFlashAttribute("success", messages.text("bank.created", created.code()));
			return "redirect:/bank?subjectId=" + created.subjectId();
		}
		catch (DomainException e) {
			if (e.status().value() != 422) {
				throw e;
			}
			Forms.reject(result, e);
			itemForm.padded();
			return form(scope, null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		ItemView item = bank.get(scope, id);
		model.addAttribute("itemForm", ItemForm.of(item));
		return form(scope, item, model);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute ItemForm itemForm,
			BindingResult result, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(required = false) @Nullable List<UUID> removeAttachment, Model model,
			RedirectAttributes redirect) {
		ItemView item = bank.get(scope, id);
		try {
			addFiles(scope, itemForm, item.body().attachments(), removeAttachment, files);
			ItemView saved = bank.update(scope, id, itemForm);
			redirect.addFlashAttribute("success", messages.text("bank.saved", saved.code(), saved.version()));
			return "redirect:/bank?subjectId=" + saved.subjectId();
		}
		catch (DomainException e) {
			if (e.status().value() != 422) {
				throw e;
			}
			Forms.reject(result, e);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
		}
		itemForm.padded();
		return form(scope, item, model);
	}

	/** Attachments are not bound from the form: the item's current ones less the removed, plus the uploads. */
	@InitBinder("itemForm")
	void initItemBinder(WebDataBinder binder) {
		binder.setDisallowedFields("attachments*");
	}

	private void addFiles(Scope scope, ItemForm form, List<ItemBody.Attachment> current, @Nullable List<UUID> removed,
			@Nullable List<MultipartFile> files) {
		List<ItemBody.Attachment> attachments = new ArrayList<>(
				current.stream().filter(a -> removed == null || !removed.contains(a.fileId())).toList());
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (f.isEmpty()) {
				continue;
			}
			try {
				attachments.add(bank.storeAttachment(scope, String.valueOf(f.getOriginalFilename()), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		form.setAttachments(attachments);
	}

	private String form(Scope scope, @Nullable ItemView item, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("subjects", subjects(bank.levels(scope)));
		model.addAttribute("types", ItemType.values());
		model.addAttribute("letters", List.of("A", "B", "C", "D", "E", "F"));
		return "bank/form";
	}

	// ---- blueprint ----

	@GetMapping("/blueprint")
	String blueprint(Scope scope, @RequestParam(required = false) Long subjectId, Model model) {
		List<SubjectChoice> subjects = subjects(bank.levels(scope));
		model.addAttribute("subjects", subjects);
		model.addAttribute("types", ItemType.values());
		if (subjectId == null && !subjects.isEmpty()) {
			subjectId = subjects.getFirst().subjectId();
		}
		if (subjectId != null) {
			SubjectChoice c = choice(scope, subjectId);
			Blueprint b = bank.blueprint(scope, c.levelId(), c.subjectId());
			if (!model.containsAttribute("blueprintForm")) {
				model.addAttribute("blueprintForm", BlueprintForm.of(b));
			}
			model.addAttribute("chosen", c);
			model.addAttribute("subject", bank.subject(scope, c.levelId(), c.subjectId()));
			model.addAttribute("check", bank.check(scope, c.levelId(), c.subjectId()));
			model.addAttribute("areas", bank.knowledgeAreas(scope));
		}
		return "bank/blueprint";
	}

	@PostMapping("/blueprint")
	String saveBlueprint(Scope scope, @RequestParam long subjectId, @ModelAttribute BlueprintForm blueprintForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		SubjectChoice c = choice(scope, subjectId);
		try {
			bank.saveBlueprint(scope, c.levelId(), c.subjectId(), blueprintForm);
			redirect.addFlashAttribute("success", messages.text("bank.blueprint.saved"));
			return "redirect:/bank/blueprint?subjectId=" + subjectId;
		}
		catch (DomainException e) {
			if (e.status().value() != 422) {
				throw e;
			}
			Forms.reject(result, e);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
		}
		blueprintForm.padded();
		return blueprint(scope, subjectId, model);
	}
}
