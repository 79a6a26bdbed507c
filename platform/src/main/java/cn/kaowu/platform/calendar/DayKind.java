package cn.kaowu.platform.calendar;

/** An exception to the Monday–Friday rule. */
public enum DayKind {
	/** 法定节假日（含调休放假）: no work even on a weekday. */
	HOLIDAY,
	/** 调休上班: a working Saturday or Sunday. */
	WORKDAY;

	public String messageKey() {
		return "calendar.kind." + name();
	}
}
