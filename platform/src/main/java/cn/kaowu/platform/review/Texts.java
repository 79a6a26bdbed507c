package cn.kaowu.platform.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.kaowu.platform.kernel.AdjustableClock;
import org.jspecify.annotations.Nullable;

/** Formatting shared by messages and PDFs: Beijing time to the minute, scores with 缺考 and 无成绩. */
final class Texts {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(AdjustableClock.CHINA);

	private Texts() {
	}

	static String time(@Nullable Instant instant) {
		return instant == null ? "—" : MINUTE.format(instant);
	}

	static String score(@Nullable BigDecimal score, @Nullable Boolean absent, boolean missing) {
		if (missing) {
			return "无成绩";
		}
		if (Boolean.TRUE.equals(absent)) {
			return "缺考";
		}
		return score == null ? "—" : score.toPlainString();
	}
}
