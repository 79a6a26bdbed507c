package cn.kaowu.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditVerification;
import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented backup and restore (ops/backup.sh, ops/restore.sh, docs/operations.md): data made through the
 * services, a dump of the running platform's database, a restore into a fresh database, and the same row count in
 * every table; the audit chain verifies in the restored copy; the key files come back. Needs Debian's
 * postgresql-client ({@code .ci/run} installs it).
 */
@IntegrationTest
class BackupRestoreIntegrationTest {

	private static final Path OPS = Path.of("..", "ops").toAbsolutePath().normalize();

	@TempDir
	Path temp;

	@Autowired
	TestWorld world;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	DataSource dataSource;

	@Test
	void backupRestoresIntoAFreshDatabaseWithTheSameRowsAndAnIntactAuditChain() throws Exception {
		OrganisationView college = world.college(world.province());
		Scope scope = world.scopeOf(world.account(Role.COLLEGE_ADMIN, college));
		for (int i = 0; i < 3; i++) {
			candidates.create(scope, CandidateKind.COLLEGE, form(CandidateMother.row(i)));
		}
		Path data = Files.createDirectories(temp.resolve("data/keys"));
		Files.write(data.resolve("bank.key"), new byte[] { 1, 2, 3, 4 });
		Path backup = temp.resolve("backup");

		Map<String, Long> before;
		// The counts and the dump read one snapshot, so jobs and events of other tests cannot slip in between.
		try (Connection source = dataSource.getConnection()) {
			source.setAutoCommit(false);
			try (Statement s = source.createStatement()) {
				s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
				String snapshot = single(s, "SELECT pg_export_snapshot()");
				before = counts(source);
				run(List.of("bash", OPS.resolve("backup.sh").toString(), backup.toString(), "--",
						"--snapshot=" + snapshot), "postgres", temp.resolve("data"));
			}
			source.rollback();
		}
		assertThat(before).containsKeys("public.audit_entry", "public.candidate", "public.flyway_schema_history");
		assertThat(before.get("public.candidate")).isGreaterThanOrEqualTo(3);
		assertThat(backup.resolve("kaowu.dump")).isNotEmptyFile();
		assertThat(backup.resolve("SHA256SUMS")).content().contains("kaowu.dump", "keys.tar.gz");

		String fresh = "restored_" + System.nanoTime();
		// The owner creates databases; the application's role (kaowu_app) may not.
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + fresh);
		}
		try {
			String out = run(List.of("bash", OPS.resolve("restore.sh").toString(), backup.toString()), fresh,
					temp.resolve("restored-data"));
			assertThat(out).contains("restore: ");
			DataSource restored = postgres.getDatabase("postgres", fresh);
			try (Connection c = restored.getConnection()) {
				assertThat(counts(c)).isEqualTo(before);
			}
			AuditVerification chain = AuditLog.verify(JdbcClient.create(restored));
			assertThat(chain.intact()).isTrue();
			assertThat(chain.entriesChecked()).isEqualTo(before.get("public.audit_entry"));
			assertThat(temp.resolve("restored-data/keys/bank.key")).hasBinaryContent(new byte[] { 1, 2, 3, 4 });

			// A second restore into the now full database is refused before it touches anything.
			Process again = process(List.of("bash", OPS.resolve("restore.sh").toString(), backup.toString()), fresh,
					temp.resolve("again"));
			String refusal = new String(again.getInputStream().readAllBytes());
			assertThat(again.waitFor()).isNotZero();
			assertThat(refusal).contains("目标数据库不是空的");
		}
		finally {
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)");
			}
		}
	}

	private static CandidateForm form(List<String> row) {
		CandidateForm f = new CandidateForm();
		f.setName(row.get(0));
		f.setPinyin(row.get(1));
		f.setGender(row.get(2));
		f.setIdType(row.get(3));
		f.setIdNumber(row.get(4));
		f.setPhone(row.get(5));
		f.setEnrolmentYear(row.get(6));
		f.setEducationLevel(row.get(7));
		f.setMajorName(row.get(8));
		f.setMajorCode(row.get(9));
		return f;
	}

	/** Rows per application table (every schema but PostgreSQL's own). */
	private static Map<String, Long> counts(Connection c) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
				WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		Map<String, Long> counts = new TreeMap<>();
		try (Statement s = c.createStatement()) {
			for (String table : tables) {
				counts.put(table, Long.parseLong(single(s, "SELECT count(*) FROM " + table)));
			}
		}
		return counts;
	}

	private static String single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private String run(List<String> command, String database, Path kaowuData) throws Exception {
		Process p = process(command, database, kaowuData);
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
		return out;
	}

	private Process process(List<String> command, String database, Path kaowuData) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = pb.environment();
		env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SPRING_DATASOURCE"));
		env.put("PGHOST", "localhost");
		env.put("PGPORT", String.valueOf(postgres.getPort()));
		env.put("PGUSER", "postgres");
		env.put("PGDATABASE", database);
		env.put("KAOWU_DATA", kaowuData.toString());
		return pb.start();
	}
}
