package cn.kaowu.platform.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A score review request with its subjects and, once answered, the answers. ID numbers are masked.
 *
 * @param answerDue the end of the 3rd working day after submission
 * @param answeredLate whether the answer came after {@code answerDue} (逾期)
 */
public record ReviewView(long id, long planId, String planName, long organisationId, long candidateId,
		long collegeId, String collegeName, String name, String idNumberMasked, @Nullable String ticketNumber,
		String levelLabel, String statement, String contactPerson, String contactPhone, ReviewStatus status,
		Instant createdAt, String createdByName, @Nullable Instant submittedAt, @Nullable String submittedByName,
		@Nullable Instant answerDue, @Nullable Instant answeredAt, @Nullable String answeredByName,
		@Nullable Boolean answeredLate, List<Subject> subjects) {

	/** One subject of the request. */
	public record Subject(long id, long registrationRecordId, long planSubjectId, String subjectLabel,
			ReviewReason reason, @Nullable BigDecimal scoreBefore, boolean absentBefore, boolean missingBefore,
			@Nullable ReviewResult result, @Nullable BigDecimal scoreAfter, @Nullable Boolean absentAfter,
			@Nullable String explanation) {
	}

	/** Whether the answer is overdue at {@code now} (submitted, not answered, due passed). */
	public boolean overdue(Instant now) {
		return status == ReviewStatus.SUBMITTED && answerDue != null && ReviewRules.late(now, answerDue);
	}
}
