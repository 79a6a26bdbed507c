package cn.kaowu.platform.identity;

import java.sql.Timestamp;
import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions from the database once a minute, on one node. Spring Session's own cleanup timer runs on
 * every node and is switched off ({@code spring.session.jdbc.cleanup-cron=-}). An expired session is refused on
 * read whether or not its row is gone yet: the cleanup only keeps the table small.
 */
@Component
class SessionCleanup {

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Without Spring Session JDBC (its auto-configuration excluded, as the sessions benchmark's baseline does) a no-op. */
	SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions, JdbcClient jdbc, Clock clock) {
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The per-IP login limit's failures older than its window no longer count: deleted every 5 minutes, on one node. */
	@Scheduled(cron = "${kaowu.identity.ip-failure-cleanup-cron:30 */5 * * * *}")
	@SchedulerLock(name = "login-ip-failure-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	void scheduledIpFailureCleanup() {
		deleteOldIpFailures();
	}

	int deleteOldIpFailures() {
		return jdbc.sql("DELETE FROM login_ip_failure WHERE failed_at <= ?")
			.param(Timestamp.from(clock.instant().minus(LockoutPolicy.IP_WINDOW)))
			.update();
	}

	/**
	 * At most 5 minutes: one DELETE of expired rows takes well under a second, even after a long stop. At least 30
	 * seconds (half the one-minute period): the other nodes' timers fire within the same second and skip.
	 */
	@Scheduled(cron = "${kaowu.sessions.cleanup-cron:0 * * * * *}")
	@SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	void scheduledCleanup() {
		deleteExpired();
	}

	/** Deletes the rows of sessions past their expiry time. */
	void deleteExpired() {
		sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
	}
}
