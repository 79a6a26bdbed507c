package cn.kaowu.platform.audit.web;

import java.time.LocalDate;
import java.util.Set;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditChainCheck;
import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审计日志: the administrator reads the trail and verifies its hash chain. */
@Controller
class AuditController {

	private final AuditLog audit;

	private final AuditChainCheck checks;

	private final ProblemMessages messages;

	AuditController(AuditLog audit, AuditChainCheck checks, ProblemMessages messages) {
		this.audit = audit;
		this.checks = checks;
		this.messages = messages;
	}

	@GetMapping("/admin/audit")
	String list(Scope scope, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		scope.requireAdmin();
		AuditLog.Filter filter = new AuditLog.Filter(entityType, entityId, action, actor, from, to);
		model.addAttribute("result", audit.list(scope, filter, PageQuery.of(page, size)));
		model.addAttribute("filter", filter);
		model.addAttribute("lastCheck", checks.latest().orElse(null));
		return "admin/audit";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Scope scope, RedirectAttributes redirect) {
		AuditChainCheck.Check result = checks.checkNow(scope);
		if (result.intact()) {
			redirect.addFlashAttribute("success", messages.text("audit.verify.ok", result.entriesChecked()));
		}
		else {
			redirect.addFlashAttribute("error",
					messages.text(result.reason(), result.firstBrokenSeq(), result.entriesChecked()));
		}
		return "redirect:/admin/audit";
	}

	@Bean
	static MenuItem auditMenuItem() {
		return new MenuItem(MenuItem.Group.SYSTEM, 30, "menu.audit", "/admin/audit", Set.of(Role.ADMIN));
	}
}
