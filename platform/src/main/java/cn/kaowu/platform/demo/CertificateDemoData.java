package cn.kaowu.platform.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.certificate.IssueView;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.plan.PlanForm;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanSubjectsForm;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreLocks;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A finished plan for the tail of the cycle: hongke's 第一次 网店运营推广 exam about ten weeks ago, with 12 candidates of
 * 南京工业职业技术大学 registered, seated, scored, published and locked; the principal's stamp and the 证书发放名单 with
 * six certificates confirmed by both sides (numbered, so 证书查验 and the portal work) and four waiting for the
 * college's approver. The steps run through the services with the demo clock moved to each window and put back
 * afterwards. Prints one lookup example. Skipped when hongke already has the plan.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class CertificateDemoData implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(CertificateDemoData.class);

	private static final String NAME_PART = "年第一次网店运营推广全国统考";

	/** Theory and practice per person: person 10 fails practice, person 11 missed theory. */
	private static final String[][] SCORES = { { "86", "88.5" }, { "79", "82" }, { "91.5", "90" }, { "68", "75" },
			{ "73", "64" }, { "88", "92" }, { "62", "70.5" }, { "95", "89" }, { "77.5", "81" }, { "84", "66" },
			{ "71", "52" }, { "", "60" } };

	private final PlanManagement plans;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	private final EnrollmentManagement enrollment;

	private final RoomManagement rooms;

	private final InvigilatorManagement invigilators;

	private final StaffManagement staff;

	private final Scheduling scheduling;

	private final ScoreManagement scores;

	private final ScoreLocks locks;

	private final CertificateManagement certificates;

	private final Jobs jobs;

	private final AdjustableClock clock;

	CertificateDemoData(PlanManagement plans, CatalogManagement catalog, OrganisationManagement organisations,
			AccountManagement accounts, EnrollmentManagement enrollment, RoomManagement rooms,
			InvigilatorManagement invigilators, StaffManagement staff, Scheduling scheduling, ScoreManagement scores,
			ScoreLocks locks, CertificateManagement certificates, Jobs jobs, AdjustableClock clock) {
		this.plans = plans;
		this.catalog = catalog;
		this.organisations = organisations;
		this.accounts = accounts;
		this.enrollment = enrollment;
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.staff = staff;
		this.scheduling = scheduling;
		this.scores = scores;
		this.locks = locks;
		this.certificates = certificates;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 95;
	}

	@Override
	public void run() {
		Scope org = DemoScopes.of(accounts, organisations, "hongke");
		boolean present = plans.list(org, PlanManagement.PlanFilter.none(), PageQuery.of(1, 50)).items().stream()
			.anyMatch(p -> p.name().endsWith(NAME_PART));
		if (present) {
			return;
		}
		try {
			build(org);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			clock.reset();
		}
	}

	private void build(Scope org) throws InterruptedException {
		Scope college = DemoScopes.of(accounts, organisations, "njit");
		Scope principal = DemoScopes.of(accounts, organisations, "njit.principal");
		CertificateView certificate = catalog
			.listCertificates(org, new CatalogManagement.CertificateFilter("网店运营推广", org.organisationId(), null),
					PageQuery.of(1, 1))
			.items()
			.getFirst();
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		LocalDate exam = today.minusDays(75).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
		at(exam.minusDays(42));
		PlanView created = plans.create(org,
				PlanForm.of(exam.getYear() + NAME_PART, exam.getYear(), certificate.id(),
						PlanDemoData.window(exam.minusDays(40), exam.minusDays(20)),
						PlanDemoData.window(exam.minusDays(19), exam.minusDays(13)),
						PlanDemoData.window(exam.plusDays(2), exam.plusDays(15)),
						PlanDemoData.window(exam.plusDays(16), exam.plusDays(22))));
		plans.updateSubjects(org, created.id(), PlanSubjectsForm.of(PlanDemoData.slots(certificate, exam)));
		plans.publish(org, created.id());
		PlanView plan = plans.get(org, created.id());

		// 报名: 12 verified candidates at the college's own site, 10 for 初级 and 2 for 中级.
		at(exam.minusDays(39));
		SiteView site = enrollment.sites(college, plan.certificateId()).stream()
			.filter(s -> s.collegeId() == college.organisationId())
			.findFirst()
			.orElse(null);
		if (site == null || plan.levels().isEmpty()) {
			return;
		}
		List<CandidateView> people = enrollment.verifiedCandidates(college, CandidateKind.COLLEGE, null, plan.id());
		int count = Math.min(SCORES.length, people.size());
		for (int i = 0; i < count; i++) {
			PlanLevel level = plan.levels().get(i < 10 || plan.levels().size() == 1 ? 0 : 1);
			enrollment.register(college, RegistrationForm.of(plan.id(), people.get(i).id(), level.levelId(), site.id()));
		}
		rooms.create(college, plan.id(), site.id(), RoomForm.of("明德楼 A302 机房", "江苏省南京市栖霞区羊山北路 1 号",
				"明德楼三楼", 40, subjects(plan, true)));
		rooms.create(college, plan.id(), site.id(), RoomForm.of("实训楼 B206 电商实训室", "江苏省南京市栖霞区羊山北路 1 号",
				"实训楼二楼", 45, subjects(plan, false)));
		List<Long> proctors = staff.all(college, null).stream()
			.filter(p -> p.active() && p.role() == StaffRole.INVIGILATOR)
			.map(StaffView::id)
			.toList();
		for (InvigilatorView v : invigilators.submit(college, plan.id(), site.id(), proctors)) {
			invigilators.approve(org, v.id());
		}

		// 排考 and publication of the seats.
		at(exam.minusDays(19));
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());

		// 成绩登记 by the ORG's import, then the end of 成绩公示 locks them.
		at(exam.plusDays(3));
		Map<Long, Integer> indexOf = new HashMap<>();
		for (int i = 0; i < count; i++) {
			indexOf.put(people.get(i).id(), i);
		}
		List<List<String>> rows = new ArrayList<>();
		String exampleTicket = null;
		for (Scheduling.Seated seat : scheduling.publishedSeats(plan.id(), site.id())) {
			int i = indexOf.get(seat.candidateId());
			PlanSubjectView subject = plan.subjects().stream().filter(s -> s.id() == seat.planSubjectId()).findFirst()
				.orElseThrow();
			boolean theory = subject.examMode() == ExamMode.COMPUTER;
			String score = SCORES[i][theory ? 0 : 1];
			String idNumber = CandidateDemoData.idNumberOf(seat.name());
			rows.add(List.of(seat.ticketNumber(), idNumber.substring(14), subject.level().withSubject(subject.subjectName()),
					score, score.isEmpty() ? "缺考" : ""));
			if (i == 0) {
				exampleTicket = seat.ticketNumber();
			}
		}
		byte[] file = Spreadsheets.sheet("成绩",
				List.of(new Spreadsheets.Column("*准考证号", 20), new Spreadsheets.Column("*身份证号", 12),
						new Spreadsheets.Column("*科目", 14), new Spreadsheets.Column("成绩", 10),
						new Spreadsheets.Column("备注", 10)),
				rows);
		JobView job = scores.startImport(org, plan.id(), "成绩登记.xlsx", file);
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		while (!jobs.get(org, job.id()).state().finished() && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		clock.setInstant(plan.publication().closesAt().plusSeconds(60));
		locks.sweep();

		// 证书: the principal's stamp and delegate, the ORG's list, six rows signed by both sides.
		certificates.acceptAgreement(principal);
		certificates.uploadStamp(principal, "签章.png", stamp());
		certificates.delegateByUsername(principal, "njit");
		certificates.generate(org, plan.id());
		List<Long> ids = certificates.list(org, plan.id(), null).stream().map(IssueView::id).sorted().toList();
		List<Long> signed = ids.subList(0, Math.min(6, ids.size()));
		certificates.confirm(college, signed, DemoDataLoader.DEMO_PASSWORD);
		certificates.confirm(org, signed, DemoDataLoader.DEMO_PASSWORD);
		IssueView first = certificates.get(org, signed.getFirst());
		String firstId = CandidateDemoData.idNumberOf(people.getFirst().name());
		log.info("\n\n=== 公开查询示例 http://localhost:8080/portal — 身份证号 {} 准考证号 {}"
				+ "\n=== 证书查验示例 http://localhost:8080/portal/verify?no={} — 身份证号 {} ({})\n", firstId, exampleTicket,
				first.certificateNumber(), CandidateDemoData.idNumberOf(first.name()), first.name());
	}

	private void at(LocalDate day) {
		clock.setInstant(day.atTime(LocalTime.of(10, 0)).atZone(AdjustableClock.CHINA).toInstant());
	}

	private static List<Long> subjects(PlanView plan, boolean theory) {
		return plan.subjects().stream().filter(s -> (s.examMode() == ExamMode.COMPUTER) == theory)
			.map(PlanSubjectView::id)
			.toList();
	}

	/** A red round seal with a star on a transparent square, 120×120 like a scanned college stamp. */
	static byte[] stamp() {
		int size = 120;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(200, 20, 30, 230));
		g.setStroke(new BasicStroke(6));
		g.drawOval(5, 5, size - 10, size - 10);
		g.setStroke(new BasicStroke(2));
		g.drawOval(14, 14, size - 28, size - 28);
		Polygon star = new Polygon();
		for (int k = 0; k < 10; k++) {
			double r = k % 2 == 0 ? 30 : 12;
			double a = Math.PI / 2 + k * Math.PI / 5;
			star.addPoint((int) Math.round(size / 2.0 + r * Math.cos(a)), (int) Math.round(size / 2.0 - r * Math.sin(a)));
		}
		g.fillPolygon(star);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
