package cn.kaowu.platform.enrollment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.plan.PlanPhase;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.plan.PlanWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnrollmentRulesTest {

	/** Registration 2026-12-01 00:00 ~ 2026-12-20 23:59 (Beijing time). */
	static final PlanWindow REGISTRATION = new PlanWindow(LocalDateTime.of(2026, 12, 1, 0, 0),
			LocalDateTime.of(2026, 12, 20, 23, 59));

	static PlanView plan(PlanStatus status) {
		return new PlanView(1, 2, "鸿科", 3, "网店运营推广", "2026年第二次统考", 2026, REGISTRATION,
				new PlanWindow(LocalDateTime.of(2026, 12, 21, 0, 0), LocalDateTime.of(2026, 12, 27, 23, 59)),
				new PlanWindow(LocalDateTime.of(2027, 1, 5, 0, 0), LocalDateTime.of(2027, 1, 15, 23, 59)),
				new PlanWindow(LocalDateTime.of(2027, 1, 16, 0, 0), LocalDateTime.of(2027, 1, 22, 23, 59)), status, null,
				0, Instant.EPOCH, PlanPhase.REGISTRATION, List.of());
	}

	static Instant beijing(int month, int day, int hour, int minute, int second) {
		return LocalDateTime.of(2026, month, day, hour, minute, second).atZone(AdjustableClock.CHINA).toInstant();
	}

	@Test
	void quotaAllowsExactlyTheApprovedScaleAndRefusesOneMore() {
		assertThat(EnrollmentRules.withinQuota(200, 199, 1)).isTrue();
		assertThat(EnrollmentRules.withinQuota(200, 200, 1)).isFalse();
		assertThat(EnrollmentRules.withinQuota(200, 0, 200)).isTrue();
		assertThat(EnrollmentRules.withinQuota(200, 0, 201)).isFalse();
		assertThat(EnrollmentRules.withinQuota(0, 0, 1)).as("not a pilot: no 院校考生 at all").isFalse();
	}

	@Test
	void theWindowOpensAtItsFirstSecondAndClosesAfterItsLastSecond() {
		PlanView plan = plan(PlanStatus.PUBLISHED);
		assertThat(EnrollmentRules.windowOpen(plan, beijing(11, 30, 23, 59, 59))).isFalse();
		assertThat(EnrollmentRules.windowOpen(plan, beijing(12, 1, 0, 0, 0))).isTrue();
		assertThat(EnrollmentRules.windowOpen(plan, beijing(12, 20, 23, 59, 59))).isTrue();
		assertThat(EnrollmentRules.windowOpen(plan, beijing(12, 21, 0, 0, 0))).isFalse();
		assertThat(EnrollmentRules.windowOpen(plan(PlanStatus.DRAFT), beijing(12, 5, 10, 0, 0)))
			.as("a draft takes no registrations").isFalse();
	}

	@Test
	void onlyUnscheduledRecordsAreDeletedAndOnlyUntilTheLastSecondOfRegistration() {
		PlanView plan = plan(PlanStatus.PUBLISHED);
		assertThat(EnrollmentRules.deletable(RecordStatus.UNSCHEDULED, plan, beijing(12, 20, 23, 59, 59))).isTrue();
		assertThat(EnrollmentRules.deletable(RecordStatus.UNSCHEDULED, plan, beijing(12, 21, 0, 0, 0))).isFalse();
		assertThat(EnrollmentRules.deletable(RecordStatus.SCHEDULED, plan, beijing(12, 10, 0, 0, 0))).isFalse();
		assertThat(EnrollmentRules.deletable(RecordStatus.ABSENT, plan, beijing(12, 10, 0, 0, 0))).isFalse();
	}

	@Test
	void statusFollowsSchedulingAttendanceAndTheSlot() {
		Instant start = beijing(12, 30, 14, 0, 0);
		Instant end = beijing(12, 30, 15, 0, 0);
		assertThat(RecordStatus.of(false, false, start, end, start)).isEqualTo(RecordStatus.UNSCHEDULED);
		assertThat(RecordStatus.of(true, false, start, end, start.minusSeconds(1))).isEqualTo(RecordStatus.SCHEDULED);
		assertThat(RecordStatus.of(true, false, start, end, start)).isEqualTo(RecordStatus.IN_EXAM);
		assertThat(RecordStatus.of(true, false, start, end, end.minusSeconds(1))).isEqualTo(RecordStatus.IN_EXAM);
		assertThat(RecordStatus.of(true, false, start, end, end)).isEqualTo(RecordStatus.FINISHED);
		assertThat(RecordStatus.of(true, true, start, end, end)).isEqualTo(RecordStatus.ABSENT);
	}

	@Test
	void theCertificateMayBeWrittenWithOrWithoutTheSeedsSuffix() {
		assertThat(EnrollmentRules.sameCertificate("网店运营推广职业技能等级证书", "网店运营推广")).isTrue();
		assertThat(EnrollmentRules.sameCertificate("网店运营推广", "网店运营推广")).isTrue();
		assertThat(EnrollmentRules.sameCertificate("电子商务数据分析", "网店运营推广")).isFalse();
	}
}
