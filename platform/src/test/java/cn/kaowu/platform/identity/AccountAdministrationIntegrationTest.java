package cn.kaowu.platform.identity;

import java.util.HashMap;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountAdministrationIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	AuditLog audit;

	ApiClient admin;

	OrganisationView college;

	@BeforeEach
	void logInAsAdministrator() {
		admin = new ApiClient(port).login(world.admin().username(), TestWorld.PASSWORD);
		college = world.college(world.province());
	}

	@Test
	void createdAccountGetsAPolicyConformingInitialPasswordThatMustBeChanged() {
		var r = admin.post("/api/v1/accounts", account(TestWorld.unique("newuser"), Role.COLLEGE_ADMIN, college.id()));
		assertThat(r.status()).isEqualTo(201);
		String initial = r.text("initialPassword");
		assertThat(PasswordPolicy.standard().violations(initial, "newuser")).isEmpty();
		assertThat(r.body().path("account").path("mustChangePassword").asBoolean()).isTrue();

		ApiClient newcomer = new ApiClient(port).login(r.body().path("account").path("username").asString(), initial);
		assertThat(newcomer.get("/api/v1/me").status()).isEqualTo(403);
		assertThat(newcomer.post("/api/v1/account/password",
				Map.of("currentPassword", initial, "newPassword", "Mine#2026pass", "confirmation", "Mine#2026pass"))
			.status()).isEqualTo(204);
		assertThat(newcomer.get("/api/v1/me").status()).isEqualTo(200);

		long id = r.body().path("account").path("id").asLong();
		assertThat(audit.list(Scope.system(), "Account", Long.toString(id), PageQuery.of(1, 10)).items())
			.extracting(e -> e.action())
			.contains("account.create", "account.changePassword");
	}

	@Test
	void validationErrorsNameTheFieldInChinese() {
		var r = admin.post("/api/v1/accounts", account("1bad name", null, null));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.text("detail")).isEqualTo("提交的内容有误，请按提示修改");
		assertThat(r.fieldError("username")).isEqualTo("用户名须以字母开头，4～50 位字母、数字、下划线、点或连字符");
		assertThat(r.fieldError("role")).isEqualTo("请选择角色");
	}

	@Test
	void roleMustMatchTheOrganisationType() {
		var r = admin.post("/api/v1/accounts", account(TestWorld.unique("orgguy"), Role.ORG, college.id()));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.fieldError("organisationId")).isEqualTo("所选机构的类型与角色不符");
	}

	@Test
	void onlyOnePrincipalPerCollege() {
		assertThat(admin.post("/api/v1/accounts",
				account(TestWorld.unique("principal"), Role.COLLEGE_PRINCIPAL, college.id())).status()).isEqualTo(201);
		var second = admin.post("/api/v1/accounts",
				account(TestWorld.unique("principal"), Role.COLLEGE_PRINCIPAL, college.id()));
		assertThat(second.status()).isEqualTo(422);
		assertThat(second.fieldError("role")).isEqualTo("该院校已有试点院校负责人账号，每所院校只能有一个");
	}

	@Test
	void duplicateUserNamesAreRefused() {
		String name = TestWorld.unique("dup");
		assertThat(admin.post("/api/v1/accounts", account(name, Role.COLLEGE_ADMIN, college.id())).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/v1/accounts", account(name, Role.COLLEGE_ADMIN, college.id())).fieldError("username"))
			.isEqualTo("用户名已存在");
	}

	@Test
	void listsPageCorrectly() {
		for (int i = 0; i < 3; i++) {
			world.account(Role.COLLEGE_ADMIN, college);
		}
		var page1 = admin.get("/api/v1/accounts?organisationId=" + college.id() + "&page=1&size=2");
		assertThat(page1.body().path("total").asLong()).isEqualTo(3);
		assertThat(page1.body().path("items").size()).isEqualTo(2);
		var page2 = admin.get("/api/v1/accounts?organisationId=" + college.id() + "&page=2&size=2");
		assertThat(page2.body().path("items").size()).isEqualTo(1);
		var tooBig = admin.get("/api/v1/accounts?size=1000");
		assertThat(tooBig.status()).isEqualTo(422);
		assertThat(tooBig.fieldError("size")).isEqualTo("每页条数须在 1～100 之间");
	}

	@Test
	void organisationValidationIsInChinese() {
		var r = admin.post("/api/v1/organisations", Map.of("type", "COLLEGE", "name", "无省份学院", "code", "NP1"));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.fieldError("provinceId")).isEqualTo("地市和院校须选择所属省份");
		var blank = admin.post("/api/v1/organisations", Map.of("type", "ORG", "code", "a"));
		assertThat(blank.fieldError("name")).isEqualTo("请填写机构名称");
		assertThat(blank.fieldError("code")).isEqualTo("机构代码为 2～40 位字母、数字、下划线或连字符");
	}

	private static Map<String, Object> account(String username, Role role, Long organisationId) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", "测试");
		if (role != null) {
			body.put("role", role.name());
		}
		if (organisationId != null) {
			body.put("organisationId", organisationId);
		}
		return body;
	}
}
