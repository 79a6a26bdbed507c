package cn.kaowu.platform.identity;

import java.time.Duration;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SessionPolicyIntegrationTest {

	@Autowired
	Environment environment;

	@Test
	void sessionsTimeOutAfterThirtyMinutes() {
		Duration timeout = environment.getProperty("server.servlet.session.timeout", Duration.class);
		assertThat(timeout).isEqualTo(Duration.ofMinutes(30));
	}
}
