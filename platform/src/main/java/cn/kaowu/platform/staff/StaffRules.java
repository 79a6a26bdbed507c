package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.kaowu.platform.staff.StaffViolation.Rule;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The staffing and committee rules of a site as pure functions over plain facts, so that each can be tested at
 * its boundary without a database. Every message names the person or group and the passage of the seed.
 */
public final class StaffRules {

	/** 002 art.17 (一): 总计不少于 5 名. */
	public static final int MIN_STAFF = 5;

	/** 002 art.17 (一): 监考管理人员 2 人或以上. */
	public static final int MIN_EXAM_MANAGERS = 2;

	private StaffRules() {
	}

	/** What the rules need to know of a person of the staff database. */
	public record StaffFact(long id, String name, StaffRole role, TrainingStatus training, boolean active) {
	}

	/**
	 * What the rules need to know of a committee member.
	 *
	 * @param staffId the person in the staff database, or {@code null} for an external person
	 * @param organisation the external person's organisation ({@code null} for staff)
	 */
	public record MemberFact(CommitteeGroup group, boolean leader, String name, @Nullable Long staffId,
			@Nullable String organisation, BigDecimal years) {
	}

	/** A declared close relative of a person of the staff database. */
	public record RelativeFact(long staffId, String name, String idNumber, String relation) {
	}

	/** 002 art.17 (一): at least 5 active people, 1 site head, ≥ 2 exam managers, ≥ 1 technical, ≥ 1 logistics. */
	public static List<StaffViolation> staffing(Collection<StaffFact> staff) {
		List<StaffViolation> violations = new ArrayList<>();
		List<StaffFact> active = staff.stream().filter(StaffFact::active).toList();
		if (active.size() < MIN_STAFF) {
			violations.add(StaffViolation.error(Rule.STAFF_COUNT, "staff.rule.staffCount", active.size(), MIN_STAFF));
		}
		Map<StaffRole, Integer> counts = new EnumMap<>(StaffRole.class);
		active.forEach(s -> counts.merge(s.role(), 1, Integer::sum));
		int heads = counts.getOrDefault(StaffRole.SITE_HEAD, 0);
		if (heads != 1) {
			violations.add(StaffViolation.error(Rule.STAFF_ROLES, "staff.rule.siteHead", heads));
		}
		atLeast(violations, counts, StaffRole.EXAM_MANAGER, MIN_EXAM_MANAGERS);
		atLeast(violations, counts, StaffRole.TECHNICAL, 1);
		atLeast(violations, counts, StaffRole.LOGISTICS, 1);
		return violations;
	}

	/**
	 * 000 §1.3: every group has members and one leader with enough experience; the arbitration group is odd-sized
	 * and at most 5; patrol and arbitration members are external to the site's college; deactivated people do not
	 * serve. Also warns of untrained invigilators and graders (the staff database's 监考员/考评员, and the members of
	 * 考评组 and 考务组).
	 */
	public static List<StaffViolation> committee(String collegeName, Collection<StaffFact> staff,
			Collection<MemberFact> members) {
		List<StaffViolation> violations = new ArrayList<>();
		Map<Long, StaffFact> staffById = new java.util.HashMap<>();
		staff.forEach(s -> staffById.put(s.id(), s));
		for (CommitteeGroup group : CommitteeGroup.values()) {
			List<MemberFact> inGroup = members.stream().filter(m -> m.group() == group).toList();
			Object groupName = resolvable(group.messageKey());
			if (inGroup.isEmpty()) {
				violations.add(StaffViolation.error(Rule.GROUP_LEADER, "staff.rule.groupEmpty", groupName));
				continue;
			}
			List<MemberFact> leaders = inGroup.stream().filter(MemberFact::leader).toList();
			if (leaders.isEmpty()) {
				violations.add(StaffViolation.error(Rule.GROUP_LEADER, "staff.rule.noLeader", groupName));
			}
			for (MemberFact leader : leaders) {
				if (leader.years().compareTo(group.leaderYears()) < 0) {
					violations.add(StaffViolation.error(Rule.LEADER_EXPERIENCE, "staff.rule.leaderYears", groupName,
							leader.name(), leader.years().stripTrailingZeros().toPlainString(),
							group.leaderYears().toPlainString()));
				}
			}
			if (group == CommitteeGroup.ARBITRATION) {
				if (inGroup.size() > CommitteeGroup.MAX_ARBITRATORS) {
					violations.add(StaffViolation.error(Rule.ARBITRATION_SIZE, "staff.rule.arbitrationTooMany",
							inGroup.size(), CommitteeGroup.MAX_ARBITRATORS));
				}
				else if (inGroup.size() % 2 == 0) {
					violations.add(StaffViolation.error(Rule.ARBITRATION_SIZE, "staff.rule.arbitrationEven",
							inGroup.size()));
				}
			}
			if (group.external()) {
				for (MemberFact m : inGroup) {
					boolean ownCollege = m.staffId() != null
							|| (m.organisation() != null && m.organisation().trim().equals(collegeName.trim()));
					if (ownCollege) {
						violations.add(StaffViolation.error(Rule.EXTERNAL_MEMBER, "staff.rule.notExternal", groupName,
								m.name(), collegeName));
					}
				}
			}
			for (MemberFact m : inGroup) {
				StaffFact person = m.staffId() == null ? null : staffById.get(m.staffId());
				if (person != null && !person.active()) {
					violations.add(StaffViolation.error(Rule.INACTIVE_MEMBER, "staff.rule.inactiveMember", groupName,
							m.name()));
				}
			}
		}
		violations.addAll(training(staff, members));
		return violations;
	}

	/** Warnings for untrained invigilators and graders; one per person. */
	static List<StaffViolation> training(Collection<StaffFact> staff, Collection<MemberFact> members) {
		List<StaffViolation> violations = new ArrayList<>();
		Set<Long> warned = new HashSet<>();
		for (StaffFact s : staff) {
			if (s.active() && !s.training().trained()
					&& (s.role() == StaffRole.INVIGILATOR || s.role() == StaffRole.GRADER)) {
				warned.add(s.id());
				violations.add(StaffViolation.warning(Rule.TRAINING, "staff.rule.untrainedRole", s.name(),
						resolvable(s.role().messageKey())));
			}
		}
		Map<Long, StaffFact> staffById = new java.util.HashMap<>();
		staff.forEach(s -> staffById.put(s.id(), s));
		for (MemberFact m : members) {
			if (m.staffId() == null || !(m.group() == CommitteeGroup.GRADING || m.group() == CommitteeGroup.AFFAIRS)) {
				continue;
			}
			StaffFact s = staffById.get(m.staffId());
			if (s != null && !s.training().trained() && warned.add(s.id())) {
				violations.add(StaffViolation.warning(Rule.TRAINING, "staff.rule.untrainedMember", s.name(),
						resolvable(m.group().messageKey())));
			}
		}
		return violations;
	}

	/**
	 * 000 (二) 2.(6): a committee member from the staff database whose declared close relative is among the
	 * exam's candidates must step aside; one violation per member and relative.
	 */
	public static List<StaffViolation> relatives(Collection<MemberFact> members, Collection<RelativeFact> relatives,
			Collection<String> candidateIdNumbers) {
		Set<String> candidates = new HashSet<>();
		candidateIdNumbers.forEach(n -> candidates.add(ChineseIdNumber.normalise(n)));
		List<StaffViolation> violations = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (MemberFact m : members) {
			if (m.staffId() == null) {
				continue;
			}
			for (RelativeFact r : relatives) {
				if (r.staffId() == m.staffId() && candidates.contains(ChineseIdNumber.normalise(r.idNumber()))
						&& seen.add(m.staffId() + "/" + r.idNumber())) {
					violations.add(StaffViolation.error(Rule.RELATIVE_CANDIDATE, "staff.rule.relative", m.name(),
							resolvable(m.group().messageKey()), r.relation(), r.name(),
							ChineseIdNumber.mask(r.idNumber())));
				}
			}
		}
		return violations;
	}

	private static void atLeast(List<StaffViolation> violations, Map<StaffRole, Integer> counts, StaffRole role,
			int min) {
		int n = counts.getOrDefault(role, 0);
		if (n < min) {
			violations.add(StaffViolation.error(Rule.STAFF_ROLES, "staff.rule.roleTooFew",
					resolvable(role.messageKey()), n, min));
		}
	}

	private static DefaultMessageSourceResolvable resolvable(String key) {
		return new DefaultMessageSourceResolvable(key);
	}
}
