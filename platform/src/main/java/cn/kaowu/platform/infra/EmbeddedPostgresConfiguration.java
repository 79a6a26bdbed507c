package cn.kaowu.platform.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the application when no {@code spring.datasource.url}
 * ({@code SPRING_DATASOURCE_URL}) is configured, so that the platform runs on a bare machine. Its data
 * directory persists across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/**
	 * The library starts PostgreSQL with fsync, synchronous_commit and full_page_writes off (fine for
	 * throw-away test databases, fatal for real data after a power cut). We turn them back on.
	 */
	static final Map<String, String> DURABLE_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${kaowu.embedded-db.data-dir:./data/platform}") String dataDir,
			@Value("${kaowu.embedded-db.port:0}") int port) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		log.info("Starting embedded PostgreSQL with data in {}", dir);
		return builder(dir, port).start();
	}

	/** The server as the platform runs it: durable, data kept in {@code dir} across restarts. */
	static EmbeddedPostgres.Builder builder(Path dir, int port) throws IOException {
		Files.createDirectories(dir.getParent());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Spring stops the server after the connection pool (destroy order); the library's own JVM hook
			// would stop it first, while shutdown work still needs the database.
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			.setServerConfig("timezone", "Asia/Shanghai");
		DURABLE_SETTINGS.forEach(builder::setServerConfig);
		if (port > 0) {
			builder.setPort(port);
		}
		return builder;
	}

	/**
	 * The application connects as {@code kaowu.db.app-role} (default {@code kaowu_app}), not as the owner of the
	 * tables: Flyway migrates as the owner ({@code postgres}) and grants the role what it needs, except UPDATE, DELETE
	 * and TRUNCATE on the audit trail ({@code db/migration/afterMigrate.sql}).
	 */
	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${kaowu.db.app-role:kaowu_app}") String appRole)
			throws java.sql.SQLException {
		ensureRole(postgres, appRole);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl(appRole, "postgres"));
		config.setUsername(appRole);
		config.setPoolName("kaowu-embedded");
		config.setMaximumPoolSize(20);
		return new HikariDataSource(config);
	}

	/** Flyway migrates as the owner; the application's own pool has fewer rights. */
	@Bean
	org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer ownerMigrates(EmbeddedPostgres postgres) {
		return configuration -> configuration.dataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
	}

	/** Creates the login role once (trust authentication on loopback, like the owner). */
	static void ensureRole(EmbeddedPostgres postgres, String role) throws java.sql.SQLException {
		if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("kaowu.db.app-role must be a plain lower-case name: " + role);
		}
		try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
					+ "CREATE ROLE " + role + " LOGIN; END IF; END $$");
			s.execute("GRANT CONNECT ON DATABASE postgres TO " + role);
			s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + role);
		}
	}
}
