package cn.kaowu.platform.notification.api;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.notification.Inbox;
import cn.kaowu.platform.notification.InboxEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "消息 Inbox", description = "站内消息")
class InboxApi {

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/inbox")
	@Operation(summary = "我的消息（分页）")
	PageResult<InboxEntry> listApi(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inbox.list(scope, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/inbox/unread-count")
	@Operation(summary = "未读消息数")
	long unreadCountApi(Scope scope) {
		return inbox.unreadCount(scope);
	}
}
