package cn.kaowu.platform.candidate;

import cn.kaowu.platform.PersonalDataSeed;
import cn.kaowu.platform.kernel.PersonalData;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/candidate-import: imports a generated 50,000-row xlsx through the real import code (read, check every row
 * with pinyin, duplicate checks, one COPY in one transaction) on the embedded PostgreSQL, then COPYs the same rows
 * raw into the same table, and prints {@code candidate-import: rows_per_s=N ratio_to_copy=R peak_heap_mb=M}. Not a
 * test: nothing asserts on time.
 */
public final class CandidateImportBenchmark {

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
		ImportCandidates importer = ctx.getBean(ImportCandidates.class);
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		DataSource dataSource = ctx.getBean(DataSource.class);
		OrganisationView province = org(organisations, OrganisationType.PROVINCE, "基准省", null);
		OrganisationView college = org(organisations, OrganisationType.COLLEGE, "基准职业学院", province.id());
		Scope scope = new Scope(null, "bench", Role.COLLEGE_ADMIN, college.id(), province.id(), null);

		// Warm-up (JIT, connection pool) with a small file of other people.
		byte[] warm = file(5_000, 0);
		importer.importRows(scope, college.id(), CandidateKind.COLLEGE, "warm.xlsx", warm, new NoContext());
		jdbc.sql("DELETE FROM candidate WHERE college_id = ?").param(college.id()).update();

		List<List<String>> rows = rows(ROWS, 1);
		byte[] xlsx = xlsx(rows);
		System.out.printf("generated %d rows, xlsx %.1f MB%n", ROWS, xlsx.length / 1048576.0);
		System.gc();
		HeapSampler heap = new HeapSampler();
		heap.start();
		long t0 = System.nanoTime();
		ImportCandidates.Outcome outcome = importer.importRows(scope, college.id(), CandidateKind.COLLEGE, "bench.xlsx",
				xlsx, new NoContext());
		long importNanos = System.nanoTime() - t0;
		long peak = heap.finish();
		if (outcome.stored() != ROWS || !outcome.failed().isEmpty()) {
			throw new IllegalStateException("expected " + ROWS + " stored, got " + outcome.stored() + " and "
					+ outcome.failed().size() + " failed, e.g. "
					+ outcome.failed().stream().limit(3).map(Spreadsheets.FailedRow::reason).toList());
		}

		// Baseline: the same rows as stored (numbers sealed before the clock starts), raw COPY into the same table
		// (after removing the imported ones).
		PersonalData personalData = ctx.getBean(PersonalData.class);
		jdbc.sql("DELETE FROM candidate WHERE college_id = ?").param(college.id()).update();
		StringBuilder csv = new StringBuilder();
		String now = java.time.Instant.now().toString();
		for (List<String> r : rows) {
			csv.append(college.id()).append(",COLLEGE,\"").append(r.get(0)).append("\",\"").append(r.get(1))
				.append("\",").append(r.get(2).equals("男") ? "MALE" : "FEMALE").append(",ID_CARD,")
				.append(PersonalDataSeed.csv(personalData, r.get(4), r.get(5))).append(',').append(r.get(6)).append(',')
				.append(r.get(7)).append(',').append(r.get(8)).append(',').append(r.get(9))
				.append(",NO_PHOTO,,").append(now).append(',').append(now).append('\n');
		}
		String data = csv.toString();
		long copyNanos;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long t1 = System.nanoTime();
			long copied = c.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY candidate (" + Candidates.COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(data));
			c.commit();
			copyNanos = System.nanoTime() - t1;
			if (copied != ROWS) {
				throw new IllegalStateException("COPY stored " + copied);
			}
		}
		double importSeconds = importNanos / 1e9;
		double copySeconds = copyNanos / 1e9;
		System.out.printf("import %.2f s, raw COPY %.2f s (%d rows)%n", importSeconds, copySeconds, ROWS);
		System.out.printf("candidate-import: rows_per_s=%d ratio_to_copy=%.2f peak_heap_mb=%d%n",
				Math.round(ROWS / importSeconds), copySeconds / importSeconds, peak / (1024 * 1024));
	}

	public static OrganisationView org(OrganisationManagement organisations, OrganisationType type, String name,
			@Nullable Long provinceId) {
		OrganisationForm form = new OrganisationForm();
		form.setType(type);
		form.setName(name + UUID.randomUUID().toString().substring(0, 6));
		form.setCode("B" + (System.nanoTime() % 100_000_000));
		form.setProvinceId(provinceId);
		return organisations.create(Scope.system(), form);
	}

	static byte[] file(int n, int series) {
		return xlsx(rows(n, series));
	}

	static byte[] xlsx(List<List<String>> rows) {
		return Spreadsheets.sheet("考生",
				CandidateMother.HEADERS.stream().map(h -> new Spreadsheets.Column(h, 12)).toList(), rows);
	}

	/** {@code n} valid rows with distinct ID numbers; {@code series} keeps runs apart. */
	static List<List<String>> rows(int n, int series) {
		List<List<String>> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String[] name = CandidateMother.NAMES[i % CandidateMother.NAMES.length];
			int area = 110101 + series * 100 + (i / 100_000);
			String first17 = String.format("%06d%04d%02d%02d%03d", area, 1995 + (i / 1000) % 10, i % 12 + 1,
					(i / 12) % 28 + 1, i % 1000);
			rows.add(List.of(name[0], name[1], i % 2 == 0 ? "男" : "女", "身份证", ChineseIdNumber.complete(first17),
					"138" + String.format("%08d", i), "2024", "高职", i % 3 == 0 ? "网络营销与直播电商" : "电子商务",
					i % 3 == 0 ? "530703" : "530701"));
		}
		return rows;
	}

	/** Samples the used heap every 5 ms and keeps the maximum. */
	public static final class HeapSampler extends Thread {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong peak = new AtomicLong();

		public HeapSampler() {
			setDaemon(true);
		}

		@Override
		public void run() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		public long finish() throws InterruptedException {
			running.set(false);
			join();
			return peak.get();
		}
	}

	/** The import outside a job: no progress to write. */
	public static final class NoContext implements JobContext {

		private final UUID id = UUID.randomUUID();

		@Override
		public UUID jobId() {
			return id;
		}

		@Override
		public Scope scope() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String params() {
			return "COLLEGE";
		}

		@Override
		public byte @Nullable [] input() {
			return null;
		}

		@Override
		public @Nullable String inputName() {
			return null;
		}

		@Override
		public void progress(int processed, int total) {
		}

		@Override
		public void finish(int succeeded, int failed, String message) {
		}

		@Override
		public void attachResult(String name, String contentType, byte[] content) {
		}

		@Override
		public void attachReport(String name, String contentType, byte[] content) {
		}
	}
}
