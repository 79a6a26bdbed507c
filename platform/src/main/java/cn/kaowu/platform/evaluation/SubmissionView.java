package cn.kaowu.platform.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One site's part in a round: its report, plan and rating. */
public record SubmissionView(long id, long roundId, String roundName, String period, Instant deadline,
		long organisationId, long certificateId, long siteId, String siteCode, String siteName, long collegeId,
		@Nullable Long provinceId, SubmissionStatus status, @Nullable String reportText, @Nullable String planText,
		@Nullable UUID reportFileId, @Nullable UUID planFileId, @Nullable Instant submittedAt,
		@Nullable EvaluationOutcome outcome, @Nullable String ratingComment, @Nullable LocalDate rectificationDeadline,
		@Nullable Instant ratedAt, int version) {

	/** Not handed in and the deadline has passed (逾期未交). */
	public boolean overdueAt(Instant now) {
		return status == SubmissionStatus.PENDING && !now.isBefore(deadline);
	}
}
