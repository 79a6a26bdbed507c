package cn.kaowu.platform.job;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work once across N platform nodes: a {@code @Scheduled} method that must not run on two nodes at once
 * also carries {@code @SchedulerLock(name = …)}, and the node that takes the task's row in the {@code shedlock} table
 * (migration V341) runs it; the others skip that tick. Lock times are the database's ({@code usingDbTime()}), so
 * node clocks need not agree, and the platform's {@link java.time.Clock} (which tests move) is not involved.
 * <p>
 * The lock wraps the annotated method's calls through the bean (method proxy), so each such task is a small
 * scheduled method that calls the plain one: code and tests that call the plain method directly are never skipped.
 * Work that belongs to each node (the job runner's poll and heartbeat) is scheduled without a lock;
 * {@code SchedulerLockConventionTest} checks that every {@code @Scheduled} method is one or the other.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
