package cn.kaowu.platform.room;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.candidate.CandidateMother;
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
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.Major;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;

/**
 * Room test data through the real services: a college with an approved, active site, published plans of the
 * certificate (junior 理论 机考 and 实操), and invigilators in the college's staff database.
 */
public final class RoomMother {

	private final TestWorld world;

	private final PilotManagement pilot;

	private final CatalogManagement catalog;

	private final SiteManagement sites;

	private final QualificationChecklists checklists;

	private final PlanManagement plans;

	private final StaffManagement staff;

	private final AdjustableClock clock;

	public RoomMother(TestWorld world, PilotManagement pilot, CatalogManagement catalog, SiteManagement sites,
			QualificationChecklists checklists, PlanManagement plans, StaffManagement staff, AdjustableClock clock) {
		this.world = world;
		this.pilot = pilot;
		this.catalog = catalog;
		this.sites = sites;
		this.checklists = checklists;
		this.plans = plans;
		this.staff = staff;
		this.clock = clock;
	}

	/** The setting with its approved site. */
	public record World(Setting s, SiteView site, PilotMother pilots) {
	}

	public World world() {
		PilotMother pilots = new PilotMother(world, pilot, catalog, clock);
		Setting s = pilots.setting();
		pilots.approvedPilot(s, s.collegeScope(), s.certificate());
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		SiteView applied = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		sites.submit(s.collegeScope(), applied.id());
		SiteView site = sites.approve(s.orgScope(), applied.id(),
				SiteMother.allMet(checklists.of(s.orgScope(), s.certificate().id())));
		return new World(s, site, pilots);
	}

	/** Registration opens tomorrow; scheduling from day+20 00:00 to day+26 23:59; exams on day+28. */
	public LocalDate day() {
		return LocalDate.now(clock.withZone(AdjustableClock.CHINA)).plusDays(1);
	}

	/** A published plan with the junior 理论 (14:00) and 实操 (16:00) subjects. */
	public PlanView publishedPlan(World w) {
		LocalDate day = day();
		PlanForm form = PlanForm.of(TestWorld.unique("考场测试计划"), day.getYear(), w.s().certificate().id(),
				window(day, day.plusDays(19)), window(day.plusDays(20), day.plusDays(26)),
				window(day.plusDays(30), day.plusDays(40)), window(day.plusDays(41), day.plusDays(47)));
		PlanView plan = plans.create(w.s().orgScope(), form);
		LevelView junior = catalog.getCertificate(w.s().orgScope(), w.s().certificate().id())
			.levels()
			.stream()
			.filter(l -> l.level() == CertificateLevel.JUNIOR)
			.findFirst()
			.orElseThrow();
		plans.updateSubjects(w.s().orgScope(), plan.id(), PlanSubjectsForm.of(List.of(
				PlanSubjectForm.of(junior.subjects().get(0).id(), day.plusDays(28), LocalTime.of(14, 0),
						LocalTime.of(15, 0)),
				PlanSubjectForm.of(junior.subjects().get(1).id(), day.plusDays(28), LocalTime.of(16, 0),
						LocalTime.of(17, 0)))));
		return plans.publish(w.s().orgScope(), plan.id());
	}

	private static PlanWindow window(LocalDate from, LocalDate to) {
		return new PlanWindow(from.atStartOfDay(), LocalDateTime.of(to, LocalTime.of(23, 59)));
	}

	/** An active 监考员 of the college. */
	public StaffView invigilator(Scope college, String name, String department, Major... majors) {
		StaffForm form = StaffForm.of(name, Gender.FEMALE, CandidateMother.idNumber(),
				"139" + String.format("%08d", Math.abs(name.hashCode()) % 100_000_000), department,
				StaffRole.INVIGILATOR, TrainingStatus.TRAINED, LocalDate.now(clock).minusMonths(2), new BigDecimal("3"));
		form.setMajors(List.of(majors));
		return staff.create(college, form);
	}
}
