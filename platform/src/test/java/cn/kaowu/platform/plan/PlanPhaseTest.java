package cn.kaowu.platform.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The phase at the first and the last second of every window and gap. */
class PlanPhaseTest {

	static final PlanWindow REGISTRATION = window("2026-04-14T00:00", "2026-06-03T23:59");

	static final PlanWindow SCHEDULING = window("2026-06-04T00:00", "2026-06-13T23:59");

	static final PlanWindow SCORE = window("2026-06-27T00:00", "2026-07-11T23:59");

	static final PlanWindow PUBLICATION = window("2026-07-12T08:00", "2026-07-18T23:59");

	static Stream<Arguments> instants() {
		return Stream.of(arguments("2026-04-13T23:59:59", PlanPhase.NOT_STARTED),
				arguments("2026-04-14T00:00:00", PlanPhase.REGISTRATION),
				arguments("2026-06-03T23:59:59", PlanPhase.REGISTRATION),
				arguments("2026-06-04T00:00:00", PlanPhase.SCHEDULING),
				arguments("2026-06-13T23:59:59", PlanPhase.SCHEDULING),
				arguments("2026-06-14T00:00:00", PlanPhase.EXAMS), arguments("2026-06-26T23:59:59", PlanPhase.EXAMS),
				arguments("2026-06-27T00:00:00", PlanPhase.SCORE_REGISTRATION),
				arguments("2026-07-11T23:59:59", PlanPhase.SCORE_REGISTRATION),
				arguments("2026-07-12T00:00:00", PlanPhase.AWAITING_PUBLICATION),
				arguments("2026-07-12T07:59:59", PlanPhase.AWAITING_PUBLICATION),
				arguments("2026-07-12T08:00:00", PlanPhase.PUBLICATION),
				arguments("2026-07-18T23:59:59", PlanPhase.PUBLICATION),
				arguments("2026-07-19T00:00:00", PlanPhase.FINISHED));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("instants")
	void phaseAtTheEdgesOfEachWindow(String at, PlanPhase expected) {
		Instant instant = LocalDateTime.parse(at).atZone(AdjustableClock.CHINA).toInstant();
		assertThat(PlanPhase.at(instant, REGISTRATION, SCHEDULING, SCORE, PUBLICATION)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("gapBeforeScheduling")
	void aGapBetweenRegistrationAndSchedulingIsAwaitingScheduling(String at, PlanPhase expected) {
		PlanWindow scheduling = window("2026-06-06T09:00", "2026-06-13T23:59");
		Instant instant = LocalDateTime.parse(at).atZone(AdjustableClock.CHINA).toInstant();
		assertThat(PlanPhase.at(instant, REGISTRATION, scheduling, SCORE, PUBLICATION)).isEqualTo(expected);
	}

	static Stream<Arguments> gapBeforeScheduling() {
		return Stream.of(arguments("2026-06-04T00:00:00", PlanPhase.AWAITING_SCHEDULING),
				arguments("2026-06-06T08:59:59", PlanPhase.AWAITING_SCHEDULING),
				arguments("2026-06-06T09:00:00", PlanPhase.SCHEDULING));
	}

	@ParameterizedTest(name = "{0}: registration open {1}, scores locked {2}")
	@MethodSource("openAndLocked")
	void viewQuestions(String at, boolean registrationOpen, boolean scoresLocked) {
		PlanView plan = new PlanView(1, 1, "鸿科", 1, "网店运营推广", "计划", 2026, REGISTRATION, SCHEDULING, SCORE,
				PUBLICATION, PlanStatus.PUBLISHED, null, 0, Instant.EPOCH, PlanPhase.NOT_STARTED, java.util.List.of());
		Instant instant = LocalDateTime.parse(at).atZone(AdjustableClock.CHINA).toInstant();
		assertThat(plan.isRegistrationOpen(instant)).isEqualTo(registrationOpen);
		assertThat(plan.scoresLocked(instant)).isEqualTo(scoresLocked);
		assertThat(plan.editableAt(instant)).isEqualTo(instant.isBefore(REGISTRATION.opensAt()));
	}

	static Stream<Arguments> openAndLocked() {
		return Stream.of(arguments("2026-04-13T23:59:59", false, false),
				arguments("2026-04-14T00:00:00", true, false), arguments("2026-06-03T23:59:59", true, false),
				arguments("2026-06-04T00:00:00", false, false), arguments("2026-07-18T23:59:59", false, false),
				arguments("2026-07-19T00:00:00", false, true));
	}

	private static PlanWindow window(String start, String end) {
		return new PlanWindow(LocalDateTime.parse(start), LocalDateTime.parse(end));
	}
}
