package cn.kaowu.platform.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import cn.kaowu.platform.calendar.DayKind;
import cn.kaowu.platform.calendar.WorkingDays;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries of score review: day 7 vs day 8 over weekends and a 2026 holiday, the 3-day answer, the scope. */
class ReviewRulesTest {

	/** 2026 National Day: 1–7 October off, Saturday 10 October worked (国办发明电〔2025〕7 号). */
	static final WorkingDays DAYS;

	static {
		Map<LocalDate, DayKind> m = new HashMap<>();
		for (int d = 1; d <= 7; d++) {
			m.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
		}
		m.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
		DAYS = new WorkingDays(m);
	}

	static Instant beijing(int month, int day, int hour, int minute, int second) {
		return LocalDateTime.of(2026, month, day, hour, minute, second).atZone(AdjustableClock.CHINA).toInstant();
	}

	@Test
	void submissionEndsWithTheSeventhWorkingDayAcrossAWeekend() {
		// Publication starts Friday 20 November: 23, 24, 25, 26, 27, (28/29 weekend), 30 November, 1 December.
		Instant start = beijing(11, 20, 0, 0, 0);
		Instant deadline = ReviewRules.submissionDeadline(DAYS, start);
		assertThat(deadline).isEqualTo(beijing(12, 2, 0, 0, 0));
		assertThat(ReviewRules.submissionOpen(start.minusSeconds(1), start, deadline)).isFalse();
		assertThat(ReviewRules.submissionOpen(start, start, deadline)).isTrue();
		assertThat(ReviewRules.submissionOpen(beijing(12, 1, 23, 59, 59), start, deadline)).as("day 7").isTrue();
		assertThat(ReviewRules.submissionOpen(beijing(12, 2, 0, 0, 0), start, deadline)).as("day 8").isFalse();
	}

	@Test
	void submissionEndsWithTheSeventhWorkingDayAcrossNationalDayAndItsWorkingSaturday() {
		// Monday 28 September: 29, 30 September, (1–7 October off), 8, 9, 10 (Saturday worked), (11 Sunday), 12, 13.
		Instant start = beijing(9, 28, 0, 0, 0);
		Instant deadline = ReviewRules.submissionDeadline(DAYS, start);
		assertThat(deadline).isEqualTo(beijing(10, 14, 0, 0, 0));
		assertThat(ReviewRules.submissionOpen(beijing(10, 13, 23, 59, 59), start, deadline)).as("day 7").isTrue();
		assertThat(ReviewRules.submissionOpen(beijing(10, 14, 0, 0, 0), start, deadline)).as("day 8").isFalse();
		assertThat(ReviewRules.submissionOpen(beijing(10, 5, 12, 0, 0), start, deadline)).as("during the holiday")
			.isTrue();
	}

	@Test
	void answersAreDueAtTheEndOfTheThirdWorkingDayAfterSubmission() {
		// Submitted Wednesday 30 September 15:00: 8, 9, 10 October.
		Instant due = ReviewRules.answerDue(DAYS, beijing(9, 30, 15, 0, 0));
		assertThat(due).isEqualTo(beijing(10, 11, 0, 0, 0));
		assertThat(ReviewRules.late(beijing(10, 10, 23, 59, 59), due)).isFalse();
		assertThat(ReviewRules.late(due, due)).isTrue();
		// Submitted Friday 27 November 23:59: Monday 30, Tuesday 1, Wednesday 2 December.
		assertThat(ReviewRules.answerDue(DAYS, beijing(11, 27, 23, 59, 0))).isEqualTo(beijing(12, 3, 0, 0, 0));
	}

	@Test
	void objectiveSubjectsOnlyAtZeroOrAbsent() {
		var zero = new ReviewRules.Current(false, BigDecimal.ZERO.setScale(1), false);
		var absent = new ReviewRules.Current(false, null, true);
		var seventy = new ReviewRules.Current(false, new BigDecimal("70.0"), false);
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.COMPUTER, zero)).isEmpty();
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.WRITTEN, absent)).isEmpty();
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.COMPUTER, seventy))
			.contains("review.rule.objectiveNotZero");
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.COMPUTER,
				new ReviewRules.Current(false, new BigDecimal("0.1"), false))).contains("review.rule.objectiveNotZero");
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.PRACTICAL, zero))
			.contains("review.rule.notObjective");
		assertThat(ReviewRules.problem(ReviewReason.OBJECTIVE_ZERO_OR_ABSENT, ExamMode.COMPUTER,
				ReviewRules.Current.none())).contains("review.rule.useMissing");
	}

	@Test
	void subjectiveOnlyForMissedMarkingOrAddingUpAndNeverReMarking() {
		var fiftyFive = new ReviewRules.Current(false, new BigDecimal("55.0"), false);
		assertThat(ReviewRules.problem(ReviewReason.MISSED_MARKING, ExamMode.PRACTICAL, fiftyFive)).isEmpty();
		assertThat(ReviewRules.problem(ReviewReason.ADDING_UP, ExamMode.COMPUTER_PRACTICAL, fiftyFive)).isEmpty();
		assertThat(ReviewRules.problem(ReviewReason.MISSED_MARKING, ExamMode.COMPUTER, fiftyFive))
			.contains("review.rule.notSubjective");
		for (ExamMode mode : ExamMode.values()) {
			assertThat(ReviewRules.problem(ReviewReason.REMARKING, mode, fiftyFive)).contains("review.rule.remarking");
		}
	}

	@Test
	void missingScoresOnlyWhenNoneIsRegistered() {
		assertThat(ReviewRules.problem(ReviewReason.MISSING_SCORE, ExamMode.COMPUTER, ReviewRules.Current.none()))
			.isEmpty();
		assertThat(ReviewRules.problem(ReviewReason.MISSING_SCORE, ExamMode.COMPUTER,
				new ReviewRules.Current(false, null, true))).contains("review.rule.notMissing");
	}
}
