package cn.kaowu.platform.notification.web;

import java.util.List;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.notification.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String list(Scope scope, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		model.addAttribute("result", inbox.list(scope, PageQuery.of(page, size)));
		return "inbox/list";
	}

	/** The header badge polls this: the number alone, or nothing when zero. */
	@GetMapping(value = "/inbox/unread-count", produces = "text/plain;charset=UTF-8")
	@ResponseBody
	String unreadCount(Scope scope) {
		long count = inbox.unreadCount(scope);
		return count == 0 ? "" : count > 99 ? "99+" : Long.toString(count);
	}

	@PostMapping("/inbox/read")
	String markRead(Scope scope, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(required = false) String all) {
		if (all != null) {
			inbox.markAllRead(scope);
		}
		else if (ids != null) {
			inbox.markRead(scope, ids);
		}
		return "redirect:/inbox";
	}

}
