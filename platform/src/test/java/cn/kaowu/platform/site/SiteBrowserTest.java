package cn.kaowu.platform.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flow in the browser: the province publishes a batch, a college applies and is approved, applies
 * for a site with a real PDF and PNG, the ORG returns it, the college fixes and resubmits, the ORG approves
 * ticking the checklist, and the province sees the filing and downloads the certificate.
 */
class SiteBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	QualificationChecklists checklists;

	@Autowired
	AdjustableClock clock;

	void as(AccountView account) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		context.clearCookies();
		page.navigate("about:blank");
		login(account.username(), TestWorld.PASSWORD);
	}

	@Test
	void fromPilotBatchToFiledSite() throws Exception {
		Setting s = new PilotMother(world, pilot, catalog, clock).setting();
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("部署模式", "每个考场至少 1 台服务器、1 台监考机、40 台考生机", "004"));
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("监控设备", "至少两路 200 万像素以上", "004"));
		page.onDialog(dialog -> dialog.accept());
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		String batchName = TestWorld.unique("浏览器批次");

		// 1. The province publishes a batch.
		as(s.provinceAccount());
		page.click(".sidebar >> text=申报批次");
		page.click("text=新建申报批次");
		page.fill("#name", batchName);
		page.fill("#windowStart", today.minusDays(1) + "T00:00");
		page.fill("#windowEnd", today.plusDays(30) + "T23:59");
		screenshot("site-01-batch-form");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".flash-success")).containsText(batchName);
		page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(batchName))
			.locator("button:has-text('发布')")
			.click();
		assertThat(page.locator(".flash-success")).containsText("已发布");
		screenshot("site-02-batches");

		// 2. The college applies for the pilot.
		as(s.collegeAccount());
		page.click(".sidebar >> text=证书试点申报");
		assertThat(page.locator("#plan")).containsText(batchName);
		screenshot("site-03-pilot-plan");
		page.click("#plan >> text=申报证书试点");
		page.selectOption("#certificateId", String.valueOf(s.certificate().id()));
		page.check("input[name=levels][value=JUNIOR]");
		page.fill("[name='majors[0].name']", "电子商务");
		page.fill("[name='majors[0].code']", "530701");
		page.fill("[name='majors[1].name']", "网络营销与直播电商");
		page.fill("[name='majors[1].code']", "530703");
		page.fill("#plannedTrainees", "200");
		page.fill("#teacherDescription", "电子商务专业教师 12 人");
		page.fill("#facilityDescription", "实训机房 3 个，共 150 个机位");
		screenshot("site-04-pilot-form");
		page.click("button[name=submit]");
		assertThat(page.locator(".flash-success")).containsText("已提交");
		assertThat(page.locator("h1 .tag")).hasText("待审核");

		// 3. The province approves with the scale.
		as(s.provinceAccount());
		page.click(".sidebar >> text=试点审批");
		page.click("#applications a:text-is('审核')");
		page.fill("#approvedTrainees", "200");
		screenshot("site-05-pilot-review");
		page.click("button:has-text('审核通过')");
		assertThat(page.locator("h1 .tag")).hasText("审核通过");

		// 4. The college applies for the site, uploading a real PDF and PNG.
		as(s.collegeAccount());
		page.click(".sidebar >> text=考核站点申报");
		page.click(".page-head >> text=申报考核站点");
		page.selectOption("#certificateId", String.valueOf(s.certificate().id()));
		page.fill("#contactName", "陈老师");
		page.fill("#contactPhone", "13805171234");
		page.fill("#roomCount", "1");
		page.fill("#seatCount", "40");
		page.fill("#description", "实训楼 A301 机房");
		page.setInputFiles("#applicationForm",
				new FilePayload("申请表.pdf", "application/pdf", SiteMother.pdf("网店运营推广考核站点申请表")));
		page.setInputFiles("#photos", new FilePayload("机房.png", "image/png", SiteMother.png(0x3A6EA5)));
		screenshot("site-06-site-form");
		page.click("button[name=submit]");
		assertThat(page.locator(".flash-success")).containsText("已提交");
		String siteName = s.college().name() + s.certificate().name() + "考核站点";
		assertThat(page.locator("h1")).containsText(siteName);
		assertThat(page.locator(".photos img")).hasCount(1);
		screenshot("site-07-site-submitted");

		// 5. The ORG returns it with a reason.
		as(s.orgAccount());
		page.click(".sidebar >> text=站点审核");
		assertThat(page.locator("#sites")).containsText(siteName);
		screenshot("site-08-review-queue");
		page.click("#sites a:text-is('审核')");
		page.fill("#reason", "座位数不足 40 个考位的机房，请补充照片");
		page.click("button:has-text('退回')");
		assertThat(page.locator("h1 .tag")).hasText("审核退回");

		// 6. The college sees the reason, fixes and resubmits.
		as(s.collegeAccount());
		page.click(".sidebar >> text=考核站点申报");
		assertThat(page.locator("#sites")).containsText("审核退回");
		page.click("#sites >> text=" + siteName);
		assertThat(page.locator("#return-reason")).containsText("座位数不足");
		screenshot("site-09-returned");
		page.click(".page-head >> text=编辑");
		page.fill("#seatCount", "45");
		page.setInputFiles("#photos", new FilePayload("监控.png", "image/png", SiteMother.png(0x5B8C5A)));
		page.click("button[name=submit]");
		assertThat(page.locator("h1 .tag")).hasText("待审核");
		assertThat(page.locator(".photos img")).hasCount(2);

		// 7. The ORG approves, ticking the checklist.
		as(s.orgAccount());
		page.click(".sidebar >> text=站点审核");
		page.click("#sites a:text-is('审核')");
		Locator rows = page.locator("#review tbody tr");
		assertThat(rows).hasCount(2);
		rows.nth(0).locator("input[value=true]").check();
		rows.nth(1).locator("input[value=true]").check();
		rows.nth(1).locator("input[type=text]").fill("两路 1080P");
		screenshot("site-10-review-checklist");
		page.click("button:has-text('审核通过')");
		assertThat(page.locator("h1 .tag")).hasText("审核通过");
		assertThat(page.locator(".flash-success")).containsText("站点编号");
		screenshot("site-11-approved");

		// 8. The province sees the filing and downloads the certificate.
		as(s.provinceAccount());
		page.click(".sidebar >> text=站点备案");
		Locator row = page.locator("#sites tbody tr").first();
		assertThat(row).containsText(siteName);
		assertThat(row).containsText("-" + s.province().code() + "-001");
		screenshot("site-12-filings");
		Download download = page.waitForDownload(() -> row.locator("text=资格证书").click());
		Path pdf = Path.of("target", "screenshots", "site-qualification-certificate.pdf");
		download.saveAs(pdf);
		byte[] bytes = Files.readAllBytes(pdf);
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}
}
