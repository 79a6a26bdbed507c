package cn.kaowu.platform.room;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.staff.Major;
import cn.kaowu.platform.staff.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The college sets a room and submits an invigilator; the ORG approves it. */
class RoomBrowserTest extends BrowserTestSupport {

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
	PlanManagement plans;

	@Autowired
	StaffManagement staff;

	@Autowired
	AdjustableClock clock;

	@Test
	void theCollegeSetsARoomAndSubmitsAnInvigilatorTheOrgApproves() {
		RoomMother mother = new RoomMother(world, pilot, catalog, sites, checklists, plans, staff, clock);
		RoomMother.World w = mother.world();
		PlanView plan = mother.publishedPlan(w);
		mother.invigilator(w.s().collegeScope(), "周婷", "计算机与软件学院", new Major("软件技术", "510203"));

		login(w.s().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考场管理");
		assertThat(page.locator("h1")).containsText(plan.name());
		assertThat(page.locator("#room-state")).hasText("未排考");
		page.click("#new-room");
		page.click("#save");
		assertThat(page.locator(".field.invalid:has(#name) .error")).hasText("请填写考场名称");
		assertThat(page.locator(".field.invalid:has(#subjects) .error")).hasText("请选择考试科目");
		screenshot("room-form-errors");
		page.locator("#subjects input[type=checkbox]").first().check();
		page.fill("#name", "明德楼 A301 机房");
		page.fill("#seats", "45");
		page.fill("#address", "江苏省南京市栖霞区");
		page.fill("#detailAddress", "明德楼三楼");
		page.click("#save");
		assertThat(page.locator(".flash-success")).hasText("已设置考场“明德楼 A301 机房”");
		assertThat(page.locator("#room-table tbody tr")).hasCount(1);
		assertThat(page.locator("#room-table tbody")).containsText("机考考场");
		assertThat(page.locator("#staffing")).containsText("已通过的监考人员少于应配人数");
		screenshot("room-list");

		page.click("#invigilators");
		page.locator("#submit-form input[type=checkbox]").first().check();
		page.click("#submit-invigilators");
		assertThat(page.locator(".flash-success")).containsText("已提交 1 名监考人员");
		assertThat(page.locator("#invigilator-table tbody")).containsText("待审核");
		assertThat(page.locator("#invigilator-table tbody")).containsText("软件技术(510203)");
		screenshot("room-invigilators");

		page.click("text=退出");
		login(w.s().orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=监考审核");
		var row = page.locator("#review-table tbody tr:has-text('周婷')");
		assertThat(row).containsText("计算机与软件学院");
		screenshot("room-review");
		row.locator("button:has-text('通过')").click();
		assertThat(page.locator(".flash-success")).hasText("已通过：周婷");
		assertThat(page.locator("#review-table tbody tr:has-text('周婷')")).containsText("已通过");
		screenshot("room-review-approved");
	}
}
