package cn.kaowu.platform.calendar.api;

import java.time.LocalDate;
import java.util.List;

import cn.kaowu.platform.calendar.CalendarDay;
import cn.kaowu.platform.calendar.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "工作日日历 Calendar", description = "法定节假日与调休上班日，用于按工作日计算的期限")
class CalendarApi {

	private final WorkingCalendar calendar;

	CalendarApi(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** A day as the API reports it. */
	record DayInfo(LocalDate day, boolean workingDay) {
	}

	@GetMapping("/api/v1/calendar/{year}")
	@Operation(summary = "某年的节假日与调休上班日（不在列表中的日期按周一至周五上班计）")
	List<CalendarDay> year(@PathVariable int year) {
		return calendar.days(year);
	}

	@GetMapping("/api/v1/calendar/working-days")
	@Operation(summary = "从某日起第 n 个工作日（不含当日）")
	DayInfo plus(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam int n) {
		if (n < 0 || n > 366) {
			throw new cn.kaowu.platform.kernel.InvalidInputProblem("n", "calendar.n.range");
		}
		LocalDate day = calendar.plusWorkingDays(from, n);
		return new DayInfo(day, calendar.isWorkingDay(day));
	}

}
