package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.time.Instant;

import cn.kaowu.platform.catalog.CertificateLevel;
import org.jspecify.annotations.Nullable;

/**
 * A subject score as lists and the API show it, the ID number masked.
 *
 * @param score the score (one decimal), null for 缺考
 * @param passed whether the score reaches the subject's pass mark
 * @param locked whether publication is over and the score can no longer change
 */
public record ScoreView(long id, long registrationRecordId, long planId, long planSubjectId, CertificateLevel level,
		String subjectName, String subjectCode, int passMark, @Nullable String ticketNumber, String name,
		String idNumberMasked, long collegeId, String collegeName, @Nullable BigDecimal score, boolean absent,
		@Nullable String note, ScoreSource source, int version, boolean locked, Instant updatedAt, boolean passed) {
}
