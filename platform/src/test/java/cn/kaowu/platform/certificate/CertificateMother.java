package cn.kaowu.platform.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.spreadsheet.Spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate tests' world: a plan whose scores are locked, with two passers and one failure. */
@org.springframework.boot.test.context.TestComponent
public class CertificateMother {

	private final TestWorld world;

	private final ScheduleMother schedules;

	private final Scheduling scheduling;

	private final EnrollmentMother enrollments;

	private final ScoreManagement scores;

	private final Jobs jobs;

	private final AdjustableClock clock;

	private final CertificateManagement certificates;

	public CertificateMother(TestWorld world, ScheduleMother schedules, Scheduling scheduling, EnrollmentMother enrollments,
			ScoreManagement scores, Jobs jobs, AdjustableClock clock, CertificateManagement certificates) {
		this.certificates = certificates;
		this.world = world;
		this.schedules = schedules;
		this.scheduling = scheduling;
		this.enrollments = enrollments;
		this.scores = scores;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** The full ID number of a candidate of the mother's plan (stored sealed, so tests cannot read it by SQL). */
	public String idNumber(long candidateId) {
		return enrollments.idNumber(candidateId);
	}

	/**
	 * The plan's list generated and every row confirmed by both sides (the principal names the college admin its
	 * approver; passwords as signatures): final and numbered, in list order.
	 */
	public List<IssueView> numbered(World w) {
		certificates.generate(w.org(), w.plan().id());
		List<Long> ids = certificates.list(w.org(), w.plan().id(), null).stream().map(IssueView::id).toList();
		certificates.delegate(w.principal(), w.admin().accountId());
		certificates.confirm(w.admin(), ids, TestWorld.PASSWORD);
		return certificates.confirm(w.org(), ids, TestWorld.PASSWORD);
	}

	public record World(PlanView plan, Scope org, Scope principal, Scope admin, Scope otherAdmin, List<String> names) {
	}

	/**
	 * A plan with locked scores: person 0 theory 65 / practice 70 and person 1 70 / 80 pass 初级, person 2 (缺考 / 40)
	 * fails. The clock is left at the end of publication.
	 */
	public World lockedPlan() throws InterruptedException {
		ScheduleMother.Setup s = schedules.setup();
		PlanView plan = s.r().plan();
		Scope orgSetup = s.r().setting().orgScope();
		scheduling.run(orgSetup, plan.id(), null);
		scheduling.publish(orgSetup, plan.id());
		Map<String, String> tickets = new HashMap<>();
		scheduling.publishedSeats(plan.id(), s.r().site().id())
			.forEach(st -> tickets.put(st.candidateId() + ":" + st.planSubjectId(), st.ticketNumber()));
		PlanSubjectView theory = subject(plan, "理论");
		PlanSubjectView practice = subject(plan, "实操");
		List<List<String>> rows = List.of(row(tickets, s, 0, theory, "65", ""), row(tickets, s, 0, practice, "70", ""),
				row(tickets, s, 1, theory, "70", ""), row(tickets, s, 1, practice, "80", ""),
				row(tickets, s, 2, theory, "", "缺考"), row(tickets, s, 2, practice, "40", ""));
		byte[] file = Spreadsheets.sheet("成绩", List.of(new Spreadsheets.Column("*准考证号", 12),
				new Spreadsheets.Column("*身份证号", 12), new Spreadsheets.Column("*科目", 12),
				new Spreadsheets.Column("成绩", 12), new Spreadsheets.Column("备注", 12)), rows);
		clock.setInstant(plan.scoreRegistration().opensAt());
		JobView job = scores.startImport(orgSetup, plan.id(), "成绩.xlsx", file);
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (!jobs.get(orgSetup, job.id()).state().finished() && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		assertThat(jobs.get(orgSetup, job.id()).succeeded()).isEqualTo(6);
		clock.setInstant(plan.publication().closesAt());
		long collegeId = s.r().college().organisationId();
		Scope org = world.scopeOf(world.account(Role.ORG, world.orgById(plan.organisationId())));
		Scope principal = world.scopeOf(world.account(Role.COLLEGE_PRINCIPAL, world.orgById(collegeId)));
		Scope admin = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.orgById(collegeId)));
		Scope otherAdmin = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		return new World(plan, org, principal, admin, otherAdmin,
				List.of(s.people().get(0).name(), s.people().get(1).name(), s.people().get(2).name()));
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
