package cn.kaowu.platform.calendar;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

	private final WorkingDays days = new WorkingDays(Map.of(LocalDate.parse("2026-10-01"), DayKind.HOLIDAY,
			LocalDate.parse("2026-10-02"), DayKind.HOLIDAY, LocalDate.parse("2026-10-05"), DayKind.HOLIDAY,
			LocalDate.parse("2026-10-06"), DayKind.HOLIDAY, LocalDate.parse("2026-10-07"), DayKind.HOLIDAY,
			LocalDate.parse("2026-10-10"), DayKind.WORKDAY));

	@Test
	void weekdaysWorkWeekendsRestUnlessExcepted() {
		assertThat(days.isWorkingDay(LocalDate.parse("2026-09-30"))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.parse("2026-10-03"))).isFalse();
		assertThat(days.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
		assertThat(days.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
	}

	@Test
	void countsWorkingDaysAcrossAHolidayAndAWorkingSaturday() {
		assertThat(days.plusWorkingDays(LocalDate.parse("2026-09-30"), 0)).isEqualTo("2026-09-30");
		assertThat(days.plusWorkingDays(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-08");
		assertThat(days.plusWorkingDays(LocalDate.parse("2026-09-30"), 2)).isEqualTo("2026-10-09");
		assertThat(days.plusWorkingDays(LocalDate.parse("2026-10-09"), 1)).isEqualTo("2026-10-10");
		assertThat(days.plusWorkingDays(LocalDate.parse("2026-10-09"), 2)).isEqualTo("2026-10-12");
		assertThat(days.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-12"))).isEqualTo(4);
		assertThat(days.workingDaysBetween(LocalDate.parse("2026-10-12"), LocalDate.parse("2026-09-30"))).isZero();
	}
}
