package cn.kaowu.platform.enrollment;

import java.time.Instant;

/**
 * The status of a registration record as the seed shows it (004 ch.3 §4 2.2), derived from scheduling, attendance
 * and the subject's slot; never stored.
 */
public enum RecordStatus {

	/** 未排考: registered, not yet given a room and seat. */
	UNSCHEDULED("tag-info"),
	/** 待考试: scheduled, the slot has not started. */
	SCHEDULED("tag-primary"),
	/** 考试中: inside the subject's slot. */
	IN_EXAM("tag-warning"),
	/** 已结束: the slot is over. */
	FINISHED("tag-success"),
	/** 缺考: did not sit the exam. */
	ABSENT("tag-danger");

	private final String tag;

	RecordStatus(String tag) {
		this.tag = tag;
	}

	public String messageKey() {
		return "enrollment.status." + name();
	}

	public String tag() {
		return tag;
	}

	/**
	 * The status at {@code now}: the slot runs from {@code startsAt} (inclusive) to {@code endsAt} (exclusive).
	 */
	public static RecordStatus of(boolean scheduled, boolean absent, Instant startsAt, Instant endsAt, Instant now) {
		if (absent) {
			return ABSENT;
		}
		if (!scheduled) {
			return UNSCHEDULED;
		}
		if (now.isBefore(startsAt)) {
			return SCHEDULED;
		}
		return now.isBefore(endsAt) ? IN_EXAM : FINISHED;
	}

	/** The same rule as SQL over {@code registration_record r}, with the instant as the one parameter (if any). */
	String sql() {
		return switch (this) {
			case UNSCHEDULED -> "r.scheduled_at IS NULL AND r.attendance IS DISTINCT FROM 'ABSENT'";
			case SCHEDULED -> "r.scheduled_at IS NOT NULL AND r.attendance IS DISTINCT FROM 'ABSENT' AND ? < r.starts_at";
			case IN_EXAM -> "r.scheduled_at IS NOT NULL AND r.attendance IS DISTINCT FROM 'ABSENT' AND ? >= r.starts_at AND ? < r.ends_at";
			case FINISHED -> "r.scheduled_at IS NOT NULL AND r.attendance IS DISTINCT FROM 'ABSENT' AND ? >= r.ends_at";
			case ABSENT -> "r.attendance = 'ABSENT'";
		};
	}

	/** How many times {@link #sql()} binds the instant. */
	int sqlInstants() {
		return switch (this) {
			case UNSCHEDULED, ABSENT -> 0;
			case SCHEDULED, FINISHED -> 1;
			case IN_EXAM -> 2;
		};
	}
}
