package cn.kaowu.platform.infra;

import cn.kaowu.platform.kernel.PersonalData;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Java migration that seals the personal data stored in plaintext before V393 (it needs the keys). */
@Configuration(proxyBeanMethods = false)
class PersonalDataMigration {

	@Bean
	FlywayConfigurationCustomizer sealPersonalData(PersonalData personalData) {
		return configuration -> configuration.javaMigrations(new V394__SealPersonalData(personalData));
	}
}
