package cn.kaowu.platform.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdjustableClockTest {

	@Test
	void followsItsBaseUntilMovedThenKeepsTheOffset() {
		Instant base = Instant.parse("2026-11-23T00:00:00Z");
		AdjustableClock clock = new AdjustableClock(Clock.fixed(base, ZoneOffset.UTC));
		assertThat(clock.instant()).isEqualTo(base);

		Instant target = Instant.parse("2027-06-26T06:00:00Z");
		clock.setInstant(target);
		assertThat(clock.instant()).isEqualTo(target);

		clock.advance(Duration.ofMinutes(30));
		assertThat(clock.instant()).isEqualTo(target.plus(Duration.ofMinutes(30)));
		assertThat(clock.withZone(AdjustableClock.CHINA).instant()).isEqualTo(clock.instant());

		clock.reset();
		assertThat(clock.instant()).isEqualTo(base);
	}

	@Test
	void pageQueryBoundaries() {
		assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(1, 10));
		assertThat(new PageQuery(1, 100).size()).isEqualTo(100);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageQuery(1, 101))
			.isInstanceOf(InvalidInputProblem.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageQuery(0, 10))
			.isInstanceOf(InvalidInputProblem.class);
		assertThat(new PageQuery(3, 10).offset()).isEqualTo(20);
	}
}
