package cn.kaowu.platform.enrollment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.candidate.Photos;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.enrollment.EnrollmentMother.Ready;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The college's busiest weeks in one go: import candidates, upload their photos, verify them, register three with
 * the "按证书导入" template and one with the form, see two records each, delete one, export.
 */
@IntegrationTest
class EnrollmentBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	EnrollmentMother mother;

	@Test
	void aCollegeImportsVerifiesRegistersDeletesAndExports(@TempDir Path dir) throws Exception {
		Ready r = mother.ready(200);
		login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);

		// 考生管理: import four, photos for four, verify.
		List<List<String>> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			people.add(CandidateMother.row(i));
		}
		page.click(".sidebar >> text=考生管理");
		Path xlsx = dir.resolve("考生.xlsx");
		Files.write(xlsx, Spreadsheets.sheet("考生",
				CandidateMother.HEADERS.stream().map(h -> new Spreadsheets.Column(h, 12)).toList(), people));
		page.setInputFiles("#import-file", xlsx);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 4 条，失败 0 条", new ContainsTextOptions().setTimeout(30_000));
		page.click(".sidebar >> text=考生管理");
		Map<String, byte[]> photos = new LinkedHashMap<>();
		people.forEach(p -> photos.put(p.get(4) + ".jpg", Photos.image(295, 413, "jpg")));
		Path zip = dir.resolve("照片.zip");
		Files.write(zip, Photos.zip(photos));
		page.setInputFiles("#photos-file", zip);
		page.click("#photos-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 4 条，失败 0 条", new ContainsTextOptions().setTimeout(30_000));
		page.click(".sidebar >> text=考生管理");
		page.check("[data-check-all=ids]");
		page.click("#batch-verify");
		assertThat(page.locator(".flash-success")).containsText("信息准确 4 人");

		// 报考管理: the template, then three candidates by import.
		page.click(".sidebar >> text=报考管理");
		assertThat(page.locator("h1")).containsText("报考管理");
		Download template = page.waitForDownload(() -> page.click("#download-template"));
		assertThat(template.suggestedFilename()).isEqualTo("按证书批量导入报考模板.xlsx");
		Spreadsheets.read("f", "t.xlsx", Files.readAllBytes(template.path()),
				List.copyOf(ImportRegistrations.COLUMNS.values()), row -> {
				});
		String code = catalog.findLevel(r.level(CertificateLevel.JUNIOR)).orElseThrow().code();
		List<List<String>> rows = new ArrayList<>();
		for (List<String> p : people.subList(0, 3)) {
			rows.add(List.of(p.get(0), p.get(4), "院校考生", code, r.setting().certificate().name() + "职业技能等级证书", "初级",
					r.site().code(), r.site().name()));
		}
		Path registrations = dir.resolve("报考.xlsx");
		Files.write(registrations, EnrollmentIntegrationTest.xlsx(rows));
		page.selectOption("#import-plan", String.valueOf(r.plan().id()));
		page.setInputFiles("#import-form input[type=file]", registrations);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 3 条，失败 0 条", new ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator(".card").last()).containsText("3 名考生报考成功，生成 6 条报考记录");
		screenshot("enrollment-import-job");

		// The fourth with the form: plan, candidate, level, site.
		page.click(".sidebar >> text=报考管理");
		page.click("#register-one");
		if (!page.inputValue("#choose-plan").equals(String.valueOf(r.plan().id()))) {
			page.selectOption("#choose-plan", String.valueOf(r.plan().id()));
			page.waitForURL("**/registrations/new?planId=" + r.plan().id() + "**");
		}
		// Candidates already registered for the plan are not offered again.
		assertThat(page.locator("#candidateId")).not().containsText(people.get(0).get(0));
		page.selectOption("#candidateId", new SelectOption().setLabel(people.get(3).get(0) + "（"
				+ ChineseIdNumber.mask(people.get(3).get(4)) + "，电子商务）"));
		page.selectOption("#levelId", String.valueOf(r.level(CertificateLevel.INTERMEDIATE)));
		page.selectOption("#siteId", String.valueOf(r.site().id()));
		screenshot("enrollment-form");
		page.click("#register-submit");
		assertThat(page.locator(".flash-success")).containsText("已为 " + people.get(3).get(0) + " 报考，生成 2 条报考记录");

		// Two records each, masked.
		assertThat(page.locator("#record-table tbody tr")).hasCount(8);
		for (List<String> p : people) {
			assertThat(page.locator("#record-table tbody tr", new com.microsoft.playwright.Page.LocatorOptions()
				.setHasText(ChineseIdNumber.mask(p.get(4))))).hasCount(2);
		}
		assertThat(page.locator("#record-table tbody")).not().containsText(people.get(0).get(4));
		assertThat(page.locator("#record-table tbody")).containsText("未排考");
		screenshot("enrollment-records");

		// Delete one record of the first candidate.
		page.onDialog(d -> d.accept());
		page.locator("#record-table tbody tr", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText(ChineseIdNumber.mask(people.get(0).get(4)))).first().locator("button:has-text('删除')").click();
		assertThat(page.locator(".flash-success")).containsText("已删除 1 条报考记录");
		assertThat(page.locator("#record-table tbody tr")).hasCount(7);
		assertThat(page.locator("#record-total")).hasText("共 7 条报考记录");

		// Export everything listed: seven rows, ID numbers masked.
		Download export = page.waitForDownload(() -> page.click("#export"));
		List<List<String>> sheet = EnrollmentIntegrationTest.read(Files.readAllBytes(export.path()));
		assertThat(sheet).hasSize(8);
		assertThat(sheet.get(0)).containsExactlyElementsOf(EnrollmentManagement.EXPORT_HEADERS);
		assertThat(sheet.subList(1, 8)).allMatch(row -> row.get(2).contains("*"));
		assertThat(String.valueOf(sheet)).doesNotContain(people.get(1).get(4));

		// The fee statement of the plan: 3 初级 × 380 + 1 中级 × 360.
		page.click("#fees");
		assertThat(page.locator("#fee-total")).hasText("1,500.00");
		assertThat(page.locator("h1")).containsText("考试费用");
		screenshot("enrollment-fees");
		assertThat(page.locator("#fee-table")).containsText(Pattern.compile("初级\\s*3\\s*380.00"));
	}
}
