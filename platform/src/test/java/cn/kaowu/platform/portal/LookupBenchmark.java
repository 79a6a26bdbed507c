package cn.kaowu.platform.portal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.kaowu.platform.Benchmarks;
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
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteView;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/lookup: the whole platform on its own embedded PostgreSQL with {@code certs} (default 1,000,000) issued
 * certificates seeded straight into the tables with SQL (candidates with valid ID numbers, their registration records,
 * final numbered certificate rows); then wrk on the loopback (2 threads, 64 connections) POSTs 证书查验 for random
 * existing certificates, each request from its own X-Forwarded-For address (the loopback is a trusted proxy, so the
 * rate limits run but do not trip), and the same wrk against the constant {@code GET /api/v1/portal/ping}. Prints
 * {@code lookup: rps=N p99_ms=P ratio_to_static=R ...}. Not a test: nothing asserts on time.
 */
public final class LookupBenchmark {

	static final int CERTS = Integer.getInteger("certs", 1_000_000);

	static final int SECONDS = Integer.getInteger("seconds", 30);

	/**
	 * Seconds of load before each measured run. Profiling showed a 10 s warm-up left a third of the CPU of the measured
	 * verify run to the JIT compiler: the figure is meant for a node that has served lookups before.
	 */
	static final int WARMUP = Integer.getInteger("warmup", 30);

	static final String YEAR = "2026";

	public static void main(String[] args) {
		Benchmarks.run(ctx -> {
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
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		AdjustableClock clock = ctx.getBean(AdjustableClock.class);
		int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "0"));

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
		pilots.approvedPilot(s, collegeScope, certificate, 1000);
		EnrollmentMother mother = new EnrollmentMother(null, ctx.getBean(PilotManagement.class), catalog, clock,
				ctx.getBean(SiteManagement.class), ctx.getBean(QualificationChecklists.class),
				ctx.getBean(PlanManagement.class), ctx.getBean(CandidateManagement.class));
		SiteView site = mother.approvedSite(s, collegeScope);
		PlanView plan = mother.openPlan(s);
		PlanLevel level = plan.levels().stream().filter(l -> l.level() == CertificateLevel.JUNIOR).findFirst()
			.orElseThrow();
		String levelCode = catalog.findLevel(level.levelId()).orElseThrow().code();
		var subject = level.subjects().getFirst();

		long t0 = System.nanoTime();
		try (java.sql.Connection c = ctx.getBean(javax.sql.DataSource.class).getConnection()) {
			// One session, no statement timeout; foreign-key triggers off for the bulk insert (every row points at a
			// real candidate, plan and level by construction), asynchronous commit.
			JdbcClient one = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
			one.sql("SET statement_timeout = 0").update();
			one.sql("SET session_replication_role = replica").update();
			one.sql("SET synchronous_commit = off").update();
			one.sql("SET maintenance_work_mem = '256MB'").update();
			seed(one, ctx.getBean(PersonalData.class), plan, level, levelCode, subject.id(), college, site);
			one.sql("SET session_replication_role = origin").update();
		}
		System.out.printf("seeded %,d issued certificates (candidates, registration records, certificate rows) in %.0f s%n",
				CERTS, (System.nanoTime() - t0) / 1e9);

		int hold = Integer.getInteger("hold", 0);
		if (hold > 0) {
			// For profiling by hand: the app stays up this many seconds before the runs.
			System.out.println("holding on port " + port + " for " + hold + " s");
			Thread.sleep(hold * 1000L);
		}
		Path script = Files.createTempFile("lookup", ".lua");
		try (var in = LookupBenchmark.class.getResourceAsStream("lookup-bench.lua")) {
			Files.write(script, in.readAllBytes());
		}
		String base = "http://127.0.0.1:" + port;
		String prefix = levelCode + "-" + YEAR;
		// Warm-up (JIT, pool, caches of the plan), then the measured runs.
		wrk(script, base + "/api/v1/portal/certificates/verify", WARMUP, "verify", prefix, "11");
		Result verify = wrk(script, base + "/api/v1/portal/certificates/verify", SECONDS, "verify", prefix, "12");
		wrk(script, base + "/api/v1/portal/ping", WARMUP, "static", prefix, "13");
		Result ping = wrk(script, base + "/api/v1/portal/ping", SECONDS, "static", prefix, "14");
		Files.deleteIfExists(script);
		System.out.printf("verify: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d of %d%n", verify.rps,
				verify.p50ms, verify.p99ms, verify.non2xx, verify.requests);
		System.out.printf("static: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d of %d%n", ping.rps, ping.p50ms,
				ping.p99ms, ping.non2xx, ping.requests);
		if (verify.non2xx > 0 || verify.requests == 0) {
			throw new IllegalStateException("verify answered " + verify.non2xx + " non-2xx of " + verify.requests);
		}
		System.out.printf("lookup: rps=%.0f p99_ms=%.1f ratio_to_static=%.2f static_rps=%.0f static_p99_ms=%.1f certs=%d%n",
				verify.rps, verify.p99ms, verify.rps / ping.rps, ping.rps, ping.p99ms, CERTS);
	}

	/** The 18-character ID number of person {@code i}, as SQL: 110101, birth date, sequence, check character. */
	static String idNumberSql(String i) {
		String body = "('110101' || to_char(date '1980-01-01' + (" + i + " / 1000)::int, 'YYYYMMDD') || lpad((" + i
				+ " % 1000)::text, 3, '0'))";
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		List<String> terms = new ArrayList<>();
		for (int k = 0; k < 17; k++) {
			terms.add("substr(b, " + (k + 1) + ", 1)::int * " + weights[k]);
		}
		return "(SELECT b || substr('10X98765432', (" + String.join(" + ", terms) + ") % 11 + 1, 1) FROM (SELECT "
				+ body + " AS b) x)";
	}

	static void seed(JdbcClient jdbc, PersonalData personalData, PlanView plan, PlanLevel level, String levelCode, long planSubjectId,
			OrganisationView college, SiteView site) {
		jdbc.sql("DROP TABLE IF EXISTS bench_people").update();
		jdbc.sql("CREATE UNLOGGED TABLE bench_people AS SELECT i, " + idNumberSql("i") + " AS id_number, "
				+ "(ARRAY['赵','钱','孙','李','周','吴','郑','王','冯','陈'])[i % 10 + 1] || "
				+ "(ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[(i / 10) % 10 + 1] || "
				+ "(ARRAY['华','明','平','红','建','文','辉','玲','海','燕'])[(i / 100) % 10 + 1] AS name "
				+ "FROM generate_series(1, ?) i").param(CERTS).update();
		long t = System.nanoTime();
		jdbc.sql("""
				INSERT INTO candidate (college_id, kind, name, pinyin, gender, id_type, id_number_enc, id_number_index,
				  id_number_masked, phone_enc, phone_masked, enrolment_year, education_level, major_name, major_code,
				  state, state_note, created_at, updated_at)
				SELECT ?, 'COLLEGE', name, 'kaosheng', CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, 'ID_CARD',
				  """ + PersonalDataSeed.PLACEHOLDERS + """
				  , 2024, '高职', '电子商务', '530701', 'VERIFIED', i::text, now(), now()
				FROM bench_people ORDER BY i""").param(college.id()).update();
		// The numbers are sealed by the platform's key (issue 10 part 3): state_note carries i until then.
		PersonalDataSeed.seal(jdbc, personalData, "candidate",
				idNumberSql("state_note::int"), "'138' || lpad(state_note, 8, '0')");
		System.out.printf("  candidates %.0f s%n", (System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		jdbc.sql("""
				INSERT INTO registration_record (plan_id, plan_name, plan_year, organisation_id, organisation_name,
				  certificate_id, certificate_name, level_id, level, plan_subject_id, subject_name, subject_code,
				  exam_mode, starts_at, ends_at, candidate_id, candidate_kind, name, pinyin, gender, id_type, id_number_enc,
				  id_number_index, id_number_masked, phone_enc, phone_masked, major_name, major_code, college_id, college_name, province_id, site_id, site_code, site_name,
				  site_college_id, created_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'JUNIOR', ?, '理论', 'T1', 'ONLINE', now(), now() + interval '2 hours',
				  c.id, 'COLLEGE', c.name, c.pinyin, c.gender, 'ID_CARD', c.id_number_enc,
				  c.id_number_index, c.id_number_masked, c.phone_enc, c.phone_masked, c.major_name,
				  c.major_code, ?, ?, ?, ?, 'BENCH', '基准考点', ?, now()
				FROM candidate c WHERE c.college_id = ?""")
			.params(plan.id(), plan.name(), plan.year(), plan.organisationId(), plan.organisationName(),
					plan.certificateId(), plan.certificateName(), level.levelId(), planSubjectId, college.id(),
					college.name(), college.provinceId() == null ? college.id() : college.provinceId(), site.id(),
					college.id(), college.id())
			.update();
		System.out.printf("  registration records %.0f s%n", (System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		jdbc.sql("""
				INSERT INTO certificate_issue (plan_id, organisation_id, candidate_id, level_id, level_code,
				  level_display_name, college_id, college_name, name, id_number_masked, holder_index, year, status,
				  college_confirmed_at, org_confirmed_at, certificate_number, created_at)
				SELECT ?, ?, c.id, ?, ?, ?, ?, ?, p.name, left(p.id_number, 6) || '********' || right(p.id_number, 4),
				  c.id_number_index, ?, 'FINAL', now(), now(), ? || lpad(p.i::text, greatest(6, length(p.i::text)), '0'), now()
				FROM bench_people p JOIN candidate c ON c.state_note = p.i::text AND c.college_id = ?""")
			.params(plan.id(), plan.organisationId(), level.levelId(), levelCode, level.displayName(), college.id(),
					college.name(), Integer.parseInt(YEAR), levelCode + "-" + YEAR, college.id())
			.update();
		System.out.printf("  certificate rows %.0f s%n", (System.nanoTime() - t) / 1e9);
		jdbc.sql("UPDATE candidate SET state_note = NULL WHERE college_id = ?").param(college.id()).update();
		jdbc.sql("DROP TABLE bench_people").update();
		// What autovacuum and the checkpointer would otherwise do during the measured runs (millions of fresh rows, a
		// million dead ones from the UPDATE above, gigabytes of dirty buffers): the figure is of a portal at rest, not
		// of a database digesting its bulk load (pg_stat_activity showed autovacuum on candidate during the runs).
		t = System.nanoTime();
		for (String table : List.of("candidate", "registration_record", "certificate_issue")) {
			jdbc.sql("VACUUM (ANALYZE) " + table).update();
		}
		jdbc.sql("CHECKPOINT").update();
		System.out.printf("  vacuum and checkpoint %.0f s%n", (System.nanoTime() - t) / 1e9);
	}

	record Result(double rps, double p50ms, double p99ms, long non2xx, long requests) {
	}

	static final Pattern RESULT = Pattern.compile(
			"RESULT requests=(\\d+) seconds=([\\d.]+) p50_us=([\\d.]+) p99_us=([\\d.]+) non2xx=(\\d+) errors=(\\d+)");

	static Result wrk(Path script, String url, int seconds, String mode, String prefix, String octet)
			throws Exception {
		Process p = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "--timeout", "5s", "-s",
				script.toString(), url, "--", mode, prefix, String.valueOf(CERTS), octet)
			.redirectErrorStream(true).start();
		Result result = null;
		StringBuilder all = new StringBuilder();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = r.readLine()) != null;) {
				all.append(line).append('\n');
				Matcher m = RESULT.matcher(line);
				if (m.find()) {
					double secs = Double.parseDouble(m.group(2));
					long requests = Long.parseLong(m.group(1));
					result = new Result(requests / secs, Double.parseDouble(m.group(3)) / 1000,
							Double.parseDouble(m.group(4)) / 1000, Long.parseLong(m.group(5)) + Long.parseLong(m.group(6)),
							requests);
				}
			}
		}
		if (p.waitFor() != 0 || result == null) {
			throw new IllegalStateException("wrk failed:\n" + all);
		}
		return result;
	}
}
