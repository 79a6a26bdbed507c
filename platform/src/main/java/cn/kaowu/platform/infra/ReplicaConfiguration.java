package cn.kaowu.platform.infra;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read-only transactions ({@code @Transactional(readOnly = true)}: the public portal, exports, lists) go to a
 * PostgreSQL streaming replica when {@code kaowu.datasource.replica.url} is set; everything else, and every
 * transaction that writes, goes to the primary. The application's data source is wrapped in a
 * {@link LazyConnectionDataSourceProxy}, which picks the connection only once it knows whether the transaction is
 * read-only. Without the property nothing is wrapped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kaowu.datasource.replica.url")
class ReplicaConfiguration {

	/**
	 * The replica's pool, deliberately not a {@code DataSource} bean: a second one would make Spring Boot back off from
	 * creating the primary {@code dataSource}, and Flyway would migrate the (read-only) replica.
	 */
	static final class ReplicaPool implements AutoCloseable {

		final HikariDataSource dataSource;

		ReplicaPool(Environment env) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(env.getRequiredProperty("kaowu.datasource.replica.url"));
			config.setUsername(env.getProperty("kaowu.datasource.replica.username",
					env.getProperty("spring.datasource.username", "postgres")));
			config.setPassword(env.getProperty("kaowu.datasource.replica.password",
					env.getProperty("spring.datasource.password")));
			config.setPoolName("kaowu-replica");
			config.setMaximumPoolSize(env.getProperty("kaowu.datasource.replica.pool-size", Integer.class, 20));
			config.setReadOnly(true);
			// A missing replica must not stop the platform: connections are tried when used, not at start.
			config.setInitializationFailTimeout(-1);
			this.dataSource = new HikariDataSource(config);
		}

		@Override
		public void close() {
			dataSource.close();
		}
	}

	@Bean(destroyMethod = "close")
	static ReplicaPool replicaPool(Environment env) {
		return new ReplicaPool(env);
	}

	/** Wraps the primary {@code dataSource} bean, whichever configuration made it (embedded or external). */
	@Bean
	static BeanPostProcessor replicaRouting(BeanFactory beans) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource primary && "dataSource".equals(beanName)) {
					return routing(primary, beans.getBean(ReplicaPool.class).dataSource);
				}
				return bean;
			}
		};
	}

	/**
	 * Read-only transactions to the replica; so are read-only scopes without a transaction
	 * ({@code @Transactional(readOnly = true, propagation = SUPPORTS)}: a single-statement read such as the public
	 * certificate check, which needs no BEGIN/COMMIT round trip, only the routing).
	 */
	static DataSource routing(DataSource primary, DataSource replica) {
		LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()
						&& !TransactionSynchronizationManager.isActualTransactionActive()) {
					// The lazy proxy only notes the flag and picks the read-only data source when first used.
					connection.setReadOnly(true);
				}
				return connection;
			}
		};
		proxy.setReadOnlyDataSource(new ReplicaOrPrimary(replica, primary));
		return proxy;
	}

	@Bean
	FilterRegistrationBean<ReadYourWrites> readYourWrites(DataSource dataSource) {
		FilterRegistrationBean<ReadYourWrites> registration = new FilterRegistrationBean<>(
				new ReadYourWrites(dataSource));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}
}
