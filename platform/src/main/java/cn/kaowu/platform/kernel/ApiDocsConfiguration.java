package cn.kaowu.platform.kernel;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI kaowuOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kaowu 1+X 考务管理平台 API")
				.version("v1")
				.description("""
						所有接口在 /api/v1 下。先用 POST /api/v1/auth/tokens 以用户名和密码换取令牌，再以
						Authorization: Bearer <token> 调用；浏览器会话同样可用（需 CSRF 令牌）。
						列表接口均分页：page（从 1 起）、size（1–100，默认 10），返回 items、page、size、total。
						错误按 RFC 9457 返回 problem details：detail 为中文说明，code 为稳定的错误代码，
						errors 为字段级错误 [{field, message}]。数据范围按账号所属机构限制：院校只能看到本校数据。"""))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("POST /api/v1/auth/tokens")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
