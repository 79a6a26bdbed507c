package cn.kaowu.platform.audit.api;

import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditVerification;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计 Audit", description = "审计日志与哈希链校验")
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit/verify")
	@Operation(summary = "校验审计日志哈希链（平台管理员）")
	AuditVerification verifyApi(Scope scope) {
		if (!scope.isAdmin()) {
			throw new AccessDeniedProblem("error.adminOnly");
		}
		return audit.verify();
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "审计日志（本机构范围，分页）")
	PageResult<AuditEntry> listApi(Scope scope, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return audit.list(scope, new AuditLog.Filter(entityType, entityId, action, actor, from, to),
				PageQuery.of(page, size));
	}

}
