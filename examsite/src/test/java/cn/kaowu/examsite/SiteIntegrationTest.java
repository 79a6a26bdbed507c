package cn.kaowu.examsite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole site server on a random port, with its own embedded PostgreSQL and data directory
 * under {@code target/test-site/} and a {@link MutableClock} starting at {@link TestPackages#SLOT_START} − 1 h.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SiteIntegrationTest.Clocks.class)
public @interface SiteIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(TestPackages.SLOT_START.minusSeconds(3600));
        }
    }
}
