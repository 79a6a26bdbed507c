package cn.kaowu.platform.identity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
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

	/** Without Spring Session JDBC (its auto-configuration excluded, as the sessions benchmark's baseline does) a no-op. */
	SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
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
