package cn.kaowu.platform.pilot;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelForm;
import cn.kaowu.platform.catalog.SubjectForm;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;

/**
 * Object Mother for pilot (and site) tests: a province with a city, a college in it, an ORG with a certificate,
 * one account each, published batches and approved pilots, all through the real services.
 */
public final class PilotMother {

	private static final AtomicLong CODES = new AtomicLong(
			ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 80_000_000_000_000L));

	private final TestWorld world;

	private final PilotManagement pilot;

	private final CatalogManagement catalog;

	private final AdjustableClock clock;

	public PilotMother(TestWorld world, PilotManagement pilot, CatalogManagement catalog, AdjustableClock clock) {
		this.world = world;
		this.pilot = pilot;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A province with a city, a college in the city, an ORG with a certificate, and their accounts. */
	public record Setting(OrganisationView province, OrganisationView city, OrganisationView college,
			OrganisationView org, CertificateView certificate, AccountView provinceAccount, AccountView cityAccount,
			AccountView collegeAccount, AccountView orgAccount, Scope provinceScope, Scope cityScope,
			Scope collegeScope, Scope orgScope) {
	}

	public Setting setting() {
		OrganisationView province = world.province();
		OrganisationView city = world.city(province);
		OrganisationView college = world.org(cn.kaowu.platform.org.OrganisationType.COLLEGE,
				TestWorld.unique("测试职业学院"), province.id(), city.id());
		OrganisationView org = world.trainingOrg();
		AccountView orgAccount = world.account(Role.ORG, org);
		Scope orgScope = world.scopeOf(orgAccount);
		CertificateView certificate = certificate(orgScope);
		AccountView provinceAccount = world.account(Role.PROVINCE, province);
		AccountView cityAccount = world.account(Role.CITY, city);
		AccountView collegeAccount = world.account(Role.COLLEGE_ADMIN, college);
		return new Setting(province, city, college, org, certificate, provinceAccount, cityAccount, collegeAccount,
				orgAccount, world.scopeOf(provinceAccount), world.scopeOf(cityAccount), world.scopeOf(collegeAccount),
				orgScope);
	}

	/** Another college of the same province and city, with its admin account. */
	public Scope anotherCollege(Setting s) {
		OrganisationView college = world.org(cn.kaowu.platform.org.OrganisationType.COLLEGE,
				TestWorld.unique("测试职业学院"), s.province().id(), s.city().id());
		return world.scopeOf(world.account(Role.COLLEGE_ADMIN, college));
	}

	/** A certificate of the ORG with an enabled 初级 and 中级 level. */
	public CertificateView certificate(Scope org) {
		CertificateView c = catalog.createCertificate(org, CertificateForm.of(TestWorld.unique("测试证书")));
		for (CertificateLevel kind : List.of(CertificateLevel.JUNIOR, CertificateLevel.INTERMEDIATE)) {
			String code = "15" + CODES.incrementAndGet();
			String prefix = "16" + code.substring(2);
			catalog.addLevel(org, c.id(), LevelForm.of(kind, code,
					List.of(SubjectForm.of("理论", prefix + "101", ExamMode.COMPUTER, 60),
							SubjectForm.of("实操", prefix + "102", ExamMode.PRACTICAL, 60))));
		}
		return catalog.getCertificate(org, c.id());
	}

	public int year() {
		return LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear();
	}

	/** A published batch open from yesterday to tomorrow. */
	public PilotBatchView openBatch(Setting s, boolean cityApprovalRequired) {
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		return batch(s, today.minusDays(1).atStartOfDay(), today.plusDays(1).atTime(23, 59), true,
				cityApprovalRequired);
	}

	public PilotBatchView batch(Setting s, LocalDateTime start, LocalDateTime end, boolean majorsRequired,
			boolean cityApprovalRequired) {
		PilotBatchView batch = pilot.createBatch(s.provinceScope(),
				PilotBatchForm.of(TestWorld.unique("批次"), year(), start, end, majorsRequired, cityApprovalRequired));
		return pilot.publishBatch(s.provinceScope(), batch.id());
	}

	public PilotApplicationForm form(long batchId, long certificateId) {
		PilotApplicationForm form = new PilotApplicationForm();
		form.setBatchId(batchId);
		form.setCertificateId(certificateId);
		form.setLevels(List.of(CertificateLevel.JUNIOR));
		form.setMajors(List.of(MajorForm.of("电子商务", "530701"), MajorForm.of("网络营销与直播电商", "530703")));
		form.setPlannedTrainees(200);
		form.setTeacherDescription("教师 10 人");
		form.setFacilityDescription("机房 2 个");
		return form;
	}

	/** The JSON body of {@link #form}. */
	public static Map<String, Object> body(long batchId, long certificateId) {
		return Map.of("batchId", batchId, "certificateId", certificateId, "levels", List.of("JUNIOR"), "majors",
				List.of(Map.of("name", "电子商务", "code", "530701")), "plannedTrainees", 200, "teacherDescription",
				"教师 10 人", "facilityDescription", "机房 2 个");
	}

	/** The college becomes a pilot college of this year for the certificate (scale 200). */
	public PilotApplicationView approvedPilot(Setting s, Scope college, CertificateView certificate) {
		return approvedPilot(s, college, certificate, 200);
	}

	/** The college becomes a pilot college of this year for the certificate with the approved scale. */
	public PilotApplicationView approvedPilot(Setting s, Scope college, CertificateView certificate, int scale) {
		PilotBatchView batch = openBatch(s, false);
		PilotApplicationForm form = form(batch.id(), certificate.id());
		form.setPlannedTrainees(Math.max(200, scale));
		PilotApplicationView a = pilot.createApplication(college, form, List.of());
		pilot.submit(college, a.id());
		return pilot.approve(s.provinceScope(), a.id(), scale);
	}
}
