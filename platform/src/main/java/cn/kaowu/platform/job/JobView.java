package cn.kaowu.platform.job;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A job as its owner sees it: state, counts and files. */
public record JobView(UUID id, String kind, JobState state, @Nullable Long organisationId, String createdByName,
		String params, @Nullable String inputName, int total, int processed, int succeeded, int failed,
		@Nullable String message, @Nullable UUID inputFileId, @Nullable UUID resultFileId,
		@Nullable UUID reportFileId, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	/** Progress in percent, 0–100. */
	public int percent() {
		if (state == JobState.SUCCEEDED) {
			return 100;
		}
		return total <= 0 ? 0 : (int) Math.min(100, processed * 100L / total);
	}
}
