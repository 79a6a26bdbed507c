package cn.kaowu.platform.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Demo only: lets the administrator move the platform clock to walk through windows (registration,
 * scheduling, publication) without waiting for the calendar. Absent outside the demo profile.
 */
@Controller
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class DemoClockController {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final AdjustableClock clock;

	private final ProblemMessages messages;

	DemoClockController(AdjustableClock clock, ProblemMessages messages) {
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/admin/clock")
	String show(Model model) {
		model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), AdjustableClock.CHINA).format(INPUT));
		return "demo/clock";
	}

	@PostMapping("/admin/clock")
	String set(@RequestParam(required = false) String instant, @RequestParam(required = false) String reset,
			RedirectAttributes redirect) {
		if (reset != null) {
			clock.reset();
		}
		else {
			try {
				Instant target = LocalDateTime.parse(instant, INPUT).atZone(AdjustableClock.CHINA).toInstant();
				clock.setInstant(target);
			}
			catch (RuntimeException e) {
				throw new InvalidInputProblem("instant", "demo.clock.invalid");
			}
		}
		redirect.addFlashAttribute("success", messages.text("demo.clock.set"));
		return "redirect:/admin/clock";
	}

	@Bean
	static MenuItem demoClockMenuItem() {
		return new MenuItem(MenuItem.Group.SYSTEM, 90, "menu.demoClock", "/admin/clock", Set.of(Role.ADMIN));
	}
}
