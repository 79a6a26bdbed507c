package cn.kaowu.platform.review;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.spreadsheet.Spreadsheets;

/**
 * A scheduled plan whose scores are registered by the ORG's import: person 0 theory 0 and practice 55, person 1 theory
 * 70 and practice 80, person 2 theory 缺考 and practice 40. The clock is left at the start of publication.
 */
class ReviewMother {

	private final ScheduleMother schedules;

	private final Scheduling scheduling;

	private final EnrollmentMother enrollments;

	private final ScoreManagement scores;

	private final Jobs jobs;

	private final AdjustableClock clock;

	ReviewMother(ScheduleMother schedules, Scheduling scheduling, EnrollmentMother enrollments, ScoreManagement scores,
			Jobs jobs, AdjustableClock clock) {
		this.schedules = schedules;
		this.scheduling = scheduling;
		this.enrollments = enrollments;
		this.scores = scores;
		this.jobs = jobs;
		this.clock = clock;
	}

	record World(ScheduleMother.Setup s, PlanView plan, Scope org, Scope college, PlanSubjectView theory,
			PlanSubjectView practice) {

		long person(int i) {
			return s.people().get(i).id();
		}

		String name(int i) {
			return s.people().get(i).name();
		}
	}

	World inPublication() throws InterruptedException {
		ScheduleMother.Setup s = schedules.setup();
		PlanView plan = s.r().plan();
		Scope org = s.r().setting().orgScope();
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());
		Map<String, String> tickets = new HashMap<>();
		scheduling.publishedSeats(plan.id(), s.r().site().id())
			.forEach(st -> tickets.put(st.candidateId() + ":" + st.planSubjectId(), st.ticketNumber()));
		PlanSubjectView theory = subject(plan, "理论");
		PlanSubjectView practice = subject(plan, "实操");
		List<List<String>> rows = List.of(row(tickets, s, 0, theory, "0", ""), row(tickets, s, 0, practice, "55", ""),
				row(tickets, s, 1, theory, "70", ""), row(tickets, s, 1, practice, "80", ""),
				row(tickets, s, 2, theory, "", "缺考"), row(tickets, s, 2, practice, "40", ""));
		byte[] file = Spreadsheets.sheet("成绩", List.of(new Spreadsheets.Column("*准考证号", 12),
				new Spreadsheets.Column("*身份证号", 12), new Spreadsheets.Column("*科目", 12),
				new Spreadsheets.Column("成绩", 12), new Spreadsheets.Column("备注", 12)), rows);
		clock.setInstant(plan.scoreRegistration().opensAt());
		JobView job = scores.startImport(org, plan.id(), "成绩.xlsx", file);
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (!jobs.get(org, job.id()).state().finished() && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		JobView done = jobs.get(org, job.id());
		if (done.succeeded() != 6) {
			throw new AssertionError("score import: " + done);
		}
		clock.setInstant(plan.publication().opensAt());
		return new World(s, plan, org, s.r().college(), theory, practice);
	}

	private static PlanSubjectView subject(PlanView plan, String name) {
		return plan.subjects().stream().filter(x -> x.level().label().equals("初级") && x.subjectName().equals(name))
			.findFirst().orElseThrow();
	}

	private List<String> row(Map<String, String> tickets, ScheduleMother.Setup s, int i, PlanSubjectView subject,
			String score, String note) {
		long id = s.people().get(i).id();
		String number = enrollments.idNumber(id);
		return List.of(tickets.get(id + ":" + subject.id()), number.substring(number.length() - 4),
				"初级" + subject.subjectName(), score, note);
	}
}
