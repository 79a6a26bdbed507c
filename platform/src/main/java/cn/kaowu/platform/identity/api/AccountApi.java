package cn.kaowu.platform.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "账号 Accounts", description = "账号管理、当前用户、修改密码")
class AccountApi {

	private final AccountManagement accounts;

	AccountApi(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** A new account with its initial password, shown once. */
	record CreatedAccountResponse(AccountView account, String initialPassword) {
	}

	record PasswordResetResponse(String initialPassword) {
	}

	record ChangePasswordRequest(@NotBlank(message = "{account.password.current.required}") String currentPassword,
			@NotBlank(message = "{account.password.new.required}") String newPassword,
			@NotBlank(message = "{account.password.confirm.required}") String confirmation) {
	}

	@GetMapping("/me")
	@Operation(summary = "当前用户与数据范围")
	Scope me(Scope scope) {
		return scope;
	}

	@PostMapping("/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "修改本人密码")
	void changePassword(Scope scope, @Valid @RequestBody ChangePasswordRequest request) {
		accounts.changeOwnPassword(scope, request.currentPassword(), request.newPassword(), request.confirmation());
	}

	@GetMapping("/accounts")
	@Operation(summary = "账号列表（分页）")
	PageResult<AccountView> list(Scope scope, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return accounts.list(scope, new AccountManagement.Filter(role, organisationId, keyword), PageQuery.of(page, size));
	}

	@GetMapping("/accounts/{id}")
	@Operation(summary = "查看账号")
	AccountView get(Scope scope, @PathVariable long id) {
		return accounts.get(scope, id);
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建账号（平台管理员），返回一次性初始密码")
	CreatedAccountResponse create(Scope scope, @Valid @RequestBody AccountForm form) {
		var created = accounts.create(scope, form);
		return new CreatedAccountResponse(created.account(), created.initialPassword());
	}

	@PutMapping("/accounts/{id}")
	@Operation(summary = "修改账号（平台管理员）")
	AccountView update(Scope scope, @PathVariable long id, @Valid @RequestBody AccountForm form) {
		return accounts.update(scope, id, form);
	}

	@PostMapping("/accounts/{id}/reset-password")
	@Operation(summary = "重置密码（平台管理员）")
	PasswordResetResponse resetPassword(Scope scope, @PathVariable long id) {
		return new PasswordResetResponse(accounts.resetPassword(scope, id));
	}

	@PostMapping("/accounts/{id}/unlock")
	@Operation(summary = "解锁账号（平台管理员）")
	AccountView unlock(Scope scope, @PathVariable long id) {
		return accounts.unlock(scope, id);
	}

	@PostMapping("/accounts/{id}/enable")
	@Operation(summary = "启用账号（平台管理员）")
	AccountView enable(Scope scope, @PathVariable long id) {
		return accounts.setEnabled(scope, id, true);
	}

	@PostMapping("/accounts/{id}/disable")
	@Operation(summary = "停用账号（平台管理员）")
	AccountView disable(Scope scope, @PathVariable long id) {
		return accounts.setEnabled(scope, id, false);
	}
}
