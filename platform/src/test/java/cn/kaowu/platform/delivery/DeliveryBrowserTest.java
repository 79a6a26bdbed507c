package cn.kaowu.platform.delivery;

import java.util.regex.Pattern;

import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The college creates its site server's enrolment code; the ORG builds the packages and reads an emergency code. */
@IntegrationTest
class DeliveryBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	Delivery delivery;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theCollegeEnrolsItsServerAndTheOrgBuildsPackagesAndReadsAnEmergencyCode() {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanSubjectView theory = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "理论");
		PlanSubjectView practice = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "实操");
		DeliveryIntegrationTest.bank(bank, org, theory, practice);
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());

		login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=考点服务器");
		assertThat(page.locator("#server-table tbody")).containsText("未注册");
		page.click("#server-table >> text=生成注册码");
		String token = page.locator("#token").innerText().strip();
		screenshot("delivery-token");
		// The site server enrols with the code (its side is tested in examsite).
		delivery.enrol(r.site().code(), token, Sm2Keys.toPem(Sm2Keys.generateKeyPair().getPublic()));
		page.click(".sidebar >> text=考点服务器");
		assertThat(page.locator("#server-table tbody")).containsText("已注册");
		page.click("text=退出");

		login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		page.click(".sidebar >> text=试卷包");
		if (!page.inputValue("#planId").equals(String.valueOf(r.plan().id()))) {
			page.selectOption("#planId", String.valueOf(r.plan().id()));
			page.waitForURL("**/delivery/packages?planId=" + r.plan().id() + "**");
		}
		page.click("#build");
		// A background job with live progress (each package costs 0.6 s of key derivation).
		page.waitForURL("**/jobs/*");
		assertThat(page.locator("section")).containsText("已生成试卷包 2 个",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		page.navigate(url("/delivery/packages?planId=" + r.plan().id()));
		assertThat(page.locator("#package-table tbody tr")).hasCount(2);
		page.onDialog(d -> d.accept());
		page.locator("#package-table >> text=应急解锁码").first().click();
		assertThat(page.locator("#code")).hasText(Pattern.compile("\\d{5}-\\d{5}-\\d{5}-\\d{5}"));
		screenshot("delivery-packages");
		// 成绩回收: both packages wait for their results, 44 registered each.
		page.click("#intake-link");
		assertThat(page.locator("#intake-table tbody tr")).hasCount(2);
		assertThat(page.locator("#intake-table tbody .state").first()).hasText("待上传");
		assertThat(page.locator("#intake-table tbody tr").first().locator("td.num").first()).hasText("44");
		screenshot("result-intake");
	}
}
