package cn.kaowu.platform.org;

import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A college never reads or changes another college's data, whatever id or URL it sends. */
@IntegrationTest
class ScopeIsolationIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	OrganisationView provinceA;

	OrganisationView collegeA;

	OrganisationView collegeB;

	OrganisationView collegeOtherProvince;

	AccountView adminOfA;

	AccountView adminOfB;

	@BeforeEach
	void twoColleges() {
		provinceA = world.province();
		collegeA = world.college(provinceA);
		collegeB = world.college(provinceA);
		collegeOtherProvince = world.college(world.province());
		adminOfA = world.account(Role.COLLEGE_ADMIN, collegeA);
		adminOfB = world.account(Role.COLLEGE_ADMIN, collegeB);
	}

	@Test
	void collegeReadsItselfButNotAnotherCollegeThroughTheApi() {
		ApiClient a = new ApiClient(port).login(adminOfA.username(), TestWorld.PASSWORD);
		assertThat(a.get("/api/v1/organisations/" + collegeA.id()).status()).isEqualTo(200);

		var foreign = a.get("/api/v1/organisations/" + collegeB.id());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.text("detail")).isEqualTo("未找到机构（编号 " + collegeB.id() + "），或您无权查看");
		// An id that does not exist answers exactly the same: ids cannot be probed.
		var missing = a.get("/api/v1/organisations/987654321");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("code")).isEqualTo(foreign.text("code"));

		var list = a.get("/api/v1/organisations?type=COLLEGE&size=100");
		assertThat(list.body().path("items").valueStream().map(n -> n.path("id").asLong()))
			.contains(collegeA.id())
			.doesNotContain(collegeB.id(), collegeOtherProvince.id());
		assertThat(list.body().path("total").asLong()).isEqualTo(1);
	}

	@Test
	void collegeCannotChangeAnyOrganisationOrReadForeignAccounts() {
		ApiClient a = new ApiClient(port).login(adminOfA.username(), TestWorld.PASSWORD);
		var rename = a.put("/api/v1/organisations/" + collegeB.id(),
				Map.of("type", "COLLEGE", "name", "改名", "code", "X1", "provinceId", provinceA.id()));
		assertThat(rename.status()).isEqualTo(403);
		assertThat(a.post("/api/v1/organisations/" + collegeB.id() + "/disable", Map.of()).status()).isEqualTo(403);
		assertThat(a.get("/api/v1/accounts/" + adminOfB.id()).status()).isEqualTo(404);
		assertThat(a.post("/api/v1/accounts/" + adminOfB.id() + "/reset-password", Map.of()).status()).isEqualTo(403);
		var accounts = a.get("/api/v1/accounts?size=100");
		assertThat(accounts.body().path("items").valueStream().map(n -> n.path("organisationId").asLong()))
			.containsOnly(collegeA.id());
	}

	@Test
	void collegeIsBlockedFromAnotherCollegesPage() {
		WebSession web = new WebSession(port);
		web.login(adminOfA.username(), TestWorld.PASSWORD);
		assertThat(web.get("/orgs/" + collegeA.id()).body()).contains(collegeA.name());
		var foreign = web.get("/orgs/" + collegeB.id());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).contains("未找到机构").doesNotContain(collegeB.name());
		var denied = web.get("/admin/organisations");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).contains("您没有执行此操作的权限");
		assertThat(web.get("/admin/accounts/" + adminOfB.id()).status()).isEqualTo(403);
	}

	@Test
	void unknownPagesAnswerWithAChinesePageNotAStackTrace() {
		WebSession web = new WebSession(port);
		web.login(adminOfA.username(), TestWorld.PASSWORD);
		var wrongId = web.get("/orgs/not-a-number");
		assertThat(wrongId.status()).isEqualTo(404);
		assertThat(wrongId.body()).contains("请求的地址不存在");
		var missing = web.get("/no/such/page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("请求的地址不存在").doesNotContain("Whitelabel");
	}

	@Test
	void provinceSeesItsCollegesButNotAnotherProvinces() {
		AccountView province = world.account(Role.PROVINCE, provinceA);
		ApiClient p = new ApiClient(port).login(province.username(), TestWorld.PASSWORD);
		assertThat(p.get("/api/v1/organisations/" + collegeA.id()).status()).isEqualTo(200);
		assertThat(p.get("/api/v1/organisations/" + collegeB.id()).status()).isEqualTo(200);
		assertThat(p.get("/api/v1/organisations/" + collegeOtherProvince.id()).status()).isEqualTo(404);
	}

	@Test
	void everyApiErrorIsAProblemDocumentNeverAPage() {
		ApiClient a = new ApiClient(port).login(adminOfA.username(), TestWorld.PASSWORD);
		var verify = a.get("/api/v1/audit/verify");
		assertThat(verify.status()).isEqualTo(403);
		assertThat(verify.text("detail")).isEqualTo("只有平台管理员可以执行此操作");
		var job = a.get("/api/v1/jobs/" + java.util.UUID.randomUUID());
		assertThat(job.status()).isEqualTo(404);
		assertThat(job.text("code")).isEqualTo("error.notFound");
		var inbox = a.get("/api/v1/inbox?size=0");
		assertThat(inbox.status()).isEqualTo(422);
		assertThat(inbox.fieldError("size")).isEqualTo("每页条数须在 1～100 之间");
	}

	@Test
	void unauthenticatedApiCallsGetAProblemNotALoginPage() {
		var r = new ApiClient(port).get("/api/v1/organisations");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.text("detail")).isEqualTo("请先登录");
	}
}
