package cn.kaowu.platform.plan;

import java.time.LocalDate;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import com.microsoft.playwright.Dialog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The ORG plans an exam with two subjects and publishes it; a college reads it with its timeline. */
class PlanBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AdjustableClock clock;

	@Test
	void orgPlansAndPublishesACollegeSeesTheTimeline() {
		Setting s = new PilotMother(world, pilot, catalog, clock).setting();
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		String name = TestWorld.unique("全国统考");
		page.onDialog(Dialog::accept);

		login(s.orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考核计划");
		page.click("text=新建考核计划");
		page.fill("#name", name);
		page.selectOption("#certificateId", String.valueOf(s.certificate().id()));
		page.fill("#registrationStart", today.minusDays(5) + "T00:00");
		page.fill("#registrationEnd", today.plusDays(10) + "T23:59");
		page.fill("#schedulingStart", today.plusDays(18) + "T00:00");
		page.fill("#schedulingEnd", today.plusDays(20) + "T23:59");
		page.fill("#scoreRegistrationStart", today.plusDays(24) + "T00:00");
		page.fill("#scoreRegistrationEnd", today.plusDays(33) + "T23:59");
		page.fill("#publicationStart", today.plusDays(34) + "T00:00");
		page.fill("#publicationEnd", today.plusDays(40) + "T23:59");
		page.click("main button[type=submit]");
		assertThat(page.locator(".field.invalid .error")).hasText("排考时间须在报名结束后一周内开始：报名结束于 "
				+ today.plusDays(10) + " 23:59，排考最迟 " + today.plusDays(17) + " 23:59 开始");
		page.fill("#schedulingStart", today.plusDays(11) + "T00:00");
		page.fill("#schedulingEnd", today.plusDays(17) + "T23:59");
		page.click("main button[type=submit]");
		assertThat(page.locator(".flash-success")).hasText("考核计划已创建，请设置科目");

		LocalDate examDay = today.plusDays(20);
		page.check("input[type=checkbox][name='subjects[0].included']");
		page.fill("input[name='subjects[0].code']", "491217");
		page.fill("input[name='subjects[0].examDate']", examDay.toString());
		page.fill("input[name='subjects[0].startTime']", "14:00");
		page.fill("input[name='subjects[0].endTime']", "15:00");
		page.check("input[type=checkbox][name='subjects[1].included']");
		page.fill("input[name='subjects[1].code']", "959384");
		page.fill("input[name='subjects[1].examDate']", today.plusDays(15).toString());
		page.fill("input[name='subjects[1].startTime']", "15:30");
		page.fill("input[name='subjects[1].endTime']", "17:00");
		page.click("main button[type=submit]");
		assertThat(page.locator(".flash-error li")).hasText("科目“" + s.certificate().levels().getFirst().displayName()
				+ " 实操”的考试时间须在排考时间结束（" + today.plusDays(17) + " 23:59）之后、成绩登记时间开始（"
				+ today.plusDays(24) + " 00:00）之前");
		screenshot("plan-subjects-error");
		page.fill("input[name='subjects[1].examDate']", examDay.toString());
		page.click("main button[type=submit]");
		assertThat(page.locator(".flash-success")).hasText("科目已保存");
		assertThat(page.locator("table.data.compact tbody tr")).hasCount(2);

		page.click("main button:has-text('发布')");
		assertThat(page.locator(".flash-success")).hasText("考核计划已发布");
		assertThat(page.locator(".page-head h1")).containsText("报名中");
		screenshot("plan-org-detail");
		page.click(".breadcrumb a:text-is('考核计划')");
		assertThat(page.locator("table.data")).containsText(name);
		screenshot("plan-list");

		context.clearCookies();
		login(s.collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考核计划");
		page.selectOption("#certificateId", String.valueOf(s.certificate().id()));
		page.selectOption("#phase", "REGISTRATION");
		page.click("button:has-text('查询')");
		assertThat(page.locator("table.data tbody tr")).hasCount(1);
		assertThat(page.locator("table.data tbody tr")).containsText("报名中");
		assertThat(page.locator("a:text-is('新建考核计划')")).hasCount(0);
		page.click("table.data a:text-is('" + name + "')");
		assertThat(page.locator(".plan-timeline .pt-lane")).hasCount(5);
		assertThat(page.locator(".plan-timeline .pt-lane.pt-current")).containsText("报名");
		assertThat(page.locator(".plan-timeline .pt-lane").nth(2).locator(".pt-bar")).hasCount(2);
		assertThat(page.locator(".pt-now")).containsText("当前");
		assertThat(page.locator("table.data.compact")).containsText(examDay + " 14:00-15:00");
		assertThat(page.locator("main form")).hasCount(0);
		screenshot("plan-college-detail");
	}
}
