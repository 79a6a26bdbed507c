package cn.kaowu.platform.staff.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.RelativeForm;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 考务人员: the staff list with filters, batch (de)activation and a masked CSV export; the add/edit form with
 * the declared relatives. Readers (province, administrator, site staff) see the list without actions.
 */
@Controller
@RequestMapping("/staff/members")
class StaffMemberController {

	private final StaffManagement staff;

	private final ProblemMessages messages;

	StaffMemberController(StaffManagement staff, ProblemMessages messages) {
		this.staff = staff;
		this.messages = messages;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(required = false) String name, @RequestParam(required = false) StaffRole role,
			@RequestParam(required = false) String department, @RequestParam(required = false) TrainingStatus training,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		if (!scope.role().isCollege() && collegeId == null) {
			// Province and administrator first pick a college.
			model.addAttribute("colleges", staff.colleges(scope));
			model.addAttribute("college", null);
			return "staff/members";
		}
		OrganisationView college = staff.college(scope, collegeId);
		model.addAttribute("college", college);
		model.addAttribute("colleges", scope.role().isCollege() ? List.of() : staff.colleges(scope));
		model.addAttribute("result", staff.list(scope, college.id(),
				new StaffManagement.StaffFilter(name, role, department, training, active), PageQuery.of(page, size)));
		model.addAttribute("name", name);
		model.addAttribute("filterRole", role);
		model.addAttribute("department", department);
		model.addAttribute("filterTraining", training);
		model.addAttribute("filterActive", active);
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("trainings", TrainingStatus.values());
		model.addAttribute("canManage", StaffManagement.canManage(scope, college.id()));
		return "staff/members";
	}

	/** The filtered list as CSV (UTF-8 with BOM for Excel), ID and phone numbers masked. */
	@GetMapping("/export.csv")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(required = false) String name, @RequestParam(required = false) StaffRole role,
			@RequestParam(required = false) String department, @RequestParam(required = false) TrainingStatus training,
			@RequestParam(required = false) Boolean active) {
		OrganisationView college = staff.college(scope, collegeId);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", text("staff.field.name"), text("staff.field.gender"), text("staff.field.idNumber"),
				text("staff.field.phone"), text("staff.field.department"), text("staff.field.role"),
				text("staff.field.training"), text("staff.field.trainedOn"), text("staff.field.trainingCertificateNo"),
				text("staff.field.experienceYears"), text("staff.field.majors"), text("staff.field.active")))
			.append("\r\n");
		var filter = new StaffManagement.StaffFilter(name, role, department, training, active);
		int pageNo = 1;
		while (true) {
			var page = staff.list(scope, college.id(), filter, new PageQuery(pageNo, PageQuery.MAX_SIZE));
			for (StaffView s : page.items()) {
				csv.append(String.join(",", cell(s.name()), text(s.gender().messageKey()), cell(s.idNumberMasked()),
						cell(s.phoneMasked()), cell(s.department()), text(s.role().messageKey()),
						text(s.trainingStatus().messageKey()), s.trainedOn() == null ? "" : s.trainedOn().toString(),
						cell(s.trainingCertificateNo() == null ? "" : s.trainingCertificateNo()),
						s.experienceYears().stripTrailingZeros().toPlainString(), cell(s.majorsText()),
						text(s.active() ? "staff.status.active" : "staff.status.inactive")))
					.append("\r\n");
			}
			if (!page.hasNext()) {
				break;
			}
			pageNo++;
		}
		return Downloads.attachment(text("staff.export.file") + ".csv", "text/csv;charset=UTF-8",
				csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/batch")
	String batch(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam String action, RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", messages.text("batch.noneSelected"));
			return "redirect:/staff/members";
		}
		boolean activate = "activate".equals(action);
		try {
			int done = staff.setActive(scope, ids, activate);
			redirect.addFlashAttribute("success",
					messages.text(activate ? "staff.batch.activated" : "staff.batch.deactivated", done));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.text("staff.batch.failed", messages.text(e)));
		}
		return "redirect:/staff/members";
	}

	@GetMapping("/new")
	String initCreateForm(Scope scope, Model model) {
		if (scope.organisationId() == null || !StaffManagement.canManage(scope, scope.organisationId())) {
			throw new AccessDeniedProblem("staff.error.collegeOnly");
		}
		StaffForm form = new StaffForm();
		form.setTrainingStatus(TrainingStatus.UNTRAINED);
		model.addAttribute("staffForm", form);
		return form(model, null);
	}

	@PostMapping("/new")
	String processCreateForm(Scope scope, @ModelAttribute StaffForm staffForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model, null);
		}
		try {
			StaffView created = staff.create(scope, staffForm);
			redirect.addFlashAttribute("success", messages.text("staff.person.created", created.name()));
			return "redirect:/staff/members";
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Scope scope, @PathVariable long id, Model model) {
		model.addAttribute("staffForm", staff.editForm(scope, id));
		model.addAttribute("relativeForm", new RelativeForm());
		return form(model, staff.get(scope, id), scope);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(Scope scope, @PathVariable long id, @ModelAttribute StaffForm staffForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		StaffView current = staff.get(scope, id);
		model.addAttribute("relativeForm", new RelativeForm());
		if (result.hasErrors()) {
			return form(model, current, scope);
		}
		try {
			staff.update(scope, id, staffForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return form(model, current, scope);
		}
		catch (OptimisticLockingFailureException e) {
			result.reject("error.concurrentChange");
			return form(model, current, scope);
		}
		redirect.addFlashAttribute("success", messages.text("action.saved"));
		return "redirect:/staff/members";
	}

	@PostMapping("/{id}/active")
	String setActive(Scope scope, @PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		StaffView person = staff.setActive(scope, id, active);
		redirect.addFlashAttribute("success",
				messages.text(active ? "staff.person.activated" : "staff.person.deactivated", person.name()));
		return "redirect:/staff/members";
	}

	@PostMapping("/{id}/delete")
	String delete(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
		StaffView person = staff.get(scope, id);
		try {
			staff.delete(scope, id);
			redirect.addFlashAttribute("success", messages.text("staff.person.deleted", person.name()));
		}
		catch (DomainException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.text(e));
		}
		return "redirect:/staff/members";
	}

	// ---- relatives -----------------------------------------------------------------------------------

	@PostMapping("/{id}/relatives")
	String addRelative(Scope scope, @PathVariable long id, @ModelAttribute RelativeForm relativeForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		StaffView person = staff.get(scope, id);
		try {
			staff.addRelative(scope, id, relativeForm);
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			model.addAttribute("staffForm", staff.editForm(scope, id));
			return form(model, person, scope);
		}
		redirect.addFlashAttribute("success", messages.text("staff.relative.added", relativeForm.getName()));
		return "redirect:/staff/members/" + id + "/edit#relatives";
	}

	@PostMapping("/{id}/relatives/{relativeId}/delete")
	String removeRelative(Scope scope, @PathVariable long id, @PathVariable long relativeId,
			RedirectAttributes redirect) {
		staff.removeRelative(scope, id, relativeId);
		redirect.addFlashAttribute("success", messages.text("staff.relative.removed"));
		return "redirect:/staff/members/" + id + "/edit#relatives";
	}

	// ---- helpers -------------------------------------------------------------------------------------

	private String form(Model model, StaffView person, Scope scope) {
		model.addAttribute("relatives", staff.relatives(scope, person.id()));
		return form(model, person);
	}

	private String form(Model model, @Nullable StaffView person) {
		model.addAttribute("person", person);
		model.addAttribute("genders", Gender.values());
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("trainings", TrainingStatus.values());
		return "staff/member-form";
	}

	private String text(String key) {
		return messages.text(key);
	}

	/** A CSV cell: quoted when needed; a leading =, +, - or @ is neutralised against formula injection. */
	private static String cell(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
			v = "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}
}
