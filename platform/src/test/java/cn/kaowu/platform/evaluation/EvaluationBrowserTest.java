package cn.kaowu.platform.evaluation;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteMother;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** ORG opens a round, the college reports, the ORG rates: through the pages. */
class EvaluationBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	SiteManagement sites;

	@Autowired
	QualificationChecklists checklists;

	@Autowired
	ExamSites examSites;

	@Autowired
	AdjustableClock clock;

	@Test
	void roundReportAndRating() {
		PilotMother mother = new PilotMother(world, pilot, catalog, clock);
		Setting s = mother.setting();
		mother.approvedPilot(s, s.collegeScope(), s.certificate());
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		SiteView applied = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		sites.submit(s.collegeScope(), applied.id());
		SiteView site = sites.approve(s.orgScope(), applied.id(),
				SiteMother.allMet(checklists.of(s.orgScope(), s.certificate().id())));

		login(s.orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=站点评估");
		page.click("text=发起评估");
		page.selectOption("#certificateId", String.valueOf(s.certificate().id()));
		page.fill("#period", "2024-2026");
		page.click("main button[type=submit]");
		assertThat(page.locator(".field.invalid .error")).hasText("评估周期须为两个连续年度（每两年评估一次）");
		page.fill("#period", "2024-2025");
		page.click("main button[type=submit]");
		assertThat(page.locator(".flash-success")).hasText("评估已发起，已通知 1 个考核站点提交材料");
		screenshot("evaluation-round");

		context.clearCookies();
		login(s.collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=站点评估");
		page.click("table.data a:text-is('查看')");
		page.fill("#reportText", "两年来承办考试 4 场，无违纪事故。");
		page.fill("#planText", "新增一个考场，组织考务人员培训。");
		page.click("main button[type=submit]");
		assertThat(page.locator(".flash-success")).hasText("评估材料已提交");
		screenshot("evaluation-report");

		context.clearCookies();
		login(s.orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=站点评估");
		page.click("table.data a >> nth=0");
		page.click("table.data a:text-is('评定')");
		assertThat(page.locator("table.data")).containsText("暂无数据");
		page.selectOption("#outcome", "SUSPENSION");
		page.click("main button:has-text('确认评定')");
		assertThat(page.locator(".field.invalid .error")).hasText("除“通过”外，评定须写明意见");
		page.selectOption("#outcome", "SUSPENSION");
		page.fill("#comment", "监控设备不足，整改前暂停考试");
		page.click("main button:has-text('确认评定')");
		assertThat(page.locator(".flash-success")).hasText("评定结论已保存并通知站点");
		assertThat(page.locator(".props")).containsText("暂停考试");
		screenshot("evaluation-rated");
		org.assertj.core.api.Assertions.assertThat(examSites.find(site.id()).orElseThrow().operatingStatus())
			.isEqualTo(SiteStatus.SUSPENDED);
	}
}
