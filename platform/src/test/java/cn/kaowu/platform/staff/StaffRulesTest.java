package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import cn.kaowu.platform.staff.StaffRules.MemberFact;
import cn.kaowu.platform.staff.StaffRules.RelativeFact;
import cn.kaowu.platform.staff.StaffRules.StaffFact;
import cn.kaowu.platform.staff.StaffViolation.Rule;
import cn.kaowu.platform.staff.StaffViolation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule at its boundary. */
class StaffRulesTest {

	static final String COLLEGE = "测试职业技术学院";

	// ---- 002 art.17 ----------------------------------------------------------------------------------

	/** 1 head, 2 managers, 1 technical, 1 logistics: exactly what art.17 asks. */
	static List<StaffFact> minimalStaff() {
		List<StaffFact> staff = new ArrayList<>();
		staff.add(person(1, StaffRole.SITE_HEAD));
		staff.add(person(2, StaffRole.EXAM_MANAGER));
		staff.add(person(3, StaffRole.EXAM_MANAGER));
		staff.add(person(4, StaffRole.TECHNICAL));
		staff.add(person(5, StaffRole.LOGISTICS));
		return staff;
	}

	@Test
	void fiveStaffWithTheRequiredRolesPass() {
		assertThat(StaffRules.staffing(minimalStaff())).isEmpty();
	}

	@Test
	void fourActiveStaffAreTooFew() {
		List<StaffFact> staff = minimalStaff();
		staff.set(4, new StaffFact(5, "人员5", StaffRole.LOGISTICS, TrainingStatus.TRAINED, false));
		List<StaffViolation> violations = StaffRules.staffing(staff);
		assertThat(violations).extracting(StaffViolation::messageKey)
			.containsExactly("staff.rule.staffCount", "staff.rule.roleTooFew");
		assertThat(violations.getFirst().args()).containsExactly(4, 5);
		// Four people but five with an extra invigilator: the count is met, only logistics is missing.
		staff.add(person(6, StaffRole.INVIGILATOR));
		assertThat(StaffRules.staffing(staff)).extracting(StaffViolation::rule).containsExactly(Rule.STAFF_ROLES);
	}

	@Test
	void exactlyOneSiteHead() {
		List<StaffFact> none = new ArrayList<>(minimalStaff());
		none.set(0, person(1, StaffRole.OTHER));
		assertThat(StaffRules.staffing(none)).extracting(StaffViolation::messageKey).containsExactly("staff.rule.siteHead");
		List<StaffFact> two = new ArrayList<>(minimalStaff());
		two.add(person(9, StaffRole.SITE_HEAD));
		List<StaffViolation> violations = StaffRules.staffing(two);
		assertThat(violations).extracting(StaffViolation::messageKey).containsExactly("staff.rule.siteHead");
		assertThat(violations.getFirst().args()).containsExactly(2);
	}

	@Test
	void oneExamManagerIsTooFewTwoAreEnough() {
		List<StaffFact> staff = new ArrayList<>(minimalStaff());
		staff.set(2, person(3, StaffRole.OTHER));
		List<StaffViolation> violations = StaffRules.staffing(staff);
		assertThat(violations).extracting(StaffViolation::rule).containsExactly(Rule.STAFF_ROLES);
		assertThat(violations.getFirst().args()).element(1).isEqualTo(1);
		assertThat(violations.getFirst().args()).element(2).isEqualTo(2);
	}

	@Test
	void missingTechnicalOrLogisticsIsReported() {
		List<StaffFact> staff = new ArrayList<>(minimalStaff());
		staff.set(3, person(4, StaffRole.EXAM_MANAGER));
		staff.set(4, person(5, StaffRole.EXAM_MANAGER));
		assertThat(StaffRules.staffing(staff)).hasSize(2).allMatch(v -> v.rule() == Rule.STAFF_ROLES);
	}

	// ---- 000 §1.3 ------------------------------------------------------------------------------------

	/** A committee that meets every rule: leaders with enough years, 3 external arbitrators. */
	static List<MemberFact> goodCommittee() {
		List<MemberFact> members = new ArrayList<>();
		members.add(staffMember(CommitteeGroup.GRADING, true, 1, "1"));
		members.add(staffMember(CommitteeGroup.AFFAIRS, true, 2, "1"));
		members.add(staffMember(CommitteeGroup.TECHNICAL, true, 4, "2"));
		members.add(external(CommitteeGroup.PATROL, true, "巡视甲", "2"));
		members.add(external(CommitteeGroup.ARBITRATION, true, "仲裁甲", "2"));
		members.add(external(CommitteeGroup.ARBITRATION, false, "仲裁乙", "0"));
		members.add(external(CommitteeGroup.ARBITRATION, false, "仲裁丙", "0"));
		return members;
	}

	@Test
	void aGoodCommitteeHasNoViolations() {
		assertThat(StaffRules.committee(COLLEGE, minimalStaff(), goodCommittee())).isEmpty();
	}

	@ParameterizedTest(name = "{0} leader with {1} years: violation = {2}")
	@CsvSource({ "GRADING, 0.99, true", "GRADING, 1, false", "GRADING, 1.00, false", "AFFAIRS, 0.99, true",
			"AFFAIRS, 1, false", "TECHNICAL, 1.99, true", "TECHNICAL, 2, false", "PATROL, 1.99, true",
			"PATROL, 2, false", "ARBITRATION, 1.99, true", "ARBITRATION, 2.00, false" })
	void leaderExperienceBoundary(CommitteeGroup group, String years, boolean violation) {
		List<MemberFact> members = new ArrayList<>(goodCommittee());
		MemberFact leader = members.stream().filter(m -> m.group() == group && m.leader()).findFirst().orElseThrow();
		members.set(members.indexOf(leader), new MemberFact(group, true, leader.name(), leader.staffId(),
				leader.organisation(), new BigDecimal(years)));
		List<StaffViolation> found = StaffRules.committee(COLLEGE, minimalStaff(), members);
		if (violation) {
			assertThat(found).extracting(StaffViolation::rule).containsExactly(Rule.LEADER_EXPERIENCE);
			assertThat(found.getFirst().args()).element(1).isEqualTo(leader.name());
			assertThat(found.getFirst().args()).element(3).isEqualTo(group.leaderYears().toPlainString());
		}
		else {
			assertThat(found).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0} arbitrators → {1}")
	@CsvSource({ "1, none", "2, staff.rule.arbitrationEven", "3, none", "4, staff.rule.arbitrationEven", "5, none",
			"6, staff.rule.arbitrationTooMany", "7, staff.rule.arbitrationTooMany" })
	void arbitrationGroupIsOddAndAtMostFive(int size, String expected) {
		List<MemberFact> members = new ArrayList<>(goodCommittee().stream()
			.filter(m -> m.group() != CommitteeGroup.ARBITRATION)
			.toList());
		IntStream.range(0, size)
			.forEach(i -> members.add(external(CommitteeGroup.ARBITRATION, i == 0, "仲裁" + i, "3")));
		List<StaffViolation> found = StaffRules.committee(COLLEGE, minimalStaff(), members);
		if (expected.equals("none")) {
			assertThat(found).isEmpty();
		}
		else {
			assertThat(found).extracting(StaffViolation::messageKey).containsExactly(expected);
			assertThat(found.getFirst().args().getFirst()).isEqualTo(size);
		}
	}

	@Test
	void patrolAndArbitrationMembersMustBeExternal() {
		List<MemberFact> members = new ArrayList<>(goodCommittee());
		members.add(staffMember(CommitteeGroup.PATROL, false, 3, "5"));
		members.add(external(CommitteeGroup.ARBITRATION, false, "本校甲", "5"));
		members.add(new MemberFact(CommitteeGroup.ARBITRATION, false, "本校乙", null, " " + COLLEGE + " ",
				BigDecimal.TEN));
		List<StaffViolation> found = StaffRules.committee(COLLEGE, minimalStaff(), members);
		assertThat(found).filteredOn(v -> v.rule() == Rule.EXTERNAL_MEMBER)
			.hasSize(2)
			.extracting(v -> v.args().get(1))
			.containsExactly("人员3", "本校乙");
		// Five arbitrators: odd and at most five, so only the two recusal breaches.
		assertThat(found).hasSize(2);
		// The same people in the technical group are fine.
		assertThat(StaffRules.committee(COLLEGE, minimalStaff(), List.of(staffMember(CommitteeGroup.TECHNICAL, false, 3, "0"))))
			.noneMatch(v -> v.rule() == Rule.EXTERNAL_MEMBER);
	}

	@Test
	void everyGroupNeedsMembersAndALeader() {
		List<MemberFact> members = new ArrayList<>(goodCommittee());
		members.removeIf(m -> m.group() == CommitteeGroup.PATROL);
		members.removeIf(m -> m.group() == CommitteeGroup.TECHNICAL);
		members.add(staffMember(CommitteeGroup.TECHNICAL, false, 4, "9"));
		assertThat(StaffRules.committee(COLLEGE, minimalStaff(), members)).extracting(StaffViolation::messageKey)
			.containsExactly("staff.rule.noLeader", "staff.rule.groupEmpty");
	}

	@Test
	void untrainedInvigilatorsAndGradersAreWarnedOnce() {
		List<StaffFact> staff = new ArrayList<>(minimalStaff());
		staff.add(new StaffFact(6, "监考甲", StaffRole.INVIGILATOR, TrainingStatus.UNTRAINED, true));
		staff.add(new StaffFact(7, "监考乙", StaffRole.INVIGILATOR, TrainingStatus.TRAINED, true));
		staff.add(new StaffFact(8, "管理丙", StaffRole.OTHER, TrainingStatus.UNTRAINED, true));
		staff.add(new StaffFact(9, "已停用", StaffRole.GRADER, TrainingStatus.UNTRAINED, false));
		List<MemberFact> members = new ArrayList<>(goodCommittee());
		members.add(new MemberFact(CommitteeGroup.AFFAIRS, false, "监考甲", 6L, null, BigDecimal.ZERO));
		members.add(new MemberFact(CommitteeGroup.GRADING, false, "管理丙", 8L, null, BigDecimal.ZERO));
		members.add(new MemberFact(CommitteeGroup.TECHNICAL, false, "技术", 8L, null, BigDecimal.ZERO));
		List<StaffViolation> found = StaffRules.committee(COLLEGE, staff, members);
		assertThat(found).allMatch(v -> v.severity() == Severity.WARNING && v.rule() == Rule.TRAINING)
			.extracting(v -> v.args().getFirst())
			.containsExactly("监考甲", "管理丙");
	}

	@Test
	void aDeactivatedMemberIsReported() {
		List<StaffFact> staff = new ArrayList<>(minimalStaff());
		staff.set(3, new StaffFact(4, "人员4", StaffRole.TECHNICAL, TrainingStatus.TRAINED, false));
		assertThat(StaffRules.committee(COLLEGE, staff, goodCommittee())).extracting(StaffViolation::rule)
			.containsExactly(Rule.INACTIVE_MEMBER);
	}

	// ---- recusal -------------------------------------------------------------------------------------

	@Test
	void aMemberWithARelativeAmongTheCandidatesMustStepAside() {
		String relative = ChineseIdNumber.complete("32010420050317201");
		String other = ChineseIdNumber.complete("32010420050317211");
		List<MemberFact> members = goodCommittee();
		List<RelativeFact> relatives = List.of(new RelativeFact(2, "陈思远", relative, "子女"),
				new RelativeFact(99, "无关", other, "子女"));
		assertThat(StaffRules.relatives(members, relatives, List.of(other))).isEmpty();
		assertThat(StaffRules.relatives(members, relatives, List.of())).isEmpty();
		List<StaffViolation> found = StaffRules.relatives(members, relatives, List.of(other, relative.toLowerCase()));
		assertThat(found).hasSize(1);
		StaffViolation v = found.getFirst();
		assertThat(v.rule()).isEqualTo(Rule.RELATIVE_CANDIDATE);
		assertThat(v.severity()).isEqualTo(Severity.ERROR);
		assertThat(v.args()).element(0).isEqualTo("人员2");
		assertThat(v.args()).element(3).isEqualTo("陈思远");
		assertThat(v.args()).element(4).isEqualTo(ChineseIdNumber.mask(relative));
	}

	private static StaffFact person(long id, StaffRole role) {
		return new StaffFact(id, "人员" + id, role, TrainingStatus.TRAINED, true);
	}

	private static MemberFact staffMember(CommitteeGroup group, boolean leader, long staffId, String years) {
		return new MemberFact(group, leader, "人员" + staffId, staffId, null, new BigDecimal(years));
	}

	private static MemberFact external(CommitteeGroup group, boolean leader, String name, String years) {
		return new MemberFact(group, leader, name, null, "外校职业学院", new BigDecimal(years));
	}
}
