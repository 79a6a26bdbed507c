package cn.kaowu.platform.pilot;

import java.time.Instant;
import java.time.LocalDateTime;

import cn.kaowu.platform.kernel.AdjustableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's ends, to the second: both minutes are inside, wholly. */
class SubmissionWindowTest {

	final SubmissionWindow window = new SubmissionWindow(LocalDateTime.of(2026, 4, 1, 0, 0),
			LocalDateTime.of(2026, 4, 4, 23, 59));

	static Instant at(int day, int h, int m, int s) {
		return LocalDateTime.of(2026, 4, day, h, m, s).atZone(AdjustableClock.CHINA).toInstant();
	}

	@Test
	void theFirstSecondIsInsideAndTheOneBeforeIsNot() {
		assertThat(window.contains(at(1, 0, 0, 0))).isTrue();
		assertThat(window.contains(at(1, 0, 0, 0).minusMillis(1))).isFalse();
		assertThat(window.contains(LocalDateTime.of(2026, 3, 31, 23, 59, 59).atZone(AdjustableClock.CHINA).toInstant()))
			.isFalse();
		assertThat(window.notYetOpen(at(1, 0, 0, 0).minusSeconds(1))).isTrue();
	}

	@Test
	void theLastSecondIsInsideAndTheOneAfterIsNot() {
		assertThat(window.contains(at(4, 23, 59, 59))).isTrue();
		assertThat(window.contains(at(4, 23, 59, 59).plusMillis(999))).isTrue();
		assertThat(window.contains(at(4, 23, 59, 59).plusSeconds(1))).isFalse();
		assertThat(window.over(at(4, 23, 59, 59).plusSeconds(1))).isTrue();
		assertThat(window.over(at(4, 23, 59, 59))).isFalse();
	}

	@Test
	void secondsAreDroppedAndTheWindowReadsAsOnThePlatform() {
		SubmissionWindow w = new SubmissionWindow(LocalDateTime.of(2026, 4, 1, 8, 30, 45),
				LocalDateTime.of(2026, 4, 2, 17, 0, 12));
		assertThat(w.toString()).isEqualTo("2026-04-01 08:30 ~ 2026-04-02 17:00");
		assertThat(window.toString()).isEqualTo("2026-04-01 00:00 ~ 2026-04-04 23:59");
		assertThat(SubmissionWindow.of(window.opensAt(), window.end().atZone(AdjustableClock.CHINA).toInstant()))
			.isEqualTo(window);
	}
}
