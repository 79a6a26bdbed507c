package cn.kaowu.platform.site.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.site.ChecklistItemView;
import cn.kaowu.platform.site.ReviewDecision;
import cn.kaowu.platform.site.SiteApplicationForm;
import cn.kaowu.platform.site.SiteApplicationStatus;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteUpload;
import cn.kaowu.platform.site.SiteView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 考核站点申报 (colleges), 站点审核 (ORG), 站点备案 (province) and a site's page with its review. */
@Controller
class SiteController {

	private final SiteManagement sites;

	private final ProblemMessages messages;

	SiteController(SiteManagement sites, ProblemMessages messages) {
		this.sites = sites;
		this.messages = messages;
	}

	// ---- lists ---------------------------------------------------------------------------------------

	@GetMapping("/sites/applications")
	String applications(Scope scope, @RequestParam(required = false) SiteApplicationStatus status,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		requireCollege(scope);
		model.addAttribute("result", sites.list(scope, new SiteManagement.SiteFilter(status, null, keyword, null),
				PageQuery.of(page, size)));
		return list(model, "college", status, keyword);
	}

	@GetMapping("/sites/reviews")
	String reviews(Scope scope, @RequestParam(required = false) SiteApplicationStatus status,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		SiteApplicationStatus shown = status == null ? SiteApplicationStatus.SUBMITTED : status;
		model.addAttribute("result", sites.reviewQueue(scope,
				new SiteManagement.SiteFilter(shown, null, keyword, null), PageQuery.of(page, size)));
		return list(model, "org", shown, keyword);
	}

	@GetMapping("/sites/filings")
	String filings(Scope scope, @RequestParam(required = false) SiteStatus operatingStatus,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", sites.filings(scope,
				new SiteManagement.SiteFilter(null, null, keyword, operatingStatus), PageQuery.of(page, size)));
		model.addAttribute("operatingStatuses", SiteStatus.values());
		model.addAttribute("filterOperatingStatus", operatingStatus);
		return list(model, "province", null, keyword);
	}

	private String list(Model model, String view, @Nullable SiteApplicationStatus status, @Nullable String keyword) {
		model.addAttribute("view", view);
		model.addAttribute("statuses", SiteApplicationStatus.values());
		model.addAttribute("filterStatus", status);
		model.addAttribute("keyword", keyword);
		return "site/list";
	}

	@PostMapping("/sites/applications/batch-delete")
	String batchDelete(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return "redirect:/sites/applications";
		}
		try {
			int done = sites.deleteAll(scope, ids);
			redirect.addFlashAttribute("success", messages.text("site.batch.deleted", done));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text("site.batch.failed", messages.text(e)));
		}
		return "redirect:/sites/applications";
	}

	// ---- the form ------------------------------------------------------------------------------------

	@GetMapping("/sites/applications/new")
	String initCreateForm(Scope scope, Model model) {
		requireCollege(scope);
		model.addAttribute("siteApplicationForm", new SiteApplicationForm());
		return form(scope, model, null);
	}

	@PostMapping("/sites/applications/new")
	String processCreateForm(Scope scope, @ModelAttribute SiteApplicationForm siteApplicationForm,
			BindingResult result, @RequestParam(required = false) MultipartFile applicationForm,
			@RequestParam(required = false) List<MultipartFile> photos, @RequestParam(required = false) String submit,
			Model model, RedirectAttributes redirect) {
		requireCollege(scope);
		if (result.hasErrors()) {
			return form(scope, model, null);
		}
		SiteView saved;
		try {
			saved = sites.create(scope, siteApplicationForm, upload(applicationForm), uploads(photos));
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(scope, model, null);
		}
		return afterSave(scope, saved, submit != null, redirect);
	}

	@GetMapping("/sites/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		requireCollege(scope);
		SiteView site = sites.get(scope, id);
		site.status().requireEditable("编辑");
		SiteApplicationForm form = SiteApplicationForm.of(site.certificateId(), site.contactName(),
				site.contactPhone(), site.roomCount(), site.seatCount(),
				site.description() == null ? "" : site.description());
		form.setVersion(site.version());
		model.addAttribute("siteApplicationForm", form);
		return form(scope, model, site);
	}

	@PostMapping("/sites/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id,
			@ModelAttribute SiteApplicationForm siteApplicationForm, BindingResult result,
			@RequestParam(required = false) MultipartFile applicationForm,
			@RequestParam(required = false) List<MultipartFile> photos, @RequestParam(required = false) String submit,
			Model model, RedirectAttributes redirect) {
		SiteView site = sites.get(scope, id);
		if (result.hasErrors()) {
			return form(scope, model, site);
		}
		SiteView saved;
		try {
			saved = sites.update(scope, id, siteApplicationForm, upload(applicationForm), uploads(photos));
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(scope, model, site);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return form(scope, model, site);
		}
		return afterSave(scope, saved, submit != null, redirect);
	}

	// ---- one site ------------------------------------------------------------------------------------

	@GetMapping("/sites/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		SiteView site = sites.get(scope, id);
		model.addAttribute("site", site);
		model.addAttribute("reviews", sites.reviews(scope, id));
		boolean college = SiteManagement.isCollege(scope);
		boolean canReview = scope.role() == Role.ORG && site.status() == SiteApplicationStatus.SUBMITTED;
		model.addAttribute("college", college);
		model.addAttribute("canReview", canReview);
		model.addAttribute("checklist", canReview ? sites.checklistFor(scope, id) : List.<ChecklistItemView>of());
		model.addAttribute("back", college ? "/sites/applications"
				: scope.role() == Role.PROVINCE ? "/sites/filings" : "/sites/reviews");
		return "site/detail";
	}

	@PostMapping("/sites/{id}/submit")
	String submit(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		try {
			SiteView site = sites.submit(scope, id);
			redirect.addFlashAttribute("success", messages.text("site.submitted", site.name()));
		}
		catch (DomainException e) {
			if (e instanceof AccessDeniedProblem || e.status().value() == 404) {
				throw e;
			}
			messages.flash(redirect, e);
		}
		return "redirect:/sites/" + id;
	}

	@PostMapping("/sites/{id}/withdraw")
	String withdraw(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		SiteView site = sites.withdraw(scope, id);
		redirect.addFlashAttribute("success", messages.text("site.withdrawn", site.name()));
		return "redirect:/sites/" + id;
	}

	@PostMapping("/sites/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		SiteView site = sites.get(scope, id);
		sites.delete(scope, id);
		redirect.addFlashAttribute("success", messages.text("site.deleted", site.name()));
		return "redirect:/sites/applications";
	}

	@PostMapping("/sites/{id}/photos/{photoId}/delete")
	String removePhoto(Scope scope, @PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
		sites.removePhoto(scope, id, photoId);
		redirect.addFlashAttribute("success", messages.text("site.photo.removed"));
		return "redirect:/sites/" + id + "/edit";
	}

	@PostMapping("/sites/{id}/review")
	String review(Scope scope, @PathVariable long id, @RequestParam String decision,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		List<ReviewDecision.Tick> ticks = new ArrayList<>();
		for (ChecklistItemView item : sites.checklistFor(scope, id)) {
			String met = params.get("met_" + item.id());
			ticks.add(new ReviewDecision.Tick(item.id(), met == null || met.isEmpty() ? null : Boolean.valueOf(met),
					params.get("note_" + item.id())));
		}
		ReviewDecision review = new ReviewDecision(ticks, params.get("reason"));
		try {
			if ("approve".equals(decision)) {
				SiteView site = sites.approve(scope, id, review);
				redirect.addFlashAttribute("success", messages.text("site.approved", site.name(), site.code()));
			}
			else {
				SiteView site = sites.returnForChanges(scope, id, review);
				redirect.addFlashAttribute("success", messages.text("site.returned", site.name()));
			}
		}
		catch (InvalidInputProblem e) {
			messages.flash(redirect, e);
		}
		return "redirect:/sites/" + id;
	}

	@GetMapping("/sites/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(Scope scope, @PathVariable long id) {
		return send(sites.certificate(scope, id), false);
	}

	@GetMapping("/sites/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(Scope scope, @PathVariable long id, @PathVariable UUID fileId) {
		return send(sites.file(scope, id, fileId), true);
	}

	// ---- helpers -------------------------------------------------------------------------------------

	static ResponseEntity<byte[]> send(SiteManagement.Download file, boolean inline) {
		return inline ? Downloads.inline(file.name(), file.contentType(), file.content())
				: Downloads.attachment(file.name(), file.contentType(), file.content());
	}

	private String afterSave(Scope scope, SiteView saved, boolean submit, RedirectAttributes redirect) {
		if (!submit) {
			redirect.addFlashAttribute("success", messages.text("site.saved", saved.name()));
			return "redirect:/sites/" + saved.id();
		}
		return submit(scope, saved.id(), redirect);
	}

	private String form(Scope scope, Model model, @Nullable SiteView site) {
		model.addAttribute("site", site);
		model.addAttribute("certificates", site == null ? sites.certificateChoices(scope) : List.of());
		return "site/form";
	}

	private static void requireCollege(Scope scope) {
		if (!SiteManagement.isCollege(scope)) {
			throw new AccessDeniedProblem("site.error.collegeOnly");
		}
	}

	static @Nullable SiteUpload upload(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return null;
		}
		try {
			return new SiteUpload(String.valueOf(file.getOriginalFilename()), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<SiteUpload> uploads(@Nullable List<MultipartFile> files) {
		List<SiteUpload> uploads = new ArrayList<>();
		if (files != null) {
			files.stream().map(SiteController::upload).filter(java.util.Objects::nonNull).forEach(uploads::add);
		}
		return uploads;
	}
}
