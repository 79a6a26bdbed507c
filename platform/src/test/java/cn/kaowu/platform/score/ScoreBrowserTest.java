package cn.kaowu.platform.score;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ORG imports a theory-score file with a bad row (and gets it back with the reason), then the practical scores;
 * during publication it corrects a score; the college sees its scores and the 考证结果 with the right passers.
 */
class ScoreBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	Scheduling scheduling;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theOrgImportsScoresAndTheCollegeSeesScoresAndPassers(@TempDir Path dir) throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		PlanView plan = s.r().plan();
		var org = s.r().setting().orgScope();
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());
		PlanSubjectView theory = ScoreIntegrationTest.subject(plan, "初级", "理论");
		PlanSubjectView practice = ScoreIntegrationTest.subject(plan, "初级", "实操");
		Map<String, String> tickets = new HashMap<>();
		scheduling.publishedSeats(plan.id(), s.r().site().id())
			.forEach(st -> tickets.put(st.candidateId() + ":" + st.planSubjectId(), st.ticketNumber()));
		var zero = s.people().get(0);
		var one = s.people().get(1);
		var two = s.people().get(2);

		clock.setInstant(plan.scoreRegistration().opensAt());
		login(s.r().setting().orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=成绩登记");
		assertThat(page.locator("h1")).containsText(plan.name());
		assertThat(page.locator("#score-state")).hasText("登记中");
		assertThat(page.locator("#subject-table tr[data-subject='初级理论']")).containsText("44");

		// Theory: three rows, the third with a score in words.
		Path theoryFile = dir.resolve("理论成绩.xlsx");
		Files.write(theoryFile, sheet(List.of(
				row(tickets.get(zero.id() + ":" + theory.id()), zero.id(), "初级理论", "80"),
				row(tickets.get(one.id() + ":" + theory.id()), one.id(), "初级理论", "59"),
				row(tickets.get(two.id() + ":" + theory.id()), two.id(), "初级理论", "六十"))));
		page.setInputFiles("#import-file", theoryFile);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 2 条，失败 1 条",
				new ContainsTextOptions().setTimeout(30_000));
		Download report = page.waitForDownload(() -> page.click("text=下载失败明细"));
		List<String> reasons = new ArrayList<>();
		Spreadsheets.read("f", "r.xlsx", Files.readAllBytes(report.path()),
				List.of("准考证号", "身份证号", "科目", "成绩", "备注", "失败原因"), r -> reasons.add(r.get("失败原因")));
		assertThat(reasons).containsExactly("第 4 行，成绩：成绩须为数字，最多一位小数（填写的是“六十”）");
		screenshot("score-import-job");

		// Practical marks of the same two.
		page.click(".sidebar >> text=成绩登记");
		Path practiceFile = dir.resolve("实操成绩.xlsx");
		Files.write(practiceFile, sheet(List.of(row(tickets.get(zero.id() + ":" + practice.id()), zero.id(), "初级实操", "60"),
				row(tickets.get(one.id() + ":" + practice.id()), one.id(), "初级实操", "90"))));
		page.setInputFiles("#import-file", practiceFile);
		page.click("#import-form button[type=submit]");
		page.waitForURL("**/jobs/*");
		assertThat(page.locator(".card").last()).containsText("成功 2 条，失败 0 条",
				new ContainsTextOptions().setTimeout(30_000));
		page.click(".sidebar >> text=成绩登记");
		assertThat(page.locator("#subject-table tr[data-subject='初级理论'] td").nth(6)).hasText("2");
		screenshot("score-registration");

		// Publication: the ORG corrects 59 → 60 with a reason.
		clock.setInstant(plan.publication().opensAt());
		page.click(".sidebar >> text=科目成绩");
		String oneTheory = "#score-table tr[data-ticket='" + tickets.get(one.id() + ":" + theory.id())
				+ "'][data-subject='初级理论']";
		assertThat(page.locator(oneTheory + " td.score")).hasText("59.0");
		page.click(oneTheory + " summary");
		page.fill(oneTheory + " input[name=score]", "60");
		page.fill(oneTheory + " input[name=reason]", "复查：漏评一题");
		page.click(oneTheory + " button[type=submit]");
		assertThat(page.locator(".flash-success")).containsText("60.0");
		assertThat(page.locator(oneTheory + " td.score")).hasText("60.0");
		screenshot("score-correction");
		page.click("text=退出");

		// The college: its scores, then 考证结果 with the two passers and no scores.
		login(s.r().setting().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=科目成绩");
		assertThat(page.locator("h1")).containsText(plan.name());
		assertThat(page.locator("#score-table tbody tr")).hasCount(4);
		assertThat(page.locator("#score-table tbody")).containsText("********");
		assertThat(page.locator("#score-table summary")).hasCount(0);
		screenshot("score-college-list");
		page.click(".sidebar >> text=考证结果");
		var junior = page.locator("#level-table tr[data-level='初级']");
		assertThat(junior.locator("td.passed")).hasText("2");
		assertThat(junior.locator("td.failed")).hasText("42");
		assertThat(page.locator("#passer-table tbody tr")).hasCount(2);
		assertThat(page.locator("#passer-table tbody")).containsText(zero.name());
		assertThat(page.locator("#passer-table tbody")).containsText(one.name());
		// No scores on the passers' page, as in the seed: exactly these columns (the unique test names contain digits,
		// so "no 80 anywhere" would be a coin toss).
		assertThat(page.locator("#passer-table thead th")).hasText(new String[] { "姓名", "身份证号", "所属院校", "考核证书", "结果" });
		screenshot("score-certificates");
		Download export = page.waitForDownload(() -> page.click("#export"));
		List<String> ids = new ArrayList<>();
		Spreadsheets.read("f", "e.xlsx", Files.readAllBytes(export.path()),
				List.of("姓名", "身份证号", "所属院校", "考核证书", "考证结果"), r -> ids.add(r.get("身份证号")));
		assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).contains("********"));
	}

	private List<String> row(String ticket, long candidateId, String subject, String score) {
		String id = enrollments.idNumber(candidateId);
		return List.of(ticket, id.substring(id.length() - 4), subject, score, "");
	}

	private static byte[] sheet(List<List<String>> rows) {
		return Spreadsheets.sheet("成绩", ImportScores.COLUMNS.values().stream().map(h -> new Spreadsheets.Column(h, 14))
			.toList(), rows);
	}
}
