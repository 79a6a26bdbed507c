package cn.kaowu.platform.staff;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.staff.StaffRules.MemberFact;
import cn.kaowu.platform.staff.StaffRules.StaffFact;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam committees (考核委员会, 000 §1.3): one per site, with 考评组, 考务组, 技术组 drawn from the college's staff
 * database and 巡视组, 仲裁组 of external people. Composition is refused only where it cannot make sense (an
 * external person in a staff-only group, the same person twice in a group, a deactivated person); everything the
 * seeds ask beyond that is reported by {@link #check} as {@link StaffViolation}s, so a committee can be built up
 * step by step while the page shows what is still wrong.
 * <p>
 * A site is identified by (college, certificate) until the site module exists; the certificate id is the site
 * key and will become a site id then.
 */
@Service
public class CommitteeManagement {

	static final BigDecimal MAX_YEARS = new BigDecimal("60");

	private final Committees committees;

	private final StaffMembers staff;

	private final StaffAccess access;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final AuditLog audit;

	private final Clock clock;

	CommitteeManagement(Committees committees, StaffMembers staff, StaffAccess access, CatalogManagement catalog,
			OrganisationManagement organisations, AuditLog audit, Clock clock) {
		this.committees = committees;
		this.staff = staff;
		this.access = access;
		this.catalog = catalog;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CommitteeView> list(Scope scope, @Nullable Long collegeId) {
		OrganisationView college = access.college(scope, collegeId);
		return committees.ofCollege(college.id()).stream().map(row -> assemble(row, college)).toList();
	}

	@Transactional(readOnly = true)
	public CommitteeView get(Scope scope, long id) {
		Committees.Row row = committees.find(id).orElseThrow(() -> notFound(id));
		return assemble(row, access.readable(scope, row.collegeId(), "考核委员会", id));
	}

	/** The committee of the scope's college for a certificate, if there is one. */
	@Transactional(readOnly = true)
	public java.util.Optional<CommitteeView> find(Scope scope, @Nullable Long collegeId, long certificateId) {
		OrganisationView college = access.college(scope, collegeId);
		return committees.findBySite(college.id(), certificateId).map(row -> assemble(row, college));
	}

	/** Sets up the committee of the caller's college for a certificate (its site); one per site. */
	@Transactional
	public CommitteeView create(Scope scope, @Nullable Long certificateId) {
		OrganisationView college = access.ownCollege(scope);
		if (certificateId == null) {
			throw new InvalidInputProblem("certificateId", "staff.committee.certificate.required");
		}
		CertificateView certificate = certificate(certificateId)
			.orElseThrow(() -> new InvalidInputProblem("certificateId", "staff.committee.certificate.unknown"));
		if (committees.findBySite(college.id(), certificateId).isPresent()) {
			throw new InvalidInputProblem("certificateId", "staff.committee.duplicate", certificate.name());
		}
		long id;
		try {
			id = committees.insert(college.id(), certificateId, clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("certificateId", "staff.committee.duplicate", certificate.name());
		}
		audit.record(scope, AuditRecord.of("staff.committee.create", "ExamCommittee", id, null, "CREATED",
				college.name() + " · " + certificate.name(), college.id()));
		return get(scope, id);
	}

	/** Adds a member to a group; with {@code leader} the member replaces the group's leader. */
	@Transactional
	public CommitteeView addMember(Scope scope, long committeeId, MemberForm form) {
		Committees.Row committee = manageable(scope, committeeId);
		CommitteeGroup group = form.getGroup();
		if (group == null) {
			throw new InvalidInputProblem("group", "staff.member.group.required");
		}
		List<Committees.MemberRow> current = committees.members(committeeId);
		String name;
		long memberId;
		if (form.getStaffId() != null) {
			long staffId = form.getStaffId();
			StaffMembers.Row person = staff.find(staffId)
				.filter(p -> p.collegeId() == committee.collegeId())
				.orElseThrow(() -> new NotFoundProblem("考务人员", staffId));
			if (!person.active()) {
				throw new InvalidInputProblem("staffId", "staff.member.inactive", person.name());
			}
			if (current.stream().anyMatch(m -> m.group() == group && Objects.equals(m.staffId(), staffId))) {
				throw new InvalidInputProblem("staffId", "staff.member.duplicate", person.name(),
						new DefaultMessageSourceResolvable(group.messageKey()));
			}
			name = person.name();
			if (form.isLeader()) {
				committees.clearLeader(committeeId, group);
			}
			memberId = committees.insertMember(committeeId, group, form.isLeader(), staffId, null, null, null, false,
					clock.instant());
		}
		else {
			List<FieldProblem> problems = new ArrayList<>();
			if (!group.external()) {
				throw new InvalidInputProblem("staffId", "staff.member.staffRequired",
						new DefaultMessageSourceResolvable(group.messageKey()));
			}
			name = StaffManagement.trim(form.getExternalName());
			String organisation = StaffManagement.trim(form.getExternalOrganisation());
			BigDecimal years = form.getExternalYears();
			if (name.isEmpty()) {
				problems.add(new FieldProblem("externalName", "staff.member.externalName.required"));
			}
			else if (name.length() > 30) {
				problems.add(new FieldProblem("externalName", "staff.name.size"));
			}
			if (organisation.isEmpty()) {
				problems.add(new FieldProblem("externalOrganisation", "staff.member.externalOrganisation.required"));
			}
			else if (organisation.length() > 60) {
				problems.add(new FieldProblem("externalOrganisation", "staff.member.externalOrganisation.size"));
			}
			if (years == null) {
				problems.add(new FieldProblem("externalYears", "staff.member.externalYears.required"));
			}
			else if (years.signum() < 0 || years.compareTo(MAX_YEARS) > 0 || years.scale() > 2) {
				problems.add(new FieldProblem("externalYears", "staff.experienceYears.range"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputProblem(problems);
			}
			if (form.isLeader()) {
				committees.clearLeader(committeeId, group);
			}
			memberId = committees.insertMember(committeeId, group, form.isLeader(), null, name, organisation, years,
					form.isOrgAppointed(), clock.instant());
		}
		committees.touch(committeeId, clock.instant());
		audit.record(scope, AuditRecord.of("staff.committee.member.add", "ExamCommittee", committeeId, null, null,
				group + " " + name + (form.isLeader() ? "（组长）" : "") + " #" + memberId, committee.collegeId()));
		return get(scope, committeeId);
	}

	/** Makes a member the leader of its group (the previous leader stays a member). */
	@Transactional
	public CommitteeView setLeader(Scope scope, long committeeId, long memberId) {
		Committees.Row committee = manageable(scope, committeeId);
		Committees.MemberRow member = member(committeeId, memberId);
		committees.clearLeader(committeeId, member.group());
		committees.setLeader(memberId);
		committees.touch(committeeId, clock.instant());
		audit.record(scope, AuditRecord.of("staff.committee.leader", "ExamCommittee", committeeId, null, null,
				member.group() + " #" + memberId, committee.collegeId()));
		return get(scope, committeeId);
	}

	@Transactional
	public CommitteeView removeMember(Scope scope, long committeeId, long memberId) {
		Committees.Row committee = manageable(scope, committeeId);
		Committees.MemberRow member = member(committeeId, memberId);
		committees.deleteMember(memberId);
		committees.touch(committeeId, clock.instant());
		audit.record(scope, AuditRecord.of("staff.committee.member.remove", "ExamCommittee", committeeId, null, null,
				member.group() + " #" + memberId, committee.collegeId()));
		return get(scope, committeeId);
	}

	// ---- for other modules ---------------------------------------------------------------------------

	/**
	 * Every violation of the staffing rules (002 art.17) and the committee rules (000 §1.3) at the site of
	 * {@code collegeId} for {@code certificateId}. No scope: for modules that check a site before an exam.
	 */
	@Transactional(readOnly = true)
	public List<StaffViolation> check(long collegeId, long certificateId) {
		OrganisationView college = organisations.find(collegeId).orElseThrow(() -> new NotFoundProblem("院校", collegeId));
		return committees.findBySite(collegeId, certificateId)
			.map(row -> assemble(row, college).violations())
			.orElseGet(() -> {
				List<StaffViolation> violations = new ArrayList<>(StaffRules.staffing(
						staff.ofCollege(collegeId).stream().map(StaffMembers.Row::fact).toList()));
				violations.add(StaffViolation.error(StaffViolation.Rule.GROUP_LEADER, "staff.rule.noCommittee"));
				return violations;
			});
	}

	/**
	 * The committee members of the site who declared a close relative among the exam's candidates (000 (二)
	 * 2.(6)): each must step aside for that exam. {@code candidateIdNumbers} are the candidates' ID numbers (the
	 * registration module will pass them).
	 */
	@Transactional(readOnly = true)
	public List<StaffViolation> relativeConflicts(long collegeId, long certificateId,
			Collection<String> candidateIdNumbers) {
		return committees.findBySite(collegeId, certificateId).map(row -> {
			List<MemberFact> facts = memberFacts(committees.members(row.id()), staffOf(committees.members(row.id())));
			List<Long> staffIds = facts.stream().map(MemberFact::staffId).filter(Objects::nonNull).distinct().toList();
			return StaffRules.relatives(facts, staff.relatives(staffIds), candidateIdNumbers);
		}).orElse(List.of());
	}

	// ---- assembly ------------------------------------------------------------------------------------

	private CommitteeView assemble(Committees.Row row, OrganisationView college) {
		List<Committees.MemberRow> memberRows = committees.members(row.id());
		List<StaffMembers.Row> collegeStaff = staff.ofCollege(row.collegeId());
		Map<Long, StaffMembers.Row> byId = new HashMap<>();
		collegeStaff.forEach(s -> byId.put(s.id(), s));
		List<CommitteeView.Member> members = memberRows.stream().map(m -> {
			StaffMembers.Row s = m.staffId() == null ? null : byId.get(m.staffId());
			return s != null
					? new CommitteeView.Member(m.id(), m.group(), m.leader(), s.id(), s.name(), college.name(),
							s.experienceYears(), false, false, s.role(), s.trainingStatus())
					: new CommitteeView.Member(m.id(), m.group(), m.leader(), null, String.valueOf(m.externalName()),
							String.valueOf(m.externalOrganisation()),
							m.externalYears() == null ? BigDecimal.ZERO : m.externalYears(), true, m.orgAppointed(),
							null, null);
		}).toList();
		List<CommitteeView.Group> groups = new ArrayList<>();
		for (CommitteeGroup g : CommitteeGroup.values()) {
			groups.add(new CommitteeView.Group(g, members.stream()
				.filter(m -> m.group() == g)
				.sorted(Comparator.comparing((CommitteeView.Member m) -> !m.leader()))
				.toList()));
		}
		List<StaffFact> staffFacts = collegeStaff.stream().map(StaffMembers.Row::fact).toList();
		List<StaffViolation> violations = new ArrayList<>(StaffRules.staffing(staffFacts));
		violations.addAll(StaffRules.committee(college.name(), staffFacts, memberFacts(memberRows, byId)));
		String certificateName = certificate(row.certificateId()).map(CertificateView::name).orElse("");
		return new CommitteeView(row.id(), row.collegeId(), college.name(), row.certificateId(), certificateName,
				groups, violations, row.version());
	}

	private Map<Long, StaffMembers.Row> staffOf(List<Committees.MemberRow> memberRows) {
		Map<Long, StaffMembers.Row> byId = new HashMap<>();
		staff.byIds(memberRows.stream().map(Committees.MemberRow::staffId).filter(Objects::nonNull).distinct().toList())
			.forEach(s -> byId.put(s.id(), s));
		return byId;
	}

	private static List<MemberFact> memberFacts(List<Committees.MemberRow> rows, Map<Long, StaffMembers.Row> staff) {
		List<MemberFact> facts = new ArrayList<>();
		for (Committees.MemberRow m : rows) {
			StaffMembers.Row s = m.staffId() == null ? null : staff.get(m.staffId());
			if (s != null) {
				facts.add(new MemberFact(m.group(), m.leader(), s.name(), s.id(), null, s.experienceYears()));
			}
			else if (m.staffId() == null) {
				facts.add(new MemberFact(m.group(), m.leader(), String.valueOf(m.externalName()), null,
						m.externalOrganisation(), m.externalYears() == null ? BigDecimal.ZERO : m.externalYears()));
			}
		}
		return facts;
	}

	/** The catalogue is readable by everybody; the system scope reads it without a caller. */
	private java.util.Optional<CertificateView> certificate(long id) {
		try {
			return java.util.Optional.of(catalog.getCertificate(Scope.system(), id));
		}
		catch (NotFoundProblem e) {
			return java.util.Optional.empty();
		}
	}

	private Committees.Row manageable(Scope scope, long id) {
		Committees.Row row = committees.find(id).orElseThrow(() -> notFound(id));
		access.manageable(scope, row.collegeId(), "考核委员会", id);
		return row;
	}

	private Committees.MemberRow member(long committeeId, long memberId) {
		return committees.members(committeeId)
			.stream()
			.filter(m -> m.id() == memberId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("委员会成员", memberId));
	}

	private static NotFoundProblem notFound(long id) {
		return new NotFoundProblem("考核委员会", id);
	}
}
