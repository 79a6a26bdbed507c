package cn.kaowu.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 2026 arrangement ships with the platform; the administrator maintains the rest. */
@IntegrationTest
class WorkingCalendarIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestWorld world;

	@Test
	void knowsTheOfficial2026Arrangement() {
		assertThat(calendar.isComplete(2026)).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("春节调休上班（周六）").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("春节（周一）").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-09"))).as("劳动节调休上班（周六）").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("国庆节调休上班（周日）").isTrue();
		// Two working days after Wednesday 30 September: the National Day week is skipped.
		assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-09-30"), 2)).isEqualTo("2026-10-09");
		// A review submitted at 16:00 on 30 September is due by the end of 9 October (Beijing time).
		assertThat(calendar.deadline(Instant.parse("2026-09-30T08:00:00Z"), 2))
			.isEqualTo(Instant.parse("2026-10-09T16:00:00Z"));
	}

	@Test
	void theAdministratorAddsADayAndDeadlinesFollowAtOnce() {
		Scope admin = world.scopeOf(world.admin());
		LocalDate monday = LocalDate.parse("2027-02-08");
		assertThat(calendar.isWorkingDay(monday)).isTrue();
		calendar.setDay(admin, monday, DayKind.HOLIDAY, "春节");
		assertThat(calendar.isWorkingDay(monday)).isFalse();
		assertThat(calendar.plusWorkingDays(LocalDate.parse("2027-02-05"), 1)).isEqualTo("2027-02-09");
		calendar.removeDay(admin, monday);
		assertThat(calendar.isWorkingDay(monday)).isTrue();

		Scope college = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		assertThatThrownBy(() -> calendar.setDay(college, monday, DayKind.HOLIDAY, "x"))
			.isInstanceOf(AccessDeniedProblem.class);
	}

	@Test
	void theApiAnswersEveryAccount() {
		var account = world.account(Role.ORG, world.trainingOrg());
		ApiClient api = new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
		var r = api.get("/api/v1/calendar/working-days?from=2026-09-30&n=2");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.text("day")).isEqualTo("2026-10-09");
		assertThat(api.get("/api/v1/calendar/2026").body().size()).isGreaterThanOrEqualTo(39);
		assertThat(api.get("/api/v1/calendar/working-days?from=2026-09-30&n=400").fieldError("n"))
			.isEqualTo("n 须在 0～366 之间");
	}
}
