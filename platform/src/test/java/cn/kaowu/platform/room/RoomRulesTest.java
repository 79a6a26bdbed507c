package cn.kaowu.platform.room;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.plan.PlanWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomRulesTest {

	static final PlanWindow SCHEDULING = new PlanWindow(LocalDateTime.of(2026, 6, 1, 0, 0),
			LocalDateTime.of(2026, 6, 7, 23, 59));

	static final RoomRules.Values CURRENT = new RoomRules.Values("一号机房", "江苏省南京市", "明德楼 301", 40,
			Set.of(1L, 2L));

	@Test
	void stateFollowsTheSchedulingWindowToTheSecond() {
		var opens = SCHEDULING.opensAt();
		var closes = SCHEDULING.closesAt();
		assertThat(RoomState.at(SCHEDULING, opens.minusSeconds(1))).isEqualTo(RoomState.NOT_SCHEDULED);
		assertThat(RoomState.at(SCHEDULING, opens)).isEqualTo(RoomState.SCHEDULING);
		assertThat(RoomState.at(SCHEDULING, closes.minusSeconds(1))).isEqualTo(RoomState.SCHEDULING);
		assertThat(RoomState.at(SCHEDULING, closes)).isEqualTo(RoomState.ENDED);
		assertThat(closes).isEqualTo(opens.plus(Duration.ofDays(7)));
	}

	@Test
	void beforeSchedulingEverythingMayChange() {
		var next = new RoomRules.Values("二号机房", "南京", null, 10, Set.of(3L));
		assertThat(RoomRules.editProblems(RoomState.NOT_SCHEDULED, CURRENT, next)).isEmpty();
		RoomRules.requireDeletable(RoomState.NOT_SCHEDULED);
	}

	@ParameterizedTest
	@CsvSource({ "40, true", "41, true", "39, false" })
	void whileSchedulingTheSeatCountMayOnlyRise(int seats, boolean accepted) {
		var next = new RoomRules.Values(CURRENT.name(), CURRENT.address(), CURRENT.detailAddress(), seats,
				CURRENT.planSubjectIds());
		List<FieldProblem> problems = RoomRules.editProblems(RoomState.SCHEDULING, CURRENT, next);
		if (accepted) {
			assertThat(problems).isEmpty();
		}
		else {
			assertThat(problems).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("seats");
				assertThat(p.messageKey()).isEqualTo("room.seats.noDecrease");
				assertThat(p.args()).containsExactly(40, 39);
			});
		}
	}

	@Test
	void whileSchedulingEveryOtherFieldIsRefusedByName() {
		var next = new RoomRules.Values("二号机房", "南京", null, 50, Set.of(1L));
		assertThat(RoomRules.editProblems(RoomState.SCHEDULING, CURRENT, next)).extracting(FieldProblem::field)
			.containsExactly("name", "address", "detailAddress", "subjectIds");
		assertThatThrownBy(() -> RoomRules.requireDeletable(RoomState.SCHEDULING)).isInstanceOf(DomainException.class)
			.hasMessage("room.error.notDeletable");
	}

	@Test
	void afterSchedulingNothingChanges() {
		assertThatThrownBy(() -> RoomRules.editProblems(RoomState.ENDED, CURRENT, CURRENT))
			.isInstanceOf(DomainException.class)
			.hasMessage("room.error.ended");
		assertThatThrownBy(() -> RoomRules.requireDeletable(RoomState.ENDED)).isInstanceOf(DomainException.class);
	}

	@Test
	void valuesAreCheckedPerField() {
		assertThatThrownBy(() -> RoomRules.check(" ", null, "x".repeat(201), 0, List.of(9L), Set.of(1L)))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "room.name.required"),
								org.assertj.core.groups.Tuple.tuple("address", "room.address.required"),
								org.assertj.core.groups.Tuple.tuple("detailAddress", "room.detailAddress.tooLong"),
								org.assertj.core.groups.Tuple.tuple("seats", "room.seats.range"),
								org.assertj.core.groups.Tuple.tuple("subjectIds", "room.subjects.notInPlan")));
		assertThatThrownBy(() -> RoomRules.check("a", "b", null, 201, List.of(1L), Set.of(1L)))
			.isInstanceOf(InvalidInputProblem.class);
		var ok = RoomRules.check(" 一号机房 ", "南京", " ", 200, List.of(1L, 1L), Set.of(1L, 2L));
		assertThat(ok).isEqualTo(new RoomRules.Values("一号机房", "南京", null, 200, Set.of(1L)));
	}

	@ParameterizedTest
	@CsvSource({ "1, 2", "40, 2", "41, 3", "60, 3", "61, 4", "200, 10" })
	void invigilatorsTwoUpToFortyThenOnePerTwenty(int candidates, int required) {
		assertThat(RoomRules.invigilatorsRequired(candidates)).isEqualTo(required);
	}

	@Test
	void roomTypeFromTheSubjectsExamModes() {
		assertThat(RoomType.of(List.of(ExamMode.COMPUTER, ExamMode.COMPUTER))).isEqualTo(RoomType.COMPUTER);
		assertThat(RoomType.of(List.of(ExamMode.PRACTICAL))).isEqualTo(RoomType.PRACTICAL);
		assertThat(RoomType.of(List.of(ExamMode.WRITTEN))).isEqualTo(RoomType.WRITTEN);
		assertThat(RoomType.of(List.of(ExamMode.COMPUTER, ExamMode.PRACTICAL))).isEqualTo(RoomType.MIXED);
		assertThat(RoomType.of(List.of(ExamMode.COMPUTER_PRACTICAL))).isEqualTo(RoomType.MIXED);
	}

	@Test
	void coverageExactlyFullIsOkOneOverIsShort() {
		RoomView a = room(1, 30, 11L);
		RoomView b = room(2, 20, 11L, 12L);
		var labels = new java.util.LinkedHashMap<Long, String>();
		labels.put(11L, "初级理论");
		labels.put(12L, "初级实操");
		labels.put(13L, "中级理论");
		var full = RoomRules.coverage(labels, List.of(a, b), Map.of(11L, 50, 12L, 21));
		assertThat(full).extracting(SubjectCoverage::planSubjectId, SubjectCoverage::registrations,
				SubjectCoverage::seats, SubjectCoverage::shortfall, SubjectCoverage::ok)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(11L, 50, 50, 0, true),
					org.assertj.core.groups.Tuple.tuple(12L, 21, 20, 1, false),
					org.assertj.core.groups.Tuple.tuple(13L, 0, 0, 0, true));
	}

	static RoomView room(long id, int seats, Long... planSubjectIds) {
		return new RoomView(id, 1, "计划", 1, "站点", 1, "考场" + id, "南京", null, seats,
				java.util.Arrays.stream(planSubjectIds)
					.map(s -> new RoomView.Subject(s, s, "初级", "理论", "c" + s, "机考", "2026-06-26 14:00-15:00"))
					.toList(),
				RoomType.COMPUTER, RoomState.NOT_SCHEDULED, RoomRules.invigilatorsRequired(seats), 0,
				java.time.Instant.EPOCH);
	}
}
