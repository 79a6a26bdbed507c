package cn.kaowu.platform.evaluation;

import java.time.Instant;

/** An evaluation round with its progress counts. */
public record RoundView(long id, long organisationId, long certificateId, String certificateName, String name,
		String period, Instant deadline, Instant createdAt, int sites, int submitted, int rated, int overdue) {

	public boolean pastDeadline(Instant now) {
		return !now.isBefore(deadline);
	}
}
