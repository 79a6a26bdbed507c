package cn.kaowu.platform.candidate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CandidateBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Test
	void aCollegeDownloadsTheTemplateImportsUploadsPhotosAndVerifies(@org.junit.jupiter.api.io.TempDir Path dir)
			throws Exception {
		AccountView admin = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		login(admin.username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考生管理");
		assertThat(page.locator("h1")).containsText("考生管理");
		assertThat(page.locator("#tab-COLLEGE")).hasClass(java.util.regex.Pattern.compile("active"));

		Download download = page.waitForDownload(() -> page.click("#download-template"));
		Path template = download.path();
		List<String> headers = new ArrayList<>();
		Spreadsheets.read("f", "t.xlsx", Files.readAllBytes(template), CandidateMother.HEADERS, r -> {
		});
		assertThat(download.suggestedFilename()).isEqualTo("本校学生导入模板.xlsx");

		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			rows.add(CandidateMother.row(i));
		}
		List<String> bad = CandidateMother.row(5);
		bad.set(0, "张三丰");
		bad.set(1, "Zhang Sanfen");
		rows.add(bad);
		Path xlsx = dir.resolve("考生.xlsx");
		Files.write(xlsx, CandidateIntegrationTest.xlsx(rows));
		page.setInputFiles("#import-file", xlsx);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 4 条，失败 1 条",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		// One progress bar: the live one, not also the one rendered when the page opened.
		assertThat(page.locator(".job-progress")).hasCount(1);
		screenshot("candidate-import-job");

		page.click(".sidebar >> text=考生管理");
		assertThat(page.locator("#candidate-table tbody tr")).hasCount(4);
		assertThat(page.locator("#candidate-table tbody")).containsText(ChineseIdNumber.mask(rows.get(0).get(4)));
		assertThat(page.locator("#candidate-table tbody")).not().containsText(rows.get(0).get(4));
		assertThat(page.locator("#candidate-table tbody")).containsText("无照片");

		Map<String, byte[]> photos = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			photos.put(rows.get(i).get(4) + ".jpg", Photos.image(295, 413, "jpg"));
		}
		Path zip = dir.resolve("照片.zip");
		Files.write(zip, Photos.zip(photos));
		page.setInputFiles("#photos-file", zip);
		page.click("#photos-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 3 条，失败 0 条",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

		page.click(".sidebar >> text=考生管理");
		assertThat(page.locator("#candidate-table tbody")).containsText("信息待认证");
		page.check("[data-check-all=ids]");
		page.click("#batch-verify");
		assertThat(page.locator(".flash-success")).containsText("信息准确 3 人");
		assertThat(page.locator("#candidate-table tbody tr:has-text('信息准确')")).hasCount(3);
		screenshot("candidate-list");

		// 编辑 shows the full numbers (an audited view) and offers the export of everything about the candidate.
		page.click("#candidate-table tbody tr:has-text('" + ChineseIdNumber.mask(rows.get(0).get(4)) + "') >> text=编辑");
		assertThat(page.locator("#idNumber")).hasValue(rows.get(0).get(4));
		assertThat(page.locator("body")).containsText("每次打开都记入审计日志");
		screenshot("candidate-edit-personal-data");
		com.microsoft.playwright.Download export = page.waitForDownload(() -> page.click("form[action*='personal-data'] button"));
		org.assertj.core.api.Assertions.assertThat(export.suggestedFilename()).startsWith("个人信息-").endsWith(".zip");
		page.goBack();

		page.click("#tab-SOCIAL");
		assertThat(page.locator("#candidate-table tbody")).containsText("暂无数据");
	}
}
