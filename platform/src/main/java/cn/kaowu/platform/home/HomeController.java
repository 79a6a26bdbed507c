package cn.kaowu.platform.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

import cn.kaowu.platform.identity.CurrentUser;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Clock clock;

	HomeController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Model model) {
		var user = CurrentUser.get();
		model.addAttribute("displayName", user.getDisplayName());
		model.addAttribute("organisationName", user.getOrganisationName());
		model.addAttribute("today", LocalDate.now(clock));
		return "home/index";
	}

	@Bean
	static MenuItem homeMenuItem() {
		return new MenuItem(MenuItem.Group.HOME, 0, "menu.home", "/", EnumSet.allOf(Role.class));
	}
}
