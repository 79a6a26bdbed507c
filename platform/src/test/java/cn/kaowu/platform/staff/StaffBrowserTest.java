package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class StaffBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	CatalogManagement catalog;

	@Test
	void aCollegeAdminAddsStaffBuildsTheCommitteeAndFixesAnEvenArbitrationGroup() {
		AccountView admin = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		String certificate = TestWorld.unique("浏览器证书");
		catalog.createCertificate(world.scopeOf(world.account(Role.ORG, world.trainingOrg())),
				CertificateForm.of(certificate));

		login(admin.username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考务人员");
		assertThat(page.locator("h1")).containsText("考务人员");
		page.click("text=新增考务人员");
		page.fill("#name", "王建国");
		page.selectOption("#gender", "MALE");
		String head = StaffMother.idNumber();
		page.fill("#idNumber", StaffMother.withWrongCheckDigit(head));
		page.fill("#phone", "1390517");
		page.selectOption("#role", "SITE_HEAD");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid:has(#idNumber) .error")).hasText("居民身份证号码校验位不正确，请核对");
		assertThat(page.locator(".field.invalid:has(#phone) .error")).hasText("手机号码须为以 1 开头的 11 位数字");
		assertThat(page.locator(".field.invalid:has(#department) .error")).hasText("请填写院系/部门");
		screenshot("staff-form-errors");
		page.fill("#idNumber", head);
		page.fill("#phone", "13905171234");
		page.fill("#department", "教务处");
		page.selectOption("#trainingStatus", "TRAINED");
		page.fill("#trainedOn", "2025-03-15");
		page.fill("#experienceYears", "8");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".flash-success")).hasText("已添加考务人员“王建国”");
		String[][] others = { { "陈静", "EXAM_MANAGER", "5" }, { "刘洋", "EXAM_MANAGER", "3" },
				{ "赵磊", "TECHNICAL", "4" }, { "孙丽华", "LOGISTICS", "2" } };
		for (String[] p : others) {
			page.click("text=新增考务人员");
			page.fill("#name", p[0]);
			page.selectOption("#gender", "FEMALE");
			page.fill("#idNumber", StaffMother.idNumber());
			page.fill("#phone", "13812345678");
			page.fill("#department", "经济管理学院");
			page.selectOption("#role", p[1]);
			page.fill("#experienceYears", p[2]);
			page.fill("#majorsText", "电子商务 530701");
			page.selectOption("#trainingStatus", "TRAINED");
			page.fill("#trainedOn", "2025-03-15");
			page.click("button:has-text('保存')");
			assertThat(page.locator(".flash-success")).containsText(p[0]);
		}
		assertThat(page.locator("#staff-table tbody tr")).hasCount(5);
		assertThat(page.locator("#staff-table tbody")).containsText(ChineseIdNumber.mask(head));
		assertThat(page.locator("#staff-table tbody")).not().containsText(head);
		screenshot("staff-list");

		page.click(".sidebar >> text=考核委员会");
		page.selectOption("#certificateId", new com.microsoft.playwright.options.SelectOption().setLabel(
				certificate + "（" + catalog.getCertificate(world.scopeOf(admin), certificateId(certificate)).organisationName() + "）"));
		page.click("button:has-text('组建')");
		assertThat(page.locator(".flash-success")).containsText(certificate);
		assertThat(page.locator("#violations")).containsText("仲裁组尚无成员");

		member("GRADING", "陈静", true);
		member("AFFAIRS", "刘洋", true);
		member("TECHNICAL", "赵磊", true);
		external("PATROL", "钱卫东", "北京鸿科经纬科技有限公司", "5", true);
		external("ARBITRATION", "黄志强", "南京信息职业技术学院", "6", true);
		external("ARBITRATION", "林芳", "江苏经贸职业技术学院", "3", false);
		var even = page.locator("#violations li[data-rule='ARBITRATION_SIZE']");
		assertThat(even).hasText("不符合 仲裁组现有 2 人，人数须为奇数（依据：《考核站点遴选条件与建设标准》（三）5. 仲裁组）");
		assertThat(page.locator("#violations li")).hasCount(1);
		screenshot("staff-committee-violation");

		external("ARBITRATION", "周敏", "南京交通职业技术学院", "2", false);
		assertThat(page.locator("#violations li")).hasCount(0);
		assertThat(page.locator("#violations-none")).hasText("未发现问题，考务人员与考核委员会符合要求。");
		assertThat(page.locator("#group-ARBITRATION tbody tr")).hasCount(3);
		screenshot("staff-committee-ok");

		page.click(".sidebar >> text=责任书");
		page.fill("#name", "2026年6月考核");
		page.fill("#examDate", "2026-06-27");
		page.click("button:has-text('新建考试')");
		assertThat(page.locator("#letter-progress")).hasText("已签 0 人 / 共 5 人");
		screenshot("staff-letters");
	}

	private long certificateId(String name) {
		return catalog
			.listCertificates(cn.kaowu.platform.kernel.Scope.system(),
					new CatalogManagement.CertificateFilter(name, null, null), cn.kaowu.platform.kernel.PageQuery.of(1, 1))
			.items()
			.getFirst()
			.id();
	}

	private void member(String group, String name, boolean leader) {
		page.selectOption("#group", group);
		page.selectOption("#staffId", new com.microsoft.playwright.options.SelectOption().setIndex(indexOf(name)));
		if (leader) {
			page.check("#leader1");
		}
		page.click("#add-member button:has-text('添加成员')");
		assertThat(page.locator(".flash-success")).hasText("已添加成员“" + name + "”");
	}

	private int indexOf(String name) {
		var options = page.locator("#staffId option");
		for (int i = 0; i < options.count(); i++) {
			if (options.nth(i).textContent().startsWith(name + " ")) {
				return i;
			}
		}
		throw new IllegalStateException(name);
	}

	private void external(String group, String name, String organisation, String years, boolean leader) {
		page.selectOption("#group", group);
		page.fill("#externalName", name);
		page.fill("#externalOrganisation", organisation);
		page.fill("#externalYears", years);
		if (leader) {
			page.check("#leader1");
		}
		page.click("#add-member button:has-text('添加成员')");
		assertThat(page.locator(".flash-success")).hasText("已添加成员“" + name + "”");
	}
}
