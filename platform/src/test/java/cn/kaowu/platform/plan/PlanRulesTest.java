package cn.kaowu.platform.plan;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The window rules at their boundaries: minute-exact, both ends inclusive. */
class PlanRulesTest {

	static final LocalDateTime REG_END = LocalDateTime.of(2026, 6, 3, 23, 59);

	/** The seed's plan: 报名 04-14 ~ 06-03, 排考 06-04 ~ 06-13, 成绩登记 06-27 ~ 07-11, 成绩公示 07-12 ~ 07-18. */
	static PlanForm seedPlan() {
		PlanForm form = new PlanForm();
		form.setRegistrationStart(LocalDateTime.of(2026, 4, 14, 0, 0));
		form.setRegistrationEnd(REG_END);
		form.setSchedulingStart(LocalDateTime.of(2026, 6, 4, 0, 0));
		form.setSchedulingEnd(LocalDateTime.of(2026, 6, 13, 23, 59));
		form.setScoreRegistrationStart(LocalDateTime.of(2026, 6, 27, 0, 0));
		form.setScoreRegistrationEnd(LocalDateTime.of(2026, 7, 11, 23, 59));
		form.setPublicationStart(LocalDateTime.of(2026, 7, 12, 0, 0));
		form.setPublicationEnd(LocalDateTime.of(2026, 7, 18, 23, 59));
		return form;
	}

	@Test
	void theSeedsPlanIsValid() {
		assertThat(PlanRules.windows(seedPlan())).isEmpty();
	}

	@Test
	void schedulingMayStartExactlySevenDaysAfterRegistrationEndsButNotAMinuteLater() {
		PlanForm form = seedPlan();
		form.setSchedulingStart(REG_END.plusDays(7));
		assertThat(PlanRules.windows(form)).isEmpty();

		form.setSchedulingStart(REG_END.plusDays(7).plusMinutes(1));
		assertThat(problems(form)).containsExactly("schedulingStart:plan.window.schedulingTooLate");
		assertThat(PlanRules.windows(form).getFirst().args()).containsExactly("2026-06-03 23:59", "2026-06-10 23:59");
	}

	@Test
	void windowsMayNotShareAMinute() {
		PlanForm form = seedPlan();
		form.setSchedulingStart(REG_END);
		assertThat(problems(form)).containsExactly("schedulingStart:plan.window.overlap");

		form.setSchedulingStart(REG_END.plusMinutes(1));
		assertThat(PlanRules.windows(form)).isEmpty();

		form = seedPlan();
		form.setPublicationStart(form.getScoreRegistrationEnd());
		assertThat(problems(form)).containsExactly("publicationStart:plan.window.overlap");
		form.setPublicationStart(form.getScoreRegistrationEnd().minusDays(1));
		assertThat(problems(form)).containsExactly("publicationStart:plan.window.overlap");

		form = seedPlan();
		form.setScoreRegistrationStart(form.getSchedulingEnd());
		assertThat(problems(form)).containsExactly("scoreRegistrationStart:plan.window.overlap");
	}

	@Test
	void aWindowMustEndAfterItStarts() {
		PlanForm form = seedPlan();
		form.setScoreRegistrationEnd(form.getScoreRegistrationStart());
		assertThat(problems(form)).containsExactly("scoreRegistrationEnd:plan.window.endBeforeStart");

		form.setScoreRegistrationEnd(form.getScoreRegistrationStart().plusMinutes(1));
		assertThat(PlanRules.windows(form)).isEmpty();

		form = seedPlan();
		form.setRegistrationEnd(form.getRegistrationStart().minusMinutes(1));
		assertThat(problems(form)).containsExactly("registrationEnd:plan.window.endBeforeStart");
	}

	@Test
	void missingTimesAreNamedPerField() {
		PlanForm form = seedPlan();
		form.setRegistrationStart(null);
		form.setPublicationEnd(null);
		assertThat(problems(form)).containsExactly("registrationStart:plan.window.start.required",
				"publicationEnd:plan.window.end.required");
		assertThat(problems(new PlanForm())).hasSize(8);
	}

	@Test
	void secondsDoNotCount() {
		PlanForm form = seedPlan();
		form.setSchedulingStart(REG_END.withSecond(59));
		assertThat(problems(form)).containsExactly("schedulingStart:plan.window.overlap");
	}

	@Test
	void examSlotsLieBetweenSchedulingAndScoreRegistration() {
		PlanWindow scheduling = new PlanWindow(LocalDateTime.of(2026, 6, 4, 0, 0), LocalDateTime.of(2026, 6, 13, 23, 59));
		PlanWindow score = new PlanWindow(LocalDateTime.of(2026, 6, 27, 0, 0), LocalDateTime.of(2026, 7, 11, 23, 59));
		assertThat(fits(LocalDateTime.of(2026, 6, 14, 0, 0), LocalTime.of(1, 0), scheduling, score)).isTrue();
		assertThat(fits(LocalDateTime.of(2026, 6, 13, 23, 59), LocalTime.of(0, 59), scheduling, score)).isFalse();
		assertThat(fits(LocalDateTime.of(2026, 6, 26, 23, 0), LocalTime.of(0, 0), scheduling, score)).isTrue();
		assertThat(fits(LocalDateTime.of(2026, 6, 26, 23, 1), LocalTime.of(0, 1), scheduling, score)).isFalse();
	}

	private static boolean fits(LocalDateTime start, LocalTime end, PlanWindow scheduling, PlanWindow score) {
		LocalDateTime endAt = end.isAfter(start.toLocalTime()) ? start.toLocalDate().atTime(end)
				: start.toLocalDate().plusDays(1).atTime(end);
		return PlanRules.slotFits(start.atZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA).toInstant(),
				endAt.atZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA).toInstant(), scheduling, score);
	}

	private static List<String> problems(PlanForm form) {
		return PlanRules.windows(form).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

}
