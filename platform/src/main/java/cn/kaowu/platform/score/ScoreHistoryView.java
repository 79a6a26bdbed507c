package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One change of a score: before and after, how, why, who and when. Version 1 has nothing before. */
public record ScoreHistoryView(int version, @Nullable BigDecimal scoreBefore, @Nullable Boolean absentBefore,
		@Nullable BigDecimal scoreAfter, boolean absentAfter, ScoreSource source, @Nullable String reason,
		String changedByName, Instant changedAt) {
}
