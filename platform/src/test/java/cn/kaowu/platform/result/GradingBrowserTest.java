package cn.kaowu.platform.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A grader takes a task in Chromium, is told which criterion is wrong, marks it; the ORG sees the progress. */
class GradingBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	Delivery delivery;

	@Autowired
	ResultIntake intake;

	@Autowired
	Grading grading;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aGraderMarksAnAnonymousTaskCriterionByCriterion() throws Exception {
		GradingMother mother = new GradingMother(schedules, scheduling, bank, delivery, intake, clock);
		GradingMother.World w = mother.world();
		var a = w.seats().get(0);
		mother.upload(w, 1, List.of(GradingMother.candidate(a.ticketNumber(), true, w.itemId(),
				Map.of(a.name() + ".png", "work".getBytes()))));
		AccountView grader = world.account(Role.GRADER, w.setup().r().setting().org());
		grading.assign(w.org(), w.planId(), w.practice().id(), List.of(grader.id()), new BigDecimal("10"));
		String code = jdbc.sql("SELECT code FROM grading_task WHERE exam_package_id = ?").param(w.packageId())
			.query(String.class).single();

		login(grader.username(), TestWorld.PASSWORD);
		page.onDialog(d -> d.accept());
		page.click(".sidebar >> text=阅卷");
		assertThat(page.locator("h1")).hasText("阅卷");
		assertThat(page.locator("#progress")).hasText("我已评 0 份，还可评 1 份");
		page.click("#next");
		assertThat(page.locator("#task-code")).hasText(code);
		assertThat(page.locator("#files")).containsText(code + "-1.png");
		assertThat(page.locator("#stem")).containsText("完成店铺首页装修");
		screenshot("grading-task");
		String html = page.content();
		org.assertj.core.api.Assertions.assertThat(html).doesNotContain(a.ticketNumber()).doesNotContain(a.name())
			.doesNotContain(w.setup().r().site().code());

		page.fill("#score0", "65");
		page.fill("#score1", "30.5");
		page.click("#submit-mark");
		assertThat(page.locator(".field.invalid .error")).hasText("评分项“作品完整”：得分应在 0 至 60 分之间");
		assertThat(page.locator("#score1")).hasValue("30.5");
		page.fill("#score0", "55");
		page.click("#submit-mark");
		assertThat(page.locator(".flash-success")).hasText("任务 " + code + " 已评分：85.5 分");
		assertThat(page.locator("#progress")).hasText("我已评 1 份，还可评 0 份");
		screenshot("grading-queue");

		// The ORG's 阅卷管理 shows the first mark done.
		context.clearCookies();
		login(w.setup().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		page.navigate(url("/grading/manage?planId=" + w.planId()));
		var card = page.locator("[data-subject='" + w.practice().id() + "']");
		assertThat(card.locator(".progress-table tbody td").nth(1)).hasText("1");
		assertThat(card.locator(".grader-table")).containsText(grader.username());
		screenshot("grading-manage");
	}
}
