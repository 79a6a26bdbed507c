package cn.kaowu.platform.schedule;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.staff.StaffManagement;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The ORG schedules and publishes a plan; the college sees its rooms and downloads the materials. */
@IntegrationTest
class ScheduleBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theOrgSchedulesAndPublishesAndTheCollegeDownloadsTheMaterials() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		String planName = s.r().plan().name();

		login(s.r().setting().orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=排考管理");
		page.click("#plan-table tr:has-text('" + planName + "') >> text=查看");
		assertThat(page.locator("#site-table tbody")).containsText("未排考");
		page.click("#run-all");
		// A background job with its live progress page.
		page.waitForURL("**/jobs/*");
		assertThat(page.locator("section")).containsText("排考完成：1 个站点，96 条报考记录",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		screenshot("schedule-job");
		page.click(".sidebar >> text=排考管理");
		page.click("#plan-table tr:has-text('" + planName + "') >> text=查看");
		assertThat(page.locator("#site-table tbody")).containsText("已排考（未发布）");
		page.onDialog(d -> d.accept());
		page.click("#publish");
		assertThat(page.locator(".flash-success")).containsText("已发布 1 个站点的排考结果");
		screenshot("schedule-plan");

		// After publication a change is a move: the first of 一号机房 to seat 20 of 二号机房 (6 seats free there).
		page.click("#site-table >> text=查看考场");
		var card = page.locator(".card:has(h2:has-text('一号机房'))").first();
		var firstRow = card.locator("tbody tr").first();
		String ticket = firstRow.locator("td").nth(1).innerText();
		firstRow.locator("select[name=roomId]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("二号机房"));
		firstRow.locator("input[name=seat]").fill("20");
		firstRow.locator("button:has-text('调整座位')").click();
		assertThat(page.locator(".flash-success")).containsText("已调整座位");
		assertThat(page.locator(".card:has(h2:has-text('二号机房')):has(h2:has-text('初级理论'))").locator("tbody")).containsText(ticket);
		page.click("text=退出");

		login(s.r().setting().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=排考管理");
		page.click("#plan-table tr:has-text('" + planName + "') >> text=查看");
		assertThat(page.locator("#site-table tbody")).containsText("已发布");
		page.click("#site-table >> text=查看考场");
		assertThat(page.locator("h2").first()).containsText("机房");
		assertThat(page.locator("section")).containsText("监考员：");
		screenshot("schedule-site");
		Download zip = page.waitForDownload(() -> page.click("#materials"));
		assertThat(zip.suggestedFilename()).startsWith("考务材料-").endsWith(".zip");
		List<String> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip.path())))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.add(e.getName());
			}
		}
		assertThat(entries).anyMatch(e -> e.endsWith("准考证.pdf")).anyMatch(e -> e.endsWith("门贴.pdf"));
	}
}
