package cn.kaowu.platform.enrollment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import cn.kaowu.platform.plan.PlanForm;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectForm;
import cn.kaowu.platform.plan.PlanSubjectsForm;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.plan.PlanWindow;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteMother;
import cn.kaowu.platform.site.SiteView;

/**
 * A world ready for registration: a college that is an approved pilot of a certificate (初级 and 中级, each with 理论
 * 机考 and 实操) with the given scale, an approved active site of it, and a published plan whose registration
 * opened yesterday at 00:00 and closes in {@value #REGISTRATION_DAYS_LEFT} days at 23:59. A bean of every
 * {@code @IntegrationTest}; benchmarks construct it themselves (without a {@link TestWorld}, so without
 * {@link #ready}).
 */
@org.springframework.boot.test.context.TestComponent
public class EnrollmentMother {

	static final int REGISTRATION_DAYS_LEFT = 10;

	private final TestWorld world;

	private final PilotMother pilots;

	private final SiteManagement sites;

	private final QualificationChecklists checklists;

	private final PlanManagement plans;

	private final CandidateManagement candidates;

	private final CatalogManagement catalog;

	private final AdjustableClock clock;

	private final java.util.Map<Long, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();

	public EnrollmentMother(@org.jspecify.annotations.Nullable TestWorld world, PilotManagement pilot, CatalogManagement catalog, AdjustableClock clock,
			SiteManagement sites, QualificationChecklists checklists, PlanManagement plans,
			CandidateManagement candidates) {
		this.world = world;
		this.pilots = new PilotMother(world, pilot, catalog, clock);
		this.sites = sites;
		this.checklists = checklists;
		this.plans = plans;
		this.candidates = candidates;
		this.catalog = catalog;
		this.clock = clock;
	}

	public record Ready(Setting setting, SiteView site, PlanView plan) {

		public Scope college() {
			return setting.collegeScope();
		}

		public long level(CertificateLevel level) {
			return plan.levels().stream().filter(l -> l.level() == level).findFirst().orElseThrow().levelId();
		}
	}

	public Ready ready(int scale) {
		Setting s = pilots.setting();
		pilots.approvedPilot(s, s.collegeScope(), s.certificate(), scale);
		SiteView site = approvedSite(s, s.collegeScope());
		return new Ready(s, site, openPlan(s));
	}

	/** Another college of the province with an approved site of the same certificate (for 借考). */
	public SiteView otherCollegesSite(Setting s) {
		Scope other = pilots.anotherCollege(s);
		pilots.approvedPilot(s, other, s.certificate(), 50);
		return approvedSite(s, other);
	}

	public SiteView approvedSite(Setting s, Scope college) {
		if (checklists.of(s.orgScope(), s.certificate().id()).isEmpty()) {
			checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		}
		SiteView applied = SiteMother.applied(sites, college, s.certificate().id());
		sites.submit(college, applied.id());
		return sites.approve(s.orgScope(), applied.id(),
				SiteMother.allMet(checklists.of(s.orgScope(), s.certificate().id())));
	}

	/** A published plan of the certificate, registration open since yesterday 00:00. */
	public PlanView openPlan(Setting s) {
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		LocalDate regEnd = today.plusDays(REGISTRATION_DAYS_LEFT);
		LocalDate exam = regEnd.plusDays(10);
		PlanView plan = plans.create(s.orgScope(), PlanForm.of(TestWorld.unique("统考"), today.getYear(),
				s.certificate().id(), window(today.minusDays(1), regEnd), window(regEnd.plusDays(1), regEnd.plusDays(7)),
				window(exam.plusDays(2), exam.plusDays(15)), window(exam.plusDays(16), exam.plusDays(22))));
		List<PlanSubjectForm> slots = new ArrayList<>();
		for (LevelView level : catalog.getCertificate(s.orgScope(), s.certificate().id()).levels()) {
			boolean junior = level.level() == CertificateLevel.JUNIOR;
			slots.add(PlanSubjectForm.of(level.subjects().get(0).id(), exam, LocalTime.of(junior ? 14 : 8, 0),
					LocalTime.of(junior ? 15 : 9, 0)));
			slots.add(PlanSubjectForm.of(level.subjects().get(1).id(), exam, LocalTime.of(junior ? 15 : 9, 30),
					LocalTime.of(junior ? 17 : 11, 30)));
		}
		plans.updateSubjects(s.orgScope(), plan.id(), PlanSubjectsForm.of(slots));
		return plans.publish(s.orgScope(), plan.id());
	}

	/** A candidate of the college's list with a photo, verified by the offline verifier. */
	public CandidateView verified(Scope college, CandidateKind kind, int i) {
		CandidateView c = unverified(college, kind, i);
		candidates.attachPhoto(college, c.id(), cn.kaowu.platform.candidate.Photos.image(295, 413, "jpg"));
		candidates.verify(college, List.of(c.id()));
		return candidates.get(college, c.id());
	}

	public CandidateView unverified(Scope college, CandidateKind kind, int i) {
		List<String> r = CandidateMother.row(i);
		CandidateView created = candidates.create(college, kind, CandidateForm.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4),
				r.get(5), Integer.parseInt(r.get(6)), r.get(7), r.get(8), r.get(9)));
		numbers.put(created.id(), r.get(4));
		return created;
	}

	/** The full ID number of a candidate created here (tests that write the template need it). */
	public String idNumber(long candidateId) {
		return java.util.Objects.requireNonNull(numbers.get(candidateId));
	}

	private static PlanWindow window(LocalDate from, LocalDate to) {
		return new PlanWindow(from.atStartOfDay(), LocalDateTime.of(to, LocalTime.of(23, 59)));
	}
}
