package cn.kaowu.platform.bank;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The ORG adds an item, imports three, defines a blueprint and sees it checked; a college gets 403. */
class BankBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AdjustableClock clock;

	@TempDir
	Path dir;

	@Test
	void theOrgBuildsABankAndABlueprintACollegeIsRefused() throws Exception {
		PilotMother.Setting s = new PilotMother(world, pilot, catalog, clock).setting();
		LevelView junior = s.certificate().levels().getFirst();
		SubjectView theory = junior.subjects().stream().filter(x -> x.name().endsWith("理论")).findFirst().orElseThrow();
		SubjectView practice = junior.subjects().stream().filter(x -> x.name().endsWith("实操")).findFirst().orElseThrow();
		String subject = String.valueOf(theory.id());

		login(s.orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=题库管理");
		assertThat(page.locator("h1")).hasText("题库管理");
		page.click("#new-item");
		assertThat(page.locator("#type-SINGLE")).hasClass(java.util.regex.Pattern.compile("active"));
		page.click("#save");
		assertThat(page.locator(".field.invalid:has(#stem) .error")).hasText("请填写题干");
		assertThat(page.locator(".field.invalid:has(#answer) .error")).hasText("请填写答案");
		screenshot("bank-form-errors");
		page.selectOption("#subjectId", subject);
		page.fill("#knowledgeArea", "网店开设");
		page.selectOption("#difficulty", "2");
		page.fill("#points", "20");
		page.fill("#stem", "个人在淘宝开店，实名认证需要提供以下哪种证件？");
		page.fill("#options0", "营业执照");
		page.fill("#options1", "本人身份证");
		page.fill("#options2", "户口本");
		page.fill("#answer", "B");
		screenshot("bank-form-single");
		page.click("#save");
		assertThat(page.locator(".flash-success")).containsText("已新增试题 T");
		assertThat(page.locator("#item-table tbody tr")).hasCount(1);
		assertThat(page.locator("#item-table tbody")).containsText("实名认证");

		// a practical task in the 实操 subject, with its rubric and a file
		page.click("#new-item");
		page.click("#type-PRACTICAL");
		page.selectOption("#subjectId", String.valueOf(practice.id()));
		page.fill("#knowledgeArea", "店铺装修");
		page.selectOption("#difficulty", "4");
		page.fill("#points", "100");
		page.fill("#stem", "按所给素材完成网店首页装修：店招、轮播海报和三个商品推荐位。");
		page.fill("[name='rubric[0].text']", "店招尺寸与内容正确");
		page.fill("[name='rubric[0].points']", "40");
		page.fill("[name='rubric[1].text']", "海报与推荐位完整清晰");
		page.fill("[name='rubric[1].points']", "50");
		page.setInputFiles("#files", new FilePayload("素材.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
		page.click("#save");
		assertThat(page.locator("#rubric.invalid .error")).hasText("评分要点的分值合计 90 分，与本题分值 100 分不一致");
		page.fill("[name='rubric[1].points']", "60");
		page.setInputFiles("#files", new FilePayload("素材.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
		screenshot("bank-form-practical");
		page.click("#save");
		assertThat(page.locator(".flash-success")).containsText("已新增试题 T");
		page.click("#item-table tbody tr:has-text('店铺装修') a:has-text('版本')");
		assertThat(page.locator("#version-1")).containsText("素材.pdf");
		assertThat(page.locator("#version-1")).containsText("海报与推荐位完整清晰（60）");
		screenshot("bank-history-practical");
		page.click(".sidebar >> text=题库管理");

		Path xlsx = dir.resolve("试题.xlsx");
		List<List<String>> rows = List.of(
				List.of("单选", "网店开设", "1", "20", "网店名称最多可以有多少个汉字？", "10", "30", "60", "", "", "", "B", ""),
				List.of("单选", "网店开设", "3", "20", "店铺保证金的作用是什么？", "推广费用", "交易保障", "", "", "", "", "B", ""),
				List.of("判断", "网店推广", "2", "40", "直通车按点击扣费。", "", "", "", "", "", "", "正确", ""));
		Files.write(xlsx, Spreadsheets.sheet("试题",
				ImportItems.COLUMNS.values().stream().map(h -> new Spreadsheets.Column(h, 12)).toList(), rows));
		page.selectOption("#import-subject", subject);
		page.setInputFiles("#import-file", xlsx);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 3 条，失败 0 条",
				new ContainsTextOptions().setTimeout(30_000));
		screenshot("bank-import-job");
		page.click(".sidebar >> text=题库管理");
		assertThat(page.locator("#item-table tbody tr")).hasCount(5);
		page.selectOption("#type", "TRUE_FALSE");
		page.click("#search");
		assertThat(page.locator("#item-table tbody tr")).hasCount(1);
		page.click("#item-table tbody a:has-text('版本')");
		assertThat(page.locator("#version-1")).containsText("正确");
		screenshot("bank-history");

		page.click(".sidebar >> text=题库管理");
		screenshot("bank-list");
		page.click("#blueprint");
		page.selectOption("#subjectId", subject);
		page.waitForLoadState();
		page.selectOption("[name='lines[0].type']", "SINGLE");
		page.fill("[name='lines[0].knowledgeArea']", "网店开设");
		page.fill("[name='lines[0].count']", "4");
		page.fill("[name='lines[0].points']", "20");
		page.selectOption("[name='lines[1].type']", "TRUE_FALSE");
		page.fill("[name='lines[1].knowledgeArea']", "网店推广");
		page.fill("[name='lines[1].count']", "1");
		page.fill("[name='lines[1].points']", "40");
		page.click("#save");
		assertThat(page.locator(".flash-success")).hasText("组卷规则已保存");
		assertThat(page.locator("#check-result")).hasText("不满足");
		assertThat(page.locator("#check-points")).hasText("总分 120 分与科目满分 100 分不一致");
		assertThat(page.locator("#check-table tbody tr").first()).containsText("缺少 1 题");
		screenshot("bank-blueprint-not-satisfied");
		page.fill("[name='lines[0].count']", "3");
		page.click("#save");
		assertThat(page.locator("#check-result")).hasText("满足：题库试题充足，总分等于满分");
		screenshot("bank-blueprint-satisfied");

		page.click("text=退出");
		login(s.collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(page.locator(".sidebar")).not().containsText("题库管理");
		var response = page.navigate(url("/bank"));
		org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
		screenshot("bank-college-403");
	}
}
