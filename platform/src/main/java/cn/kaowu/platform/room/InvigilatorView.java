package cn.kaowu.platform.room;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A submitted invigilator with the facts the ORG reviews and the scheduler uses: department and majors taught
 * (preferably cross-department and not a teacher of the candidates' major).
 *
 * @param reviewDue 2 working days after submission
 * @param late still pending after {@code reviewDue}, or reviewed after it (逾期)
 */
public record InvigilatorView(long id, long planId, String planName, long siteId, String siteName, long collegeId,
		String collegeName, long staffId, String name, String department, List<MajorTaught> majors,
		InvigilatorStatus status, @Nullable String returnReason, Instant submittedAt, Instant reviewDue,
		@Nullable Instant reviewedAt, boolean late, int version) {

	/** A major the person teaches (专业名称, 专业代码). */
	public record MajorTaught(String name, String code) {
	}

	/** The last day of the review (the deadline is the end of it, Beijing time). */
	public java.time.LocalDate reviewDueDay() {
		return java.time.LocalDate.ofInstant(reviewDue.minusSeconds(1), cn.kaowu.platform.kernel.AdjustableClock.CHINA);
	}

	/** e.g. 电子商务(530701)、市场营销(530605). */
	public String majorsText() {
		return String.join("、", majors.stream().map(m -> m.name() + "(" + m.code() + ")").toList());
	}
}
