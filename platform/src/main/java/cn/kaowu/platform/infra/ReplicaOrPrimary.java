package cn.kaowu.platform.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source of read-only transactions when a streaming replica is configured: the replica while a safe
 * request runs ({@link ReadYourWrites}), unless that request must see its own earlier write and the replica has not
 * replayed that far yet, or the replica cannot be reached; otherwise the primary. A broken replica costs one failed connection attempt per
 * {@link #RETRY_AFTER}, not one per request.
 */
class ReplicaOrPrimary extends DelegatingDataSource {

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(ReplicaOrPrimary.class);

	private final DataSource primary;

	private final AtomicLong replicaDownUntil = new AtomicLong();

	ReplicaOrPrimary(DataSource replica, DataSource primary) {
		super(replica);
		this.primary = primary;
	}

	@Override
	public Connection getConnection() throws SQLException {
		ReadYourWrites.Reads reads = ReadYourWrites.current();
		if (reads == null || System.nanoTime() - replicaDownUntil.get() < 0) {
			return primary.getConnection();
		}
		Connection replica;
		try {
			replica = obtainTargetDataSource().getConnection();
		}
		catch (SQLException e) {
			replicaDownUntil.set(System.nanoTime() + RETRY_AFTER.toNanos());
			log.warn("Replica unreachable, reading from the primary for {} s: {}", RETRY_AFTER.toSeconds(),
					e.getMessage());
			return primary.getConnection();
		}
		String required = reads.after();
		if (required == null || replayed(replica, required)) {
			return replica;
		}
		replica.close();
		return primary.getConnection();
	}

	private static boolean replayed(Connection replica, String lsn) throws SQLException {
		try (PreparedStatement s = replica
			.prepareStatement("SELECT coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")) {
			s.setString(1, lsn);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}
}
