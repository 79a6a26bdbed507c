package cn.kaowu.platform.portal;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A candidate on a phone (390×844), not logged in, looks up their scores: first a typo, then the right pair. */
class PortalBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	Enrollments registrations;

	@Autowired
	Scheduling scheduling;

	@Autowired
	ScoreManagement scores;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aCandidateLooksUpScoresOnAPhone() {
		PortalIntegrationTest.Published p = PortalIntegrationTest.published(schedules, enrollments, registrations,
				scheduling, scores, clock);
		clock.setInstant(p.plan().publication().opensAt());
		page.setViewportSize(390, 844);
		page.navigate(url("/portal"));
		assertThat(page.locator("h1")).hasText("成绩查询");
		assertThat(page.locator("#portal-form input[name=_csrf]")).hasCount(1);

		page.fill("#idNumber", p.idNumber());
		page.fill("#ticketNumber", p.otherTicket());
		page.click("#portal-form button[type=submit]");
		assertThat(page.locator("#portal-error")).containsText("未查询到成绩");
		assertThat(page.locator("#portal-result")).hasCount(0);

		page.fill("#idNumber", p.idNumber());
		page.fill("#ticketNumber", p.ticket());
		page.click("#portal-form button[type=submit]");
		assertThat(page.locator("#portal-error")).hasCount(0);
		String name = p.name();
		assertThat(page.locator("#portal-name"))
			.hasText(name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1));
		assertThat(page.locator(".portal-plan h2")).hasText(p.plan().name());
		assertThat(page.locator("tr[data-subject='初级理论'] td.score")).hasText("75.0");
		assertThat(page.locator("tr[data-subject='初级实操'] td.score")).hasText("缺考");
		// Fits the phone: nothing wider than the viewport.
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		screenshot("portal-score-phone");
	}
}
