package cn.kaowu.platform.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import cn.kaowu.platform.calendar.WorkingDays;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.AdjustableClock;
import org.jspecify.annotations.Nullable;

/**
 * The pure rules of score review: which reason fits which subject and score, and the two deadlines in working days.
 * No database, no clock.
 */
public final class ReviewRules {

	/** Requests are submitted within 7 working days of publication start. */
	public static final int SUBMISSION_WORKING_DAYS = 7;

	/** The ORG answers within 3 working days of submission. */
	public static final int ANSWER_WORKING_DAYS = 3;

	private ReviewRules() {
	}

	/** A subject's current score as the rules see it: none registered, 缺考, or a score. */
	public record Current(boolean missing, @Nullable BigDecimal score, boolean absent) {

		public static Current none() {
			return new Current(true, null, false);
		}
	}

	/**
	 * Why a reason does not fit (a message key of {@code i18n/review}), or empty when it does:
	 * <ul>
	 * <li>无成绩: only when no score is registered;</li>
	 * <li>客观题 0 分或缺考: only for a subject with an objective part (机考/笔试) whose score is 0 or 缺考;</li>
	 * <li>主观题 漏评 / 合分错误: only for a subject with a practical (subjectively marked) part that has a score;</li>
	 * <li>re-marking: never.</li>
	 * </ul>
	 */
	public static Optional<String> problem(ReviewReason reason, ExamMode mode, Current current) {
		boolean objective = mode.includesComputer() || mode.includesWritten();
		return switch (reason) {
			case REMARKING -> Optional.of("review.rule.remarking");
			case MISSING_SCORE -> current.missing() ? Optional.empty() : Optional.of("review.rule.notMissing");
			case OBJECTIVE_ZERO_OR_ABSENT -> {
				if (!objective) {
					yield Optional.of("review.rule.notObjective");
				}
				if (current.missing()) {
					yield Optional.of("review.rule.useMissing");
				}
				yield current.absent() || (current.score() != null && current.score().signum() == 0) ? Optional.empty()
						: Optional.of("review.rule.objectiveNotZero");
			}
			case MISSED_MARKING, ADDING_UP -> {
				if (!mode.includesPractical()) {
					yield Optional.of("review.rule.notSubjective");
				}
				yield current.missing() ? Optional.of("review.rule.useMissing") : Optional.empty();
			}
		};
	}

	/**
	 * The moment a deadline of {@code n} working days from {@code start} passes: the end (24:00 Beijing) of the
	 * {@code n}th working day after the start's date — what {@code WorkingCalendar.deadline} answers, here over a given
	 * set of working days so the boundaries can be tested without a database.
	 */
	public static Instant deadline(WorkingDays days, Instant start, int n) {
		LocalDate startDay = LocalDate.ofInstant(start, AdjustableClock.CHINA);
		return days.plusWorkingDays(startDay, n).plusDays(1).atStartOfDay(AdjustableClock.CHINA).toInstant();
	}

	/** The end of submissions: the end of the 7th working day after publication start. */
	public static Instant submissionDeadline(WorkingDays days, Instant publicationStart) {
		return deadline(days, publicationStart, SUBMISSION_WORKING_DAYS);
	}

	/** When the answer is due: the end of the 3rd working day after submission. */
	public static Instant answerDue(WorkingDays days, Instant submittedAt) {
		return deadline(days, submittedAt, ANSWER_WORKING_DAYS);
	}

	/** Whether a request may be submitted at {@code now}: from publication start (inclusive) to the deadline (exclusive). */
	public static boolean submissionOpen(Instant now, Instant publicationStart, Instant deadline) {
		return !now.isBefore(publicationStart) && now.isBefore(deadline);
	}

	/** Whether an answer given at {@code at} is late (逾期). */
	public static boolean late(Instant at, Instant due) {
		return !at.isBefore(due);
	}
}
