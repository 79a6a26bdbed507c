package cn.kaowu.platform.pilot;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A batch (申报批次) as the pages, the API and other modules see it.
 *
 * @param applicationCount applications in it that the caller may see
 */
public record PilotBatchView(long id, long provinceId, String provinceName, String name, int year,
		SubmissionWindow window, boolean majorsRequired, boolean cityApprovalRequired, BatchStatus status,
		@Nullable Instant publishedAt, int version, Instant createdAt, long applicationCount) {

	/** 未开始 / 申报中 / 已结束 at {@code now}, as message key. */
	public String phaseKey(Instant now) {
		if (window.notYetOpen(now)) {
			return "pilot.batch.phase.upcoming";
		}
		return window.over(now) ? "pilot.batch.phase.closed" : "pilot.batch.phase.open";
	}

	public boolean openAt(Instant now) {
		return status == BatchStatus.PUBLISHED && window.contains(now);
	}
}
