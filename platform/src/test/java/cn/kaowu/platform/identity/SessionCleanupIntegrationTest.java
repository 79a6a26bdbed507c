package cn.kaowu.platform.identity;

import java.time.Duration;
import java.time.Instant;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Expired sessions are refused on read and their rows deleted by the cleanup; live ones stay. */
@IntegrationTest
class SessionCleanupIntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	SessionCleanup cleanup;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void theCleanupDeletesExpiredSessionsOnly() {
		// Through the generic interface: the repository's own session class is not public.
		SessionRepository repository = sessions;
		Session expired = repository.createSession();
		expired.setAttribute("KAOWU_LOGIN_ERROR", "x");
		expired.setMaxInactiveInterval(Duration.ofMinutes(30));
		expired.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
		repository.save(expired);
		Session live = repository.createSession();
		repository.save(live);
		assertThat(rows(expired.getId())).isEqualTo(1);
		assertThat(sessions.findById(expired.getId())).isNull();

		cleanup.deleteExpired();

		assertThat(rows(expired.getId())).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session_attributes a JOIN spring_session s "
				+ "ON s.primary_id = a.session_primary_id WHERE s.session_id = ?")
			.param(expired.getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(rows(live.getId())).isEqualTo(1);
		assertThat(sessions.findById(live.getId())).isNotNull();
	}

	private long rows(String sessionId) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}
}
