package cn.kaowu.platform.catalog;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class CatalogBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Test
	void anOrgCreatesACertificateAndAddsALevelWithTwoSubjects() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		String name = CatalogMother.certificateName();
		String code = CatalogMother.levelCode();
		String theory = CatalogMother.subjectCode(code, 101);
		String practice = CatalogMother.subjectCode(code, 102);

		login(account.username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=证书与等级");
		assertThat(page.locator("h1")).hasText("证书与等级");
		page.click("text=新建证书");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid .error")).hasText("请填写证书名称");
		screenshot("catalog-certificate-form-error");
		page.fill("#name", name);
		page.click("button:has-text('保存')");
		assertThat(page.locator("h1")).hasText(name);
		assertThat(page.locator(".flash-success")).hasText("证书“" + name + "”已创建，请添加等级和科目");

		page.click(".page-head >> text=添加等级");
		assertThat(page.locator("h1")).hasText("添加等级 · " + name);
		assertThat(page.locator("#level")).hasValue("JUNIOR");
		page.fill("#code", code);
		page.fill("[name='subjects[0].name']", "初级理论");
		// The code of another level: 19 digits, but the wrong prefix.
		page.fill("[name='subjects[0].code']", "1630003007010027101");
		page.selectOption("[name='subjects[0].examMode']", "COMPUTER");
		page.fill("[name='subjects[1].name']", "初级实操");
		page.fill("[name='subjects[1].code']", practice);
		page.selectOption("[name='subjects[1].examMode']", "PRACTICAL");
		page.click("button:has-text('保存')");

		var error = page.locator("#subject-row-0 .field.invalid .error");
		assertThat(error).hasText("科目代码须以 " + CatalogRules.subjectCodePrefix(code)
				+ " 开头（“16”+ 证书代码去掉开头的“15”），后接 3 位序号");
		assertThat(page.locator("#subject-row-1 .field.invalid")).hasCount(0);
		assertThat(page.locator("[name='subjects[1].code']")).hasValue(practice);
		screenshot("catalog-level-form-error");

		page.fill("[name='subjects[0].code']", theory);
		page.click("button:has-text('保存')");
		assertThat(page.locator("h1")).hasText(name);
		assertThat(page.locator(".flash-success")).hasText(name + "职业技能等级证书（初级）已添加，共 2 个科目");
		var level = page.locator("#level-JUNIOR");
		assertThat(level.locator("h2")).hasText(name + "职业技能等级证书（初级）");
		assertThat(level.locator("tbody tr")).hasCount(2);
		assertThat(level.locator("tbody tr").nth(0)).containsText(theory);
		assertThat(level.locator("tbody tr").nth(0)).containsText("初级理论");
		assertThat(level.locator("tbody tr").nth(0)).containsText("机考");
		assertThat(level.locator("tbody tr").nth(1)).containsText(practice);
		assertThat(level.locator("tbody tr").nth(1)).containsText("实操");
		screenshot("catalog-certificate-detail");

		level.locator("tbody tr").nth(1).locator("text=编辑").click();
		assertThat(page.locator("h1")).hasText("编辑科目 · " + name + "职业技能等级证书（初级）");
		assertThat(page.locator("#code")).hasValue(practice);
		page.fill("#passMark", "-1");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid .error")).hasText("及格分须在 0～100 分之间");
		screenshot("catalog-subject-form-error");
		page.click("text=返回");

		page.click(".sidebar >> text=科目列表");
		page.fill("#keyword", name);
		page.click("button:has-text('查询')");
		assertThat(page.locator("table.data tbody tr")).hasCount(2);
		assertThat(page.locator("table.data tbody")).containsText(name + "职业技能等级证书（初级）");
		screenshot("catalog-subjects");

		page.click(".sidebar >> text=证书与等级");
		page.fill("#keyword", name);
		page.click("button:has-text('查询')");
		assertThat(page.locator("table.data tbody tr")).hasCount(1);
		assertThat(page.locator("table.data tbody")).containsText(code);
		screenshot("catalog-certificates");
	}

	@Test
	void aLevelFormGrowsByOneRowAndShowsAllProblemsAtOnce() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		login(account.username(), TestWorld.PASSWORD);
		page.navigate(url("/catalog/certificates/new"));
		page.fill("#name", CatalogMother.certificateName());
		page.click("button:has-text('保存')");
		page.click(".page-head >> text=添加等级");
		assertThat(page.locator("tbody tr")).hasCount(2);
		page.fill("[name='subjects[0].name']", "初级理论");
		page.click("button:has-text('增加一行')");
		assertThat(page.locator("tbody tr")).hasCount(3);
		assertThat(page.locator("[name='subjects[0].name']")).hasValue("初级理论");
		page.fill("#code", "153000300701002");
		page.fill("[name='subjects[0].passMark']", "101");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid:has(#code) .error")).hasText("证书代码须为 16 位数字");
		assertThat(page.locator("#subject-row-0 .field.invalid .error")).hasText(
				new String[] { "请填写科目代码", "请选择考试方式", "及格分须在 0～100 分之间" });
		screenshot("catalog-level-form-all-errors");
	}

	@Test
	void aProvinceSeesDefaultFeesAndACollegeOnlyReads() {
		OrganisationView province = world.province();
		AccountView provinceUser = world.account(Role.PROVINCE, province);
		login(provinceUser.username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=收费标准");
		assertThat(page.locator("#own-fees")).containsText("默认");
		page.click("#own-fees >> text=设置收费标准");
		assertThat(page.locator("#junior")).hasAttribute("placeholder", "默认 380");
		page.fill("#senior", "400");
		page.fill("#junior", "abc");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid .error")).hasText("请输入金额（元）");
		screenshot("catalog-fee-form-error");
		page.fill("#junior", "");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".flash-success")).hasText(province.name() + "的收费标准已保存");
		assertThat(page.locator("#own-fees .stat").nth(2)).not().containsText("默认");
		assertThat(page.locator("#own-fees .stat").nth(0)).containsText("380");
		screenshot("catalog-fees-province");

		context.clearCookies();
		AccountView college = world.account(Role.COLLEGE_ADMIN, world.college(province));
		login(college.username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=证书与等级");
		assertThat(page.locator(".page-head")).not().containsText("新建证书");
		assertThat(page.locator(".flash-info")).hasText("证书目录由各培训评价组织维护，您可以查看。");
		screenshot("catalog-certificates-college");
	}
}
