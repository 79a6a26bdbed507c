package cn.kaowu.platform.staff.api;

import java.math.BigDecimal;
import java.util.List;

import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.staff.CommitteeManagement;
import cn.kaowu.platform.staff.CommitteeView;
import cn.kaowu.platform.staff.MemberForm;
import cn.kaowu.platform.staff.StaffViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff/committees")
@Tag(name = "考核委员会 Exam committee", description = "每个考核站点（暂按院校 + 证书确定）一个考核委员会：考评组、考务组、技术组、巡视组、仲裁组，及规则检查")
class CommitteeApi {

	private final CommitteeManagement committees;

	private final ProblemMessages messages;

	CommitteeApi(CommitteeManagement committees, ProblemMessages messages) {
		this.committees = committees;
		this.messages = messages;
	}

	record CreateRequest(@Nullable Long certificateId) {
	}

	record CandidatesRequest(@Nullable List<String> candidateIdNumbers) {
	}

	/** A violation with its text in the caller's language. */
	record Violation(StaffViolation.Severity severity, StaffViolation.Rule rule, String message) {
	}

	record Member(long id, boolean leader, @Nullable Long staffId, String name, String organisation, BigDecimal years,
			boolean external, boolean orgAppointed) {
	}

	record Group(String group, String name, BigDecimal leaderYears, List<Member> members) {
	}

	record CommitteeResponse(long id, long collegeId, String collegeName, long certificateId, String certificateName,
			List<Group> groups, List<Violation> violations, int version) {
	}

	@GetMapping
	@Operation(summary = "本校（或所选院校）的考核委员会及规则检查")
	List<CommitteeResponse> list(Scope scope, @RequestParam(required = false) Long collegeId) {
		return committees.list(scope, collegeId).stream().map(this::response).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "组建考核委员会（本校，每个证书一个）")
	CommitteeResponse create(Scope scope, @RequestBody CreateRequest request) {
		return response(committees.create(scope, request.certificateId()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考核委员会（含各组成员与规则检查）")
	CommitteeResponse get(Scope scope, @PathVariable long id) {
		return response(committees.get(scope, id));
	}

	@GetMapping("/{id}/violations")
	@Operation(summary = "规则检查：考务人员配备（第十七条）与考核委员会组成")
	List<Violation> violations(Scope scope, @PathVariable long id) {
		return violations(committees.get(scope, id).violations());
	}

	@PostMapping("/{id}/relative-conflicts")
	@Operation(summary = "亲属回避检查", description = "传入一次考试的考生证件号码，返回申报了参考亲属的委员会成员（应回避当次考核）")
	List<Violation> relativeConflicts(Scope scope, @PathVariable long id, @RequestBody CandidatesRequest request) {
		CommitteeView committee = committees.get(scope, id);
		return violations(committees.relativeConflicts(committee.collegeId(), committee.certificateId(),
				request.candidateIdNumbers() == null ? List.of() : request.candidateIdNumbers()));
	}

	@PostMapping("/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "添加成员", description = "staffId（本校考务人员）或外派人员 externalName/externalOrganisation/externalYears（仅巡视组、仲裁组）；leader=true 时替换原组长")
	CommitteeResponse addMember(Scope scope, @PathVariable long id, @RequestBody MemberForm form) {
		return response(committees.addMember(scope, id, form));
	}

	@PostMapping("/{id}/members/{memberId}/leader")
	@Operation(summary = "设为组长")
	CommitteeResponse setLeader(Scope scope, @PathVariable long id, @PathVariable long memberId) {
		return response(committees.setLeader(scope, id, memberId));
	}

	@DeleteMapping("/{id}/members/{memberId}")
	@Operation(summary = "移除成员")
	CommitteeResponse removeMember(Scope scope, @PathVariable long id, @PathVariable long memberId) {
		return response(committees.removeMember(scope, id, memberId));
	}

	private CommitteeResponse response(CommitteeView c) {
		List<Group> groups = c.groups()
			.stream()
			.map(g -> new Group(g.group().name(), messages.text(g.group().messageKey()), g.group().leaderYears(),
					g.members()
						.stream()
						.map(m -> new Member(m.id(), m.leader(), m.staffId(), m.name(), m.organisation(), m.years(),
								m.external(), m.orgAppointed()))
						.toList()))
			.toList();
		return new CommitteeResponse(c.id(), c.collegeId(), c.collegeName(), c.certificateId(), c.certificateName(),
				groups, violations(c.violations()), c.version());
	}

	private List<Violation> violations(List<StaffViolation> violations) {
		return violations.stream()
			.map(v -> new Violation(v.severity(), v.rule(), messages.text(v.messageKey(), v.argArray())))
			.toList();
	}
}
