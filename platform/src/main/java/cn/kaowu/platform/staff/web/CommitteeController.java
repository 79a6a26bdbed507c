package cn.kaowu.platform.staff.web;

import java.util.List;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.kernel.Forms;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.staff.CommitteeGroup;
import cn.kaowu.platform.staff.CommitteeManagement;
import cn.kaowu.platform.staff.CommitteeView;
import cn.kaowu.platform.staff.MemberForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffView;
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

/** 考核委员会: the committees of a college, one page per committee with its groups and the rule check. */
@Controller
@RequestMapping("/staff/committees")
class CommitteeController {

	/** A committee in the list, with its violations as text. */
	public record Summary(CommitteeView committee, List<ViolationLine> violations) {

		public long errors() {
			return violations.stream().filter(ViolationLine::error).count();
		}

		public long warnings() {
			return violations.size() - errors();
		}
	}

	private final CommitteeManagement committees;

	private final StaffManagement staff;

	private final CatalogManagement catalog;

	private final ProblemMessages messages;

	CommitteeController(CommitteeManagement committees, StaffManagement staff, CatalogManagement catalog,
			ProblemMessages messages) {
		this.committees = committees;
		this.staff = staff;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long collegeId, Model model) {
		if (!scope.role().isCollege() && collegeId == null) {
			model.addAttribute("colleges", staff.colleges(scope));
			model.addAttribute("college", null);
			return "staff/committees";
		}
		OrganisationView college = staff.college(scope, collegeId);
		List<Summary> summaries = committees.list(scope, college.id())
			.stream()
			.map(c -> new Summary(c, ViolationLine.of(c.violations(), messages)))
			.toList();
		boolean canManage = StaffManagement.canManage(scope, college.id());
		model.addAttribute("college", college);
		model.addAttribute("colleges", scope.role().isCollege() ? List.of() : staff.colleges(scope));
		model.addAttribute("summaries", summaries);
		model.addAttribute("canManage", canManage);
		if (canManage) {
			List<Long> taken = summaries.stream().map(s -> s.committee().certificateId()).toList();
			model.addAttribute("certificates", catalog
				.listCertificates(scope, new CatalogManagement.CertificateFilter(null, null, true),
						new PageQuery(1, PageQuery.MAX_SIZE))
				.items()
				.stream()
				.filter(c -> !taken.contains(c.id()))
				.toList());
		}
		return "staff/committees";
	}

	@PostMapping
	String create(Scope scope, @RequestParam(required = false) Long certificateId, RedirectAttributes redirect) {
		try {
			CommitteeView committee = committees.create(scope, certificateId);
			redirect.addFlashAttribute("success", messages.text("staff.committee.created", committee.certificateName()));
			return "redirect:/staff/committees/" + committee.id();
		}
		catch (InvalidInputProblem e) {
			redirect.addFlashAttribute("error", messages.fieldErrors(e).getFirst().get("message"));
			return "redirect:/staff/committees";
		}
	}

	@GetMapping("/{id}")
	String show(Scope scope, @PathVariable long id, Model model) {
		MemberForm form = new MemberForm();
		model.addAttribute("memberForm", form);
		return detail(scope, id, model);
	}

	@PostMapping("/{id}/members")
	String addMember(Scope scope, @PathVariable long id, @ModelAttribute MemberForm memberForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return detail(scope, id, model);
		}
		try {
			CommitteeView committee = committees.addMember(scope, id, memberForm);
			String name = committee.groups()
				.stream()
				.flatMap(g -> g.members().stream())
				.max(java.util.Comparator.comparingLong(CommitteeView.Member::id))
				.map(CommitteeView.Member::name)
				.orElse("");
			redirect.addFlashAttribute("success", messages.text("staff.cmember.added", name));
			return "redirect:/staff/committees/" + id;
		}
		catch (InvalidInputProblem e) {
			Forms.reject(result, e);
			return detail(scope, id, model);
		}
	}

	@PostMapping("/{id}/members/{memberId}/leader")
	String setLeader(Scope scope, @PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		committees.setLeader(scope, id, memberId);
		redirect.addFlashAttribute("success", messages.text("staff.cmember.leaderSet"));
		return "redirect:/staff/committees/" + id;
	}

	@PostMapping("/{id}/members/{memberId}/delete")
	String removeMember(Scope scope, @PathVariable long id, @PathVariable long memberId,
			RedirectAttributes redirect) {
		committees.removeMember(scope, id, memberId);
		redirect.addFlashAttribute("success", messages.text("staff.cmember.removed"));
		return "redirect:/staff/committees/" + id;
	}

	private String detail(Scope scope, long id, Model model) {
		CommitteeView committee = committees.get(scope, id);
		boolean canManage = StaffManagement.canManage(scope, committee.collegeId());
		model.addAttribute("committee", committee);
		model.addAttribute("violations", ViolationLine.of(committee.violations(), messages));
		model.addAttribute("canManage", canManage);
		model.addAttribute("groups", CommitteeGroup.values());
		if (canManage) {
			List<StaffView> active = staff.all(scope, committee.collegeId()).stream().filter(StaffView::active).toList();
			model.addAttribute("staffChoices", active);
		}
		return "staff/committee";
	}
}
