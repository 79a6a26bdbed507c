package cn.kaowu.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working-day arithmetic over a set of exceptions: Monday–Friday work unless a HOLIDAY, Saturday and Sunday
 * rest unless a WORKDAY. Immutable; {@link WorkingCalendar} builds one from the database.
 */
public final class WorkingDays {

	private final Map<LocalDate, DayKind> exceptions;

	public WorkingDays(Map<LocalDate, DayKind> exceptions) {
		this.exceptions = Map.copyOf(exceptions);
	}

	public boolean isWorkingDay(LocalDate day) {
		DayKind kind = exceptions.get(day);
		if (kind != null) {
			return kind == DayKind.WORKDAY;
		}
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	/**
	 * The {@code n}th working day after {@code day} (not counting {@code day} itself): "within 2 working days of
	 * Wednesday 2026-09-30" ends on 2026-10-09
	 * (1–7 October are the National Day holiday).
	 */
	public LocalDate plusWorkingDays(LocalDate day, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative");
		}
		LocalDate d = day;
		int counted = 0;
		while (counted < n) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				counted++;
			}
		}
		return d;
	}

	/** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}
}
