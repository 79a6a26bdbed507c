package cn.kaowu.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole platform on a real embedded PostgreSQL, served on a random port. Every test
 * class with this annotation shares one application context (and so one database): create your own data
 * through {@link TestWorld} with unique names instead of assuming an empty database. The platform clock is reset
 * before every test ({@link ClockReset}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(ClockReset.class)
@Import({ TestWorld.class, cn.kaowu.platform.enrollment.EnrollmentMother.class,
		cn.kaowu.platform.schedule.ScheduleMother.class, cn.kaowu.platform.certificate.CertificateMother.class })
public @interface IntegrationTest {
}
