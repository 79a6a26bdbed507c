package cn.kaowu.platform.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.kaowu.platform.candidate.CandidateImportBenchmark;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.PersonalDataSeed;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/registration-import: a college with 50,000 verified candidates imports the "按证书导入" template of all of
 * them for one plan through the real import (read, match every row to candidate, level and site, quota under the
 * lock, one COPY of 100,000 records in one transaction) on the embedded PostgreSQL; then the same 100,000 records are
 * COPYed raw into the same table. Prints
 * {@code registration-import: rows_per_s=N ratio_to_copy=R peak_heap_mb=M} (rows = template rows, i.e. candidates).
 * Not a test: nothing asserts on time.
 */
public final class RegistrationImportBenchmark {

	static final int ROWS = Integer.getInteger("rows", 50_000);

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

	static void run(ConfigurableApplicationContext ctx) throws Exception {
		OrganisationManagement organisations = ctx.getBean(OrganisationManagement.class);
		CatalogManagement catalog = ctx.getBean(CatalogManagement.class);
		ImportRegistrations importer = ctx.getBean(ImportRegistrations.class);
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		DataSource dataSource = ctx.getBean(DataSource.class);
		AdjustableClock clock = ctx.getBean(AdjustableClock.class);

		// The world: province, city, college, ORG with a certificate; approved pilot of scale ROWS; approved site;
		// a published plan open for registration.
		OrganisationView province = CandidateImportBenchmark.org(organisations, OrganisationType.PROVINCE, "基准省", null);
		OrganisationView city = CandidateImportBenchmark.org(organisations, OrganisationType.CITY, "基准市", province.id());
		OrganisationView college = CandidateImportBenchmark.org(organisations, OrganisationType.COLLEGE, "基准职业学院",
				province.id());
		OrganisationView org = CandidateImportBenchmark.org(organisations, OrganisationType.ORG, "基准评价组织", null);
		Scope orgScope = new Scope(null, "bench", Role.ORG, org.id(), null, null);
		Scope provinceScope = new Scope(null, "bench", Role.PROVINCE, province.id(), province.id(), null);
		Scope collegeScope = new Scope(null, "bench", Role.COLLEGE_ADMIN, college.id(), province.id(), null);
		PilotMother pilots = new PilotMother(null, ctx.getBean(PilotManagement.class), catalog, clock);
		CertificateView certificate = pilots.certificate(orgScope);
		PilotMother.Setting s = new PilotMother.Setting(province, city, college, org, certificate, null, null, null,
				null, provinceScope, null, collegeScope, orgScope);
		pilots.approvedPilot(s, collegeScope, certificate, ROWS + 10_000);
		EnrollmentMother mother = new EnrollmentMother(null, ctx.getBean(PilotManagement.class), catalog, clock,
				ctx.getBean(SiteManagement.class), ctx.getBean(QualificationChecklists.class),
				ctx.getBean(PlanManagement.class), ctx.getBean(CandidateManagement.class));
		SiteView site = mother.approvedSite(s, collegeScope);
		PlanView warmPlan = mother.openPlan(s);
		PlanView plan = mother.openPlan(s);
		String levelCode = catalog.findLevel(plan.levels().stream()
			.filter(l -> l.level() == CertificateLevel.JUNIOR).findFirst().orElseThrow().levelId()).orElseThrow().code();

		// 50,000 verified 院校考生 (plus 5,000 for the warm-up), stored raw: their import is the other benchmark.
		List<List<String>> people = people(ROWS + 5_000);
		copyCandidates(dataSource, ctx.getBean(PersonalData.class), college.id(), people);
		List<List<String>> warm = template(people.subList(ROWS, ROWS + 5_000), levelCode, certificate.name(), site);
		List<List<String>> rows = template(people.subList(0, ROWS), levelCode, certificate.name(), site);

		importer.importRows(collegeScope, college, warmPlan, "warm.xlsx", xlsx(warm),
				new CandidateImportBenchmark.NoContext());
		byte[] file = xlsx(rows);
		System.out.printf("generated %d rows, xlsx %.1f MB%n", ROWS, file.length / 1048576.0);
		rows = null;
		System.gc();
		CandidateImportBenchmark.HeapSampler heap = new CandidateImportBenchmark.HeapSampler();
		heap.start();
		long t0 = System.nanoTime();
		ImportRegistrations.Outcome outcome = importer.importRows(collegeScope, college, plan, "bench.xlsx", file,
				new CandidateImportBenchmark.NoContext());
		long importNanos = System.nanoTime() - t0;
		long peak = heap.finish();
		if (outcome.candidates() != ROWS || outcome.records() != 2 * ROWS || !outcome.failed().isEmpty()) {
			throw new IllegalStateException("expected " + ROWS + " registered, got " + outcome.candidates() + " ("
					+ outcome.records() + " records) and " + outcome.failed().size() + " failed, e.g. "
					+ outcome.failed().stream().limit(3).map(Spreadsheets.FailedRow::reason).toList());
		}

		// Baseline: exactly the stored records, taken out with COPY TO, deleted, and COPYed raw back in.
		String columns = RegistrationRecords.COLUMNS;
		String data;
		try (Connection c = dataSource.getConnection()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columns
					+ " FROM registration_record WHERE plan_id = " + plan.id() + ") TO STDOUT (FORMAT csv)", out);
			data = out.toString(StandardCharsets.UTF_8);
		}
		jdbc.sql("DELETE FROM registration_record WHERE plan_id = ?").param(plan.id()).update();
		long copyNanos;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long t1 = System.nanoTime();
			long copied = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY registration_record (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(data));
			c.commit();
			copyNanos = System.nanoTime() - t1;
			if (copied != 2L * ROWS) {
				throw new IllegalStateException("COPY stored " + copied);
			}
		}
		double importSeconds = importNanos / 1e9;
		double copySeconds = copyNanos / 1e9;
		System.out.printf("import %.2f s (%d candidates, %d records), raw COPY of the records %.2f s%n", importSeconds,
				ROWS, 2 * ROWS, copySeconds);
		System.out.printf("registration-import: rows_per_s=%d ratio_to_copy=%.2f peak_heap_mb=%d%n",
				Math.round(ROWS / importSeconds), copySeconds / importSeconds, peak / (1024 * 1024));
	}

	/** name, pinyin, ID number. */
	static List<List<String>> people(int n) {
		String[][] names = { { "张三丰", "Zhang Sanfeng" }, { "李四", "Li Si" }, { "王小明", "Wang Xiaoming" },
				{ "欧阳娜娜", "Ouyang Nana" }, { "陈思远", "Chen Siyuan" } };
		List<List<String>> people = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String first17 = String.format("%06d%04d%02d%02d%03d", 320101 + i / 100_000, 1995 + (i / 1000) % 10,
					i % 12 + 1, (i / 12) % 28 + 1, i % 1000);
			people.add(List.of(names[i % names.length][0], names[i % names.length][1], ChineseIdNumber.complete(first17)));
		}
		return people;
	}

	static void copyCandidates(DataSource dataSource, PersonalData personalData, long collegeId,
			List<List<String>> people) throws Exception {
		StringBuilder csv = new StringBuilder();
		String now = java.time.Instant.now().toString();
		int i = 0;
		for (List<String> p : people) {
			csv.append(collegeId).append(",COLLEGE,").append(p.get(0)).append(',').append(p.get(1)).append(',')
				.append(i % 2 == 0 ? "MALE" : "FEMALE").append(",ID_CARD,")
				.append(PersonalDataSeed.csv(personalData, p.get(2), "138" + String.format("%08d", i++)))
				.append(",2024,高职,电子商务,530701,VERIFIED,,").append(now).append(',')
				.append(now).append('\n');
		}
		try (Connection c = dataSource.getConnection()) {
			c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY candidate (college_id, kind, name, pinyin, gender, "
					+ "id_type, " + PersonalDataSeed.COLUMNS + ", enrolment_year, education_level, major_name, major_code, state, "
					+ "import_job_id, created_at, updated_at) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
		}
	}

	static List<List<String>> template(List<List<String>> people, String levelCode, String certificate, SiteView site) {
		List<List<String>> rows = new ArrayList<>(people.size());
		for (List<String> p : people) {
			rows.add(List.of(p.get(0), p.get(2), "院校考生", levelCode, certificate + "职业技能等级证书", "初级",
					String.valueOf(site.code()), site.name()));
		}
		return rows;
	}

	static byte[] xlsx(List<List<String>> rows) {
		return Spreadsheets.sheet("报考", ImportRegistrations.COLUMNS.values().stream()
			.map(h -> new Spreadsheets.Column(h, 12)).toList(), rows);
	}
}
