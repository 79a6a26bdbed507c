package cn.kaowu.platform.notification.web;

import java.util.List;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.notification.Inbox;
import cn.kaowu.platform.notification.InboxEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
@Tag(name = "消息 Inbox", description = "站内消息")
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

	@GetMapping("/api/v1/inbox")
	@ResponseBody
	@Operation(summary = "我的消息（分页）")
	PageResult<InboxEntry> listApi(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inbox.list(scope, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/inbox/unread-count")
	@ResponseBody
	@Operation(summary = "未读消息数")
	long unreadCountApi(Scope scope) {
		return inbox.unreadCount(scope);
	}
}
