package cn.kaowu.platform.review;

import java.nio.file.Files;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreManagement;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The college requests a review (re-marking refused with the reason, then a valid request) and submits it; the ORG
 * answers with a correction; the college sees the answer and downloads the 回执 PDF.
 */
class ReviewBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	ScoreManagement scores;

	@Autowired
	Jobs jobs;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void collegeRequestsOrgAnswersCollegeDownloadsTheReceipt() throws Exception {
		ReviewMother.World w = new ReviewMother(schedules, scheduling, enrollments, scores, jobs, clock).inPublication();
		String person = w.name(0);

		login(w.s().r().setting().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=成绩复查");
		assertThat(page.locator("h1")).containsText(w.plan().name());
		page.selectOption("#candidateId", String.valueOf(w.person(0)));
		page.click("#choose-candidate");
		page.selectOption("#subject-table tr[data-subject='初级实操'] select", "REMARKING");
		page.fill("#statement", "考生认为实操题评分偏低。");
		page.fill("#contactPerson", "王老师");
		page.fill("#contactPhone", "13800000000");
		page.click("#review-form button[type=submit]");
		assertThat(page.locator(".flash-error")).containsText("不对试题重新评阅");

		page.selectOption("#candidateId", String.valueOf(w.person(0)));
		page.click("#choose-candidate");
		page.selectOption("#subject-table tr[data-subject='初级理论'] select", "OBJECTIVE_ZERO_OR_ABSENT");
		page.fill("#statement", "考生参加了理论考试，成绩为 0 分。");
		page.fill("#contactPerson", "王老师");
		page.fill("#contactPhone", "13800000000");
		page.click("#review-form button[type=submit]");
		assertThat(page.locator("#review-status")).containsText("草稿");
		screenshot("review-draft");
		Download form = page.waitForDownload(() -> page.click("#download-form"));
		assertThat(ReviewIntegrationTest.text(Files.readAllBytes(form.path()))).contains("成绩复查申请表", person);
		page.click("#submit-one");
		assertThat(page.locator("#review-table tr[data-name='" + person + "'] td.status")).containsText("已提交");
		screenshot("review-college-list");
		page.click("text=退出");

		login(w.s().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=成绩复查");
		page.click("#review-table tr[data-name='" + person + "'] a.open");
		assertThat(page.locator("#answer-due")).not().hasText("—");
		String row = "#subject-table tr[data-subject='初级理论'] ";
		page.selectOption(row + "select", "CORRECTED");
		page.fill(row + "input[name^=score_]", "8");
		page.fill(row + "input[name^=explanation_]", "核对答题数据后重新计分");
		page.click("#send-answer");
		assertThat(page.locator(".flash-success")).containsText("已答复");
		assertThat(page.locator(row + "td.result")).hasText("更正");
		screenshot("review-answered");
		page.click("text=退出");

		login(w.s().r().setting().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=成绩复查");
		page.click("#review-table tr[data-name='" + person + "'] a.open");
		assertThat(page.locator("#review-status")).containsText("已答复");
		Download receipt = page.waitForDownload(() -> page.click("#download-receipt"));
		byte[] pdf = Files.readAllBytes(receipt.path());
		String text = ReviewIntegrationTest.text(pdf);
		assertThat(text).contains("成绩复查回执", person, "更正为 8.0", "核对答题数据后重新计分");
		page.click("text=考生档案");
		assertThat(page.locator("#case-table")).containsText("0.0 → 8.0");
		screenshot("review-case-file");
	}
}
