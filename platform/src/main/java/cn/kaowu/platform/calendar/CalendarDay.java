package cn.kaowu.platform.calendar;

import java.time.LocalDate;

/** One exception day as the administrator maintains it. */
public record CalendarDay(LocalDate day, DayKind kind, String name) {
}
