package cn.kaowu.platform.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import cn.kaowu.platform.calendar.DayKind;
import cn.kaowu.platform.calendar.WorkingCalendar;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 节假日日历 for the administrator, and read access for everybody through the API. */
@Controller
class CalendarController {

	private final WorkingCalendar calendar;

	private final ProblemMessages messages;

	private final Clock clock;

	CalendarController(WorkingCalendar calendar, ProblemMessages messages, Clock clock) {
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String show(@RequestParam(required = false) Integer year, Model model) {
		int shown = year == null ? LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("days", calendar.days(shown));
		model.addAttribute("complete", calendar.isComplete(shown));
		model.addAttribute("source", calendar.sourceOf(shown));
		model.addAttribute("missingYears", calendar.yearsDue().stream().filter(y -> !calendar.isComplete(y)).toList());
		model.addAttribute("kinds", DayKind.values());
		return "calendar/admin";
	}

	@PostMapping("/admin/calendar/days")
	String setDay(Scope scope, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam DayKind kind, @RequestParam String name, RedirectAttributes redirect) {
		try {
			calendar.setDay(scope, day, kind, name);
			redirect.addFlashAttribute("success", messages.text("calendar.saved", day));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.fieldErrors(e).isEmpty() ? messages.text(e)
					: messages.fieldErrors(e).getFirst().get("message"));
		}
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	@PostMapping("/admin/calendar/days/{day}/delete")
	String removeDay(Scope scope, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		calendar.removeDay(scope, day);
		redirect.addFlashAttribute("success", messages.text("calendar.removed", day));
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	@PostMapping("/admin/calendar/{year}/complete")
	String complete(Scope scope, @PathVariable int year, @RequestParam String source, RedirectAttributes redirect) {
		try {
			calendar.markComplete(scope, year, source);
			redirect.addFlashAttribute("success", messages.text("calendar.completed", year));
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", messages.fieldErrors(e).getFirst().get("message"));
		}
		return "redirect:/admin/calendar?year=" + year;
	}

	@Bean
	static MenuItem calendarMenuItem() {
		return new MenuItem(MenuItem.Group.SYSTEM, 40, "menu.calendar", "/admin/calendar", Set.of(Role.ADMIN));
	}
}
