package cn.kaowu.platform.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with PostgreSQL's upsert: two requests of one session that both add the same
 * attribute (two tabs posting forms at once, each leaving a flash message) otherwise both INSERT it, and the second
 * answers 500 on a duplicate key. Found by the access matrix (AccessMatrixTest), which sends a session's requests in
 * parallel.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}
}
