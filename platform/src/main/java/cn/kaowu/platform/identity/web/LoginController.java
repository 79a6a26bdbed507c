package cn.kaowu.platform.identity.web;

import jakarta.servlet.http.HttpSession;

import cn.kaowu.platform.kernel.ProblemMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** Same attribute the security configuration's failure handler writes. */
	static final String LOGIN_ERROR = "KAOWU_LOGIN_ERROR";

	private final ProblemMessages messages;

	LoginController(ProblemMessages messages) {
		this.messages = messages;
	}

	/** Where Spring Security sends a page request the caller's role may not make. */
	@RequestMapping("/denied")
	String denied(Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(403);
		model.addAttribute("status", 403);
		model.addAttribute("message", messages.text("error.forbidden"));
		return "error/problem";
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		if (error != null && session.getAttribute(LOGIN_ERROR) instanceof String key) {
			model.addAttribute("loginError", messages.text(key, 15));
			if (key.equals("login.ipLimited")) {
				// The per-IP limit: a 429 page, so proxies and scripts see the refusal too.
				response.setStatus(429);
			}
		}
		else if (error != null) {
			model.addAttribute("loginError", messages.text("login.badCredentials"));
		}
		return "login";
	}
}
