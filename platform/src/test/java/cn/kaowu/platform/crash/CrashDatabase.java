package cn.kaowu.platform.crash;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash tests' view of the PostgreSQL that outlives the nodes, as its owner (the application's role would not see
 * the other sessions' locks and queries in {@code pg_stat_activity}), and the one way they stop a node at the worst
 * moment: {@link #holdAuditHead} — every audited change locks the audit chain's head row last, just before its commit,
 * so a node's work blocks there with its rows written and not committed.
 */
final class CrashDatabase {

	private final EmbeddedPostgres postgres;

	final JdbcClient jdbc;

	CrashDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
	}

	/** For the nodes: the same database, as its owner. */
	String url() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/** A transaction holding the audit chain's head row until the connection is rolled back or closed. */
	Connection holdAuditHead() throws SQLException {
		Connection c = postgres.getPostgresDatabase().getConnection();
		c.setAutoCommit(false);
		try (Statement st = c.createStatement()) {
			st.execute("SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE");
		}
		return c;
	}

	/** A session that has written (it has a transaction id) waits for the audit head. */
	boolean writerWaitingOnAuditHead() {
		return count("""
				SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND backend_xid IS NOT NULL AND query LIKE '%audit_chain_head%'""") > 0;
	}

	/** After the kill and the release: the dead node's backend found its connection closed and rolled back. */
	void awaitDeadTransactionGone() throws InterruptedException {
		await(null, "the killed node's transaction ended", () -> !writerWaitingOnAuditHead() && count("""
				SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
				AND state LIKE 'idle in transaction%'""") == 0);
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Polls (every 200 ms, up to 6 minutes: the CI machine is slow); fails with the node's log. */
	static void await(@Nullable PlatformNode node, String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not within 6 minutes: " + what + (node == null ? "" : "\n" + node.tail()));
			}
			Thread.sleep(200);
		}
	}
}
