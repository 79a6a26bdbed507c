package cn.kaowu.platform.certificate.api;

import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certificates/issues/{id}")
@Tag(name = "证书状态 Certificate status", description = "培训评价组织撤销（不可恢复）、暂停或恢复已编号的证书，须填写原因")
class CertificateStatusApi {

	record Reason(@Nullable String reason) {
	}

	private final CertificateRegistry registry;

	CertificateStatusApi(CertificateRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/status")
	@Operation(summary = "证书当前状态（有效、已暂停、已撤销）")
	CertificateRegistry.StatusView status(Scope scope, @PathVariable long id) {
		return registry.status(scope, id);
	}

	@GetMapping("/status/history")
	@Operation(summary = "证书状态的变更记录（状态、原因、操作人、时间）")
	java.util.List<CertificateRegistry.StatusChange> history(Scope scope, @PathVariable long id) {
		return registry.history(scope, id);
	}

	@PostMapping("/revoke")
	@Operation(summary = "撤销证书（须填写原因；不可恢复）")
	CertificateRegistry.StatusView revoke(Scope scope, @PathVariable long id, @RequestBody Reason body) {
		return registry.revoke(scope, id, body.reason());
	}

	@PostMapping("/suspend")
	@Operation(summary = "暂停证书（须填写原因）")
	CertificateRegistry.StatusView suspend(Scope scope, @PathVariable long id, @RequestBody Reason body) {
		return registry.suspend(scope, id, body.reason());
	}

	@PostMapping("/lift")
	@Operation(summary = "恢复已暂停的证书（已撤销的 409）")
	CertificateRegistry.StatusView lift(Scope scope, @PathVariable long id, @RequestBody Reason body) {
		return registry.lift(scope, id, body.reason());
	}
}
