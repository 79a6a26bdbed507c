package cn.kaowu.platform.schedule;

import cn.kaowu.platform.candidate.CandidateImportBenchmark;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.PersonalDataSeed;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/schedule: a national plan with 500 sites, 10 rooms of 40 seats each (5 for 初级理论, 5 for 初级实操; 5,000
 * rooms), 12 approved invigilators per site and 200 candidates per site registered for 初级 (400 records; 200,000
 * in all), stored with SQL — the benchmark is the scheduling, not the setup. Then the real run of the whole plan
 * (seats, tickets, invigilators, draft stored) and its publication into the records, and prints
 * {@code schedule: records=N seconds=S} (run + publish). Not a test: nothing asserts on time.
 */
public final class ScheduleBenchmark {

	static final int SITES = Integer.getInteger("sites", 500);

	static final int PER_SITE = Integer.getInteger("perSite", 200);

	static final int ROOMS_PER_SUBJECT = 5;

	public static void main(String[] args) {
		cn.kaowu.platform.Benchmarks.run(ctx -> {
			try {
				run(ctx);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	static void run(ConfigurableApplicationContext ctx) {
		OrganisationManagement organisations = ctx.getBean(OrganisationManagement.class);
		CatalogManagement catalog = ctx.getBean(CatalogManagement.class);
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		AdjustableClock clock = ctx.getBean(AdjustableClock.class);
		Scheduling scheduling = ctx.getBean(Scheduling.class);
		PersonalData personalData = ctx.getBean(PersonalData.class);

		OrganisationView province = CandidateImportBenchmark.org(organisations, OrganisationType.PROVINCE, "基准省", null);
		OrganisationView org = CandidateImportBenchmark.org(organisations, OrganisationType.ORG, "基准评价组织", null);
		Scope orgScope = new Scope(null, "bench", Role.ORG, org.id(), null, null);
		PilotMother pilots = new PilotMother(null, ctx.getBean(PilotManagement.class), catalog, clock);
		CertificateView certificate = pilots.certificate(orgScope);
		PilotMother.Setting s = new PilotMother.Setting(province, null, null, org, certificate, null, null, null, null,
				null, null, null, orgScope);
		EnrollmentMother mother = new EnrollmentMother(null, ctx.getBean(PilotManagement.class), catalog, clock,
				ctx.getBean(SiteManagement.class), ctx.getBean(QualificationChecklists.class),
				ctx.getBean(PlanManagement.class), ctx.getBean(CandidateManagement.class));
		PlanView plan = mother.openPlan(s);
		PlanSubjectView theory = subject(plan, "理论");
		PlanSubjectView practice = subject(plan, "实操");
		String tag = Long.toString(System.nanoTime() % 1_000_000, 36);

		long t0 = System.nanoTime();
		jdbc.sql("""
				INSERT INTO organisation (type, name, code, province_id, created_at, updated_at)
				SELECT 'COLLEGE', '基准学院' || ? || '-' || g, 'BC' || ? || '-' || g, ?, now(), now()
				FROM generate_series(1, ?) g""").params(tag, tag, province.id(), SITES).update();
		jdbc.sql("""
				INSERT INTO exam_site (college_id, province_id, certificate_id, org_id, name, college_name, province_name,
				  certificate_name, org_name, contact_name, contact_phone, room_count, seat_count, status, code,
				  operating_status, approved_at, valid_until, created_at, updated_at)
				SELECT o.id, o.province_id, ?, ?, o.name || '考核站点', o.name, '基准省', ?, ?, '联系人', '13800000000',
				  10, 400, 'APPROVED', 'S' || ? || '-' || lpad(o.id::text, 6, '0'), 'ACTIVE', now(), current_date + 700,
				  now(), now()
				FROM organisation o WHERE o.code LIKE 'BC' || ? || '-%'""")
			.params(certificate.id(), org.id(), certificate.name(), org.name(), tag, tag).update();
		String sites = "SELECT id, college_id, code, name FROM exam_site WHERE certificate_id = " + certificate.id();
		jdbc.sql("""
				INSERT INTO room (plan_id, site_id, college_id, name, address, seats, created_at, updated_at)
				SELECT ?, s.id, s.college_id, CASE WHEN r <= ? THEN '机房' ELSE '实训室' END || r, '教学楼', 40, now(), now()
				FROM (""" + sites + ") s, generate_series(1, ?) r")
			.params(plan.id(), ROOMS_PER_SUBJECT, 2 * ROOMS_PER_SUBJECT).update();
		jdbc.sql("""
				INSERT INTO room_subject (room_id, subject_id)
				SELECT id, CASE WHEN name LIKE '机房%' THEN ? ELSE ? END FROM room WHERE plan_id = ?""")
			.params(theory.subjectId(), practice.subjectId(), plan.id()).update();
		jdbc.sql("""
				INSERT INTO staff_member (college_id, name, gender, id_number_enc, id_number_index, id_number_masked,
				  phone_enc, phone_masked, department, role, training_status, majors, created_at, updated_at)
				SELECT s.college_id, '监考' || p, 'FEMALE', """ + PersonalDataSeed.PLACEHOLDERS + """
				  , CASE p % 3 WHEN 0 THEN '信息工程学院' WHEN 1 THEN '经济管理学院' ELSE '机电学院' END,
				  'INVIGILATOR', 'TRAINED', CASE WHEN p <= 2 THEN '电子商务' || chr(9) || '530701' ELSE '' END, now(), now()
				FROM (""" + sites + ") s, generate_series(1, 12) p").update();
		// The numbers the rows stand for, sealed (they were '3201011980' || 8 digits of the staff's site and position).
		PersonalDataSeed.seal(jdbc, personalData, "staff_member", "'3201011980' || lpad(id::text, 8, '0')",
				"'139' || lpad(id::text, 8, '0')");
		jdbc.sql("""
				INSERT INTO room_invigilator (plan_id, site_id, college_id, organisation_id, staff_id, status, submitted_at,
				  review_due, reviewed_at)
				SELECT ?, s.id, s.college_id, ?, m.id, 'APPROVED', now(), now(), now()
				FROM (""" + sites + ") s JOIN staff_member m ON m.college_id = s.college_id")
			.params(plan.id(), org.id()).update();
		jdbc.sql("""
				INSERT INTO registration_record (plan_id, plan_name, plan_year, organisation_id, organisation_name,
				  certificate_id, certificate_name, level_id, level, plan_subject_id, subject_name, subject_code, exam_mode,
				  starts_at, ends_at, candidate_id, candidate_kind, name, pinyin, gender, id_type, id_number_enc,
				  id_number_index, id_number_masked, phone_enc, phone_masked, major_name, major_code, college_id, college_name, province_id, site_id, site_code, site_name,
				  site_college_id, created_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'JUNIOR', subj.id, subj.name, subj.code, subj.mode, subj.starts, subj.ends,
				  s.id * 1000 + c, 'COLLEGE', '考生' || c, 'Kao Sheng', 'MALE', 'ID_CARD',
				  """ + PersonalDataSeed.PLACEHOLDERS + """
				  ,
				  CASE c % 3 WHEN 0 THEN '网络营销与直播电商' ELSE '电子商务' END, CASE c % 3 WHEN 0 THEN '530703' ELSE '530701' END,
				  s.college_id, '基准学院', ?, s.id, s.code, s.name, s.college_id, now()
				FROM (""" + sites + """
				) s, generate_series(1, ?) c,
				  (VALUES (?::bigint, ?, ?, ?, ?::timestamptz, ?::timestamptz), (?::bigint, ?, ?, ?, ?::timestamptz, ?::timestamptz))
				  AS subj(id, name, code, mode, starts, ends)""")
			.params(plan.id(), plan.name(), plan.year(), org.id(), org.name(), certificate.id(), certificate.name(),
					theory.levelId(), province.id(), PER_SITE, theory.id(), theory.subjectName(), theory.code(),
					theory.examMode().name(), java.sql.Timestamp.from(theory.startsAt()),
					java.sql.Timestamp.from(theory.endsAt()), practice.id(), practice.subjectName(), practice.code(),
					practice.examMode().name(), java.sql.Timestamp.from(practice.startsAt()),
					java.sql.Timestamp.from(practice.endsAt()))
			.update();
		PersonalDataSeed.seal(jdbc, personalData, "registration_record",
				"'3201012004' || lpad(candidate_id::text, 8, '0')", "'13900000000'");
		jdbc.sql("ANALYZE").update();
		long records = jdbc.sql("SELECT count(*) FROM registration_record WHERE plan_id = ?").param(plan.id())
			.query(Long.class).single();
		System.out.printf("setup %.1f s: %d sites, %d rooms, %d records%n", (System.nanoTime() - t0) / 1e9, SITES,
				SITES * 2 * ROOMS_PER_SUBJECT, records);

		clock.setInstant(plan.scheduling().opensAt());
		long t1 = System.nanoTime();
		Scheduling.RunSummary summary = scheduling.run(orgScope, plan.id(), null);
		long t2 = System.nanoTime();
		int published = scheduling.publish(orgScope, plan.id());
		long t3 = System.nanoTime();
		if (summary.records() != records || !summary.blocked().isEmpty() || published != SITES) {
			throw new IllegalStateException("scheduled " + summary.records() + " of " + records + ", blocked "
					+ summary.blocked().stream().limit(3).toList() + ", published " + published);
		}
		long scheduled = jdbc.sql("SELECT count(*) FROM registration_record WHERE plan_id = ? AND scheduled_at IS NOT NULL")
			.param(plan.id()).query(Long.class).single();
		System.out.printf("run %.2f s (seats, tickets, %d invigilator warnings), publish %.2f s, %d records now 待考试%n",
				(t2 - t1) / 1e9, summary.warnings().size(), (t3 - t2) / 1e9, scheduled);
		System.out.printf("schedule: records=%d seconds=%.1f%n", records, (t3 - t1) / 1e9);
	}

	private static PlanSubjectView subject(PlanView plan, String name) {
		return plan.subjects().stream()
			.filter(s -> s.level() == CertificateLevel.JUNIOR && s.subjectName().equals(name))
			.findFirst()
			.orElseThrow();
	}
}
