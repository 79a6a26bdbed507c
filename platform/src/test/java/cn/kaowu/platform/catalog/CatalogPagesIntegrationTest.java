package cn.kaowu.platform.catalog;

import java.util.Map;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages show create and edit actions only to the owning ORG, and refuse the forms to everyone else. */
@IntegrationTest
class CatalogPagesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	FeeStandards fees;

	OrganisationView orgA;

	AccountView ownerA;

	CertificateView certificate;

	String levelCode;

	@BeforeEach
	void aCertificateOfOrgA() {
		orgA = world.trainingOrg();
		ownerA = world.account(Role.ORG, orgA);
		Scope scope = world.scopeOf(ownerA);
		certificate = catalog.createCertificate(scope, CertificateForm.of(CatalogMother.certificateName()));
		levelCode = CatalogMother.levelCode();
		catalog.addLevel(scope, certificate.id(), CatalogMother.levelForm(CertificateLevel.JUNIOR, levelCode));
	}

	@Test
	void theOwnerSeesItsActions() {
		WebSession web = session(ownerA);
		String list = web.get("/catalog/certificates?organisationId=" + orgA.id()).body();
		assertThat(list).contains("新建证书", "批量停用", certificate.name(), levelCode, "已启用",
				"name=\"ids\" value=\"" + certificate.id() + "\"",
				"/catalog/certificates/" + certificate.id() + "/edit");
		String detail = web.get("/catalog/certificates/" + certificate.id()).body();
		assertThat(detail).contains(certificate.name() + "职业技能等级证书（初级）", "编辑等级", "添加科目", "添加等级",
				CatalogMother.subjectCode(levelCode, 101), "机考", "实操");
		assertThat(web.get("/catalog/certificates/" + certificate.id() + "/levels/new").body()).contains("增加一行",
				"subjects[1].code");
	}

	@Test
	void othersReadWithoutActionsAndAreRefusedTheForms() {
		OrganisationView province = world.province();
		for (AccountView reader : new AccountView[] { world.account(Role.ORG, world.trainingOrg()),
				world.account(Role.COLLEGE_ADMIN, world.college(province)), world.account(Role.PROVINCE, province) }) {
			WebSession web = session(reader);
			String list = web.get("/catalog/certificates?organisationId=" + orgA.id()).body();
			assertThat(list).contains(certificate.name(), levelCode)
				.doesNotContain("/catalog/certificates/" + certificate.id() + "/edit",
						"name=\"ids\" value=\"" + certificate.id() + "\"");
			String detail = web.get("/catalog/certificates/" + certificate.id()).body();
			assertThat(detail).contains(CatalogMother.subjectCode(levelCode, 102))
				.doesNotContain("编辑等级", "添加科目", "添加等级");
			assertThat(web.get("/catalog/certificates/" + certificate.id() + "/edit").status()).isEqualTo(403);
			assertThat(web.get("/catalog/certificates/" + certificate.id() + "/levels/new").status()).isEqualTo(403);
			var post = web.post("/catalog/certificates/" + certificate.id(),
					"/catalog/certificates/" + certificate.id() + "/enabled", Map.of("enabled", "false"));
			assertThat(post.status()).isEqualTo(403);
		}
		assertThat(catalog.getCertificate(Scope.system(), certificate.id()).enabled()).isTrue();
		WebSession college = session(world.account(Role.COLLEGE_ADMIN, world.college(province)));
		assertThat(college.get("/catalog/certificates/new").status()).isEqualTo(403);
		assertThat(college.get("/catalog/certificates").body()).doesNotContain("新建证书").contains("证书目录由各培训评价组织维护");
	}

	@Test
	void theSubjectListMirrorsTheNationalPlatformsTable() {
		WebSession web = session(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		String page = web.get("/catalog/subjects?organisationId=" + orgA.id()).body();
		assertThat(page).contains("序号", "科目代码", "科目名称", "考试方式", "证书名称", "培训评价组织", "状态")
			.contains(CatalogMother.subjectCode(levelCode, 101), certificate.name() + "职业技能等级证书（初级）",
					orgA.name(), "已启用", "共 2 条", "10条/页");
	}

	@Test
	void aProvinceEditsItsFeesOnThePage() {
		OrganisationView province = world.province();
		OrganisationView other = world.province();
		WebSession web = session(world.account(Role.PROVINCE, province));
		String page = web.get("/catalog/fees").body();
		assertThat(page).contains("本省收费标准", "380 元", "360 元", "默认", "/catalog/fees/" + province.id())
			.doesNotContain("href=\"/catalog/fees/" + other.id() + "\"");
		assertThat(web.get("/catalog/fees/" + other.id()).status()).isEqualTo(403);

		var invalid = web.post("/catalog/fees/" + province.id(), "/catalog/fees/" + province.id(),
				Map.of("junior", "-5", "intermediate", "", "senior", ""));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("金额须在 0～99999.99 元之间");
		var saved = web.post("/catalog/fees/" + province.id(), "/catalog/fees/" + province.id(),
				Map.of("junior", "", "intermediate", "", "senior", "420"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(fees.feeFor(province.id(), CertificateLevel.SENIOR).amount()).isEqualByComparingTo("420");
		assertThat(fees.feeFor(province.id(), CertificateLevel.JUNIOR).usesDefault()).isTrue();

		WebSession college = session(world.account(Role.COLLEGE_ADMIN, world.college(province)));
		assertThat(college.get("/catalog/fees/" + province.id()).status()).isEqualTo(403);
	}

	@Test
	void aBatchWithAForeignCertificateChangesNothing() {
		CertificateView foreign = catalog.createCertificate(
				world.scopeOf(world.account(Role.ORG, world.trainingOrg())),
				CertificateForm.of(CatalogMother.certificateName()));
		WebSession web = session(ownerA);
		var response = web.post("/catalog/certificates", "/catalog/certificates/batch?ids=" + certificate.id() + "&ids="
				+ foreign.id(), Map.of("action", "disable"));
		assertThat(response.status()).isEqualTo(302);
		String page = web.get("/catalog/certificates").body();
		assertThat(page).contains("批量操作未执行，所选证书均保持不变：该证书属于其他培训评价组织，您只能查看，不能修改");
		assertThat(catalog.getCertificate(Scope.system(), certificate.id()).enabled()).isTrue();
		assertThat(catalog.getCertificate(Scope.system(), foreign.id()).enabled()).isTrue();
	}

	private WebSession session(AccountView account) {
		WebSession web = new WebSession(port);
		web.login(account.username(), TestWorld.PASSWORD);
		return web;
	}
}
