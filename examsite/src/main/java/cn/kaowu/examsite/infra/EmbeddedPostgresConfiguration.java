package cn.kaowu.examsite.infra;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The site's own PostgreSQL, started inside the server (a college PC has nothing installed), data kept in
 * {@code <data-dir>/pg} across restarts. Copied from the platform's infra on purpose: the two are separate
 * deployables and share no runtime code but {@code exam-package}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The library starts PostgreSQL with fsync, synchronous_commit and full_page_writes off (fine for throw-away
     * test databases, fatal for saved answers after a power cut, issue 6 item 5). We turn them back on.
     */
    static final Map<String, String> DURABLE_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SiteDataDir dataDir) throws IOException {
        Path dir = dataDir.resolve("pg");
        Files.createDirectories(dir.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring stops the server after the connection pool; the library's own hook would stop it first.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "Asia/Shanghai");
        DURABLE_SETTINGS.forEach(builder::setServerConfig);
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("examsite-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
