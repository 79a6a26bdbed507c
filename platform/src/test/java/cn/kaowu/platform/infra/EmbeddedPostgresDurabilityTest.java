package cn.kaowu.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server must be durable (the library's defaults turn fsync and synchronous_commit off) and
 * must keep its data across a restart.
 */
class EmbeddedPostgresDurabilityTest {

	@TempDir
	Path temp;

	@Test
	void runsWithFsyncAndSynchronousCommitOnAndKeepsDataAcrossRestart() throws Exception {
		Path dir = temp.resolve("data").resolve("platform");
		try (EmbeddedPostgres pg = EmbeddedPostgresConfiguration.builder(dir, 0).start();
				Connection c = pg.getPostgresDatabase().getConnection();
				Statement s = c.createStatement()) {
			assertThat(setting(s, "fsync")).isEqualTo("on");
			assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(s, "full_page_writes")).isEqualTo("on");
			s.execute("CREATE TABLE kept (v TEXT)");
			s.execute("INSERT INTO kept VALUES ('考务')");
		}
		assertThat(Files.exists(dir.resolve("PG_VERSION"))).isTrue();

		try (EmbeddedPostgres pg = EmbeddedPostgresConfiguration.builder(dir, 0).start();
				Connection c = pg.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("考务");
		}
	}

	private static String setting(Statement s, String name) throws Exception {
		try (ResultSet rs = s.executeQuery("SHOW " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
