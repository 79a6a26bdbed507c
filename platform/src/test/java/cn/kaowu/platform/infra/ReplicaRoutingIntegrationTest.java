package cn.kaowu.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only transactions go to a real streaming replica (the embedded server's data directory copied as a standby),
 * writes to the primary; a request that must see its own write reads from the primary while the replica lags
 * (replay paused) and from the replica once it caught up; a replica that is down sends reads to the primary.
 */
class ReplicaRoutingIntegrationTest {

	@TempDir
	static Path dir;

	static EmbeddedPostgres primaryServer;

	static EmbeddedPostgres replicaServer;

	static HikariDataSource primary;

	static HikariDataSource replica;

	static JdbcTemplate jdbc;

	static TransactionTemplate writes;

	static TransactionTemplate reads;

	@BeforeAll
	static void start() throws Exception {
		Path p = dir.resolve("primary");
		Path r = dir.resolve("replica");
		EmbeddedPostgres first = EmbeddedPostgresConfiguration.builder(p, 0).start();
		int port = first.getPort();
		first.close();
		copy(p, r);
		// PostgreSQL refuses a data directory others can read.
		Files.setPosixFilePermissions(r, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		Files.deleteIfExists(r.resolve("postmaster.pid"));
		Files.deleteIfExists(r.resolve("epg-lock"));
		Files.writeString(r.resolve("standby.signal"), "");
		Files.writeString(r.resolve("postgresql.auto.conf"),
				"\nprimary_conninfo = 'host=127.0.0.1 port=" + port + " user=postgres'\n", StandardOpenOption.APPEND);
		primaryServer = EmbeddedPostgresConfiguration.builder(p, port).start();
		replicaServer = EmbeddedPostgresConfiguration.builder(r, 0).start();
		primary = pool(primaryServer, "primary");
		replica = pool(replicaServer, "replica");
		DataSource routing = ReplicaConfiguration.routing(primary, replica);
		jdbc = new JdbcTemplate(routing);
		DataSourceTransactionManager tm = new DataSourceTransactionManager(routing);
		writes = new TransactionTemplate(tm);
		reads = new TransactionTemplate(tm);
		reads.setReadOnly(true);
		writes.executeWithoutResult(s -> jdbc.execute("CREATE TABLE marker (id int PRIMARY KEY)"));
		waitUntilReplicated();
	}

	@org.junit.jupiter.api.BeforeEach
	void aSafeRequest() {
		ReadYourWrites.allowReplica(null);
	}

	@org.junit.jupiter.api.AfterEach
	void done() {
		ReadYourWrites.primaryOnly();
	}

	@AfterAll
	static void stop() throws IOException {
		primary.close();
		replica.close();
		replicaServer.close();
		primaryServer.close();
	}

	@Test
	void readOnlyTransactionsUseTheReplicaAndWritesThePrimary() {
		assertThat(recovery(reads, jdbc)).isTrue();
		assertThat(recovery(writes, jdbc)).isFalse();
		assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class))
			.as("outside a transaction: the primary").isFalse();
	}

	@Test
	void aReadOnlyScopeWithoutATransactionUsesTheReplicaToo() {
		TransactionTemplate supports = new TransactionTemplate(reads.getTransactionManager());
		supports.setReadOnly(true);
		supports.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_SUPPORTS);
		Boolean onReplica = supports.execute(s -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
		assertThat(onReplica).isTrue();
		ReadYourWrites.primaryOnly();
		Boolean onPrimary = supports.execute(s -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
		assertThat(onPrimary).as("outside safe requests: the primary").isFalse();
	}

	@Test
	void aRequestThatWroteReadsItsWriteWhileTheReplicaLags() throws Exception {
		new JdbcTemplate(replica).execute("SELECT pg_wal_replay_pause()");
		try {
			writes.executeWithoutResult(s -> jdbc.update("INSERT INTO marker VALUES (1)"));
			String lsn = new JdbcTemplate(primary).queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
			assertThat(countOne()).as("another client reads the lagging replica").isZero();
			ReadYourWrites.allowReplica(ReadYourWrites.valid(lsn));
			assertThat(countOne()).as("the writer sees its write").isEqualTo(1);
			assertThat(recovery(reads, jdbc)).isFalse();
		}
		finally {
			new JdbcTemplate(replica).execute("SELECT pg_wal_replay_resume()");
		}
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (!recovery(reads, jdbc)
				&& Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		assertThat(recovery(reads, jdbc))
			.as("caught up: back to the replica").isTrue();
		assertThat(countOne()).isEqualTo(1);
	}

	@Test
	void outsideSafeRequestsEvenReadOnlyTransactionsUseThePrimary() {
		ReadYourWrites.primaryOnly();
		assertThat(recovery(reads, jdbc)).as("a job or a POST reads from the primary").isFalse();
	}

	@Test
	void readOnlyTransactionsWriteNothing() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> reads.executeWithoutResult(s -> jdbc.update("INSERT INTO marker VALUES (99)")))
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
	}

	@Test
	void aReplicaThatIsDownSendsReadsToThePrimary() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/postgres");
		config.setUsername("postgres");
		config.setInitializationFailTimeout(-1);
		config.setConnectionTimeout(500);
		try (HikariDataSource gone = new HikariDataSource(config)) {
			DataSource routing = ReplicaConfiguration.routing(primary, gone);
			TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(routing));
			tx.setReadOnly(true);
			JdbcTemplate j = new JdbcTemplate(routing);
			assertThat(recovery(tx, j)).isFalse();
			assertThat(one(tx, j)).isEqualTo(1);
		}
	}

	@Test
	void aWritingRequestHandsTheClientThePositionAndTheNextRequestCarriesIt() throws Exception {
		ReadYourWrites filter = new ReadYourWrites(ReplicaConfiguration.routing(primary, replica));
		org.springframework.mock.web.MockHttpServletRequest post = new org.springframework.mock.web.MockHttpServletRequest(
				"POST", "/candidates");
		org.springframework.mock.web.MockHttpServletResponse posted = new org.springframework.mock.web.MockHttpServletResponse();
		filter.doFilter(post, posted, (req, res) -> {
			writes.executeWithoutResult(s -> jdbc.update("INSERT INTO marker VALUES (2) ON CONFLICT DO NOTHING"));
			res.getWriter().write("ok");
		});
		String lsn = posted.getHeader(ReadYourWrites.RESPONSE_HEADER);
		assertThat(ReadYourWrites.valid(lsn)).isNotNull();
		jakarta.servlet.http.Cookie cookie = posted.getCookie(ReadYourWrites.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo(lsn);
		assertThat(cookie.isHttpOnly()).isTrue();

		org.springframework.mock.web.MockHttpServletRequest get = new org.springframework.mock.web.MockHttpServletRequest(
				"GET", "/candidates");
		get.setCookies(cookie);
		String[] seen = new String[1];
		org.springframework.mock.web.MockHttpServletResponse got = new org.springframework.mock.web.MockHttpServletResponse();
		filter.doFilter(get, got, (req, res) -> seen[0] = java.util.Objects.requireNonNull(ReadYourWrites.current()).after());
		assertThat(seen[0]).isEqualTo(lsn);
		assertThat(got.getHeader(ReadYourWrites.RESPONSE_HEADER)).as("a GET writes nothing").isNull();
		assertThat(ReadYourWrites.current()).as("cleared after the request").isNull();
	}

	@Test
	void thePortalsLookupsPostedAsFormsReadFromTheReplicaAndOtherPostsDoNot() throws Exception {
		ReadYourWrites filter = new ReadYourWrites(ReplicaConfiguration.routing(primary, replica));
		for (String path : new String[] { "/api/v1/portal/certificates/verify", "/api/v1/portal/scores", "/portal" }) {
			boolean[] replicaAllowed = new boolean[1];
			org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
			filter.doFilter(new org.springframework.mock.web.MockHttpServletRequest("POST", path), response,
					(req, res) -> replicaAllowed[0] = ReadYourWrites.current() != null);
			assertThat(replicaAllowed[0]).as(path).isTrue();
			assertThat(response.getHeader(ReadYourWrites.RESPONSE_HEADER)).as("%s writes nothing", path).isNull();
		}
		boolean[] replicaAllowed = new boolean[1];
		filter.doFilter(new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/portal/share/codes"),
				new org.springframework.mock.web.MockHttpServletResponse(),
				(req, res) -> replicaAllowed[0] = ReadYourWrites.current() != null);
		assertThat(replicaAllowed[0]).as("a share code is a write").isFalse();
	}

	@Test
	void onlyWellFormedPositionsAreBelieved() {
		assertThat(ReadYourWrites.valid("0/3000060")).isEqualTo("0/3000060");
		assertThat(ReadYourWrites.valid(" 1a/ff ")).isEqualTo("1A/FF");
		assertThat(ReadYourWrites.valid("0/3000060'; DROP TABLE x")).isNull();
		assertThat(ReadYourWrites.valid("123456789/0")).isNull();
		assertThat(ReadYourWrites.valid("")).isNull();
		assertThat(ReadYourWrites.valid(null)).isNull();
	}

	private static boolean recovery(TransactionTemplate tx, JdbcTemplate j) {
		Boolean inRecovery = tx.execute(s -> j.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
		return Boolean.TRUE.equals(inRecovery);
	}

	private static int one(TransactionTemplate tx, JdbcTemplate j) {
		Integer one = tx.execute(s -> j.queryForObject("SELECT 1", Integer.class));
		return one == null ? 0 : one;
	}

	private static int countOne() {
		Integer n = reads.execute(s -> count(1));
		return n == null ? -1 : n;
	}

	private static int count(int id) {
		return jdbc.queryForObject("SELECT count(*) FROM marker WHERE id = ?", Integer.class, id);
	}

	private static void waitUntilReplicated() throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			Boolean there = new JdbcTemplate(replica)
				.queryForObject("SELECT to_regclass('marker') IS NOT NULL", Boolean.class);
			if (Boolean.TRUE.equals(there)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the replica did not receive the table within 30 s");
	}

	private static HikariDataSource pool(EmbeddedPostgres server, String name) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPoolName(name);
		config.setMaximumPoolSize(4);
		return new HikariDataSource(config);
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			files.forEach(f -> {
				try {
					Path target = to.resolve(from.relativize(f).toString());
					if (Files.isDirectory(f)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(f, target);
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
