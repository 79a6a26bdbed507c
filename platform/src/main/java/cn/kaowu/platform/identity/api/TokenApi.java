package cn.kaowu.platform.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import cn.kaowu.platform.identity.ApiTokens;
import cn.kaowu.platform.identity.LoginAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "认证 Authentication", description = "以用户名和密码换取 API 令牌（Bearer）")
class TokenApi {

	private final ApiTokens tokens;

	private final LoginAddress addresses;

	TokenApi(ApiTokens tokens, LoginAddress addresses) {
		this.tokens = tokens;
		this.addresses = addresses;
	}

	record TokenRequest(@NotBlank(message = "{login.username.required}") String username,
			@NotBlank(message = "{login.password.required}") String password,
			@io.swagger.v3.oas.annotations.media.Schema(description = "两步验证码（培训评价组织、省级、平台管理员账号必填）") String totp) {
	}

	@PostMapping("/api/v1/auth/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "获取 API 令牌（有效期 12 小时；与网页登录同样的锁定与限流规则；ORG/PROVINCE/ADMIN 须附 totp）")
	ApiTokens.IssuedToken issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		return tokens.issue(request.username(), request.password(), request.totp(), addresses.of(http));
	}
}
