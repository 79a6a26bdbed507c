package cn.kaowu.platform.infra;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's own database, as started by the application, is durable and fully migrated. */
@IntegrationTest
class RunningDatabaseIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void applicationDatabaseIsDurable() {
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

	@Test
	void flywayAppliedEveryMigration() {
		Integer failed = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
			.query(Integer.class)
			.single();
		assertThat(failed).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history").query(Integer.class).single())
			.isGreaterThanOrEqualTo(4);
	}
}
