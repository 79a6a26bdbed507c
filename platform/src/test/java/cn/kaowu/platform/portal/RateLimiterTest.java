package cn.kaowu.platform.portal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten a minute per key: the 10th passes, the 11th waits for the oldest to leave the window. */
class RateLimiterTest {

	static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

	@Test
	void theTenthPassesAndTheEleventhIsRefusedWithRetryAfter() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.acquire("1.2.3.4", T0.plusSeconds(i)).allowed()).as("attempt " + (i + 1)).isTrue();
		}
		RateLimiter.Decision eleventh = limiter.acquire("1.2.3.4", T0.plusSeconds(30));
		assertThat(eleventh.allowed()).isFalse();
		assertThat(eleventh.retryAfterSeconds()).isEqualTo(30);
		// Another key is not affected.
		assertThat(limiter.acquire("5.6.7.8", T0.plusSeconds(30)).allowed()).isTrue();
	}

	@Test
	void theWindowSlides() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		for (int i = 0; i < 10; i++) {
			limiter.acquire("k", T0.plusSeconds(i));
		}
		// The first attempt leaves the window exactly 60 s later: one more passes, then refused again.
		assertThat(limiter.acquire("k", T0.plusSeconds(59)).allowed()).isFalse();
		assertThat(limiter.acquire("k", T0.plusSeconds(59)).retryAfterSeconds()).isEqualTo(1);
		assertThat(limiter.acquire("k", T0.plusSeconds(60)).allowed()).isTrue();
		assertThat(limiter.acquire("k", T0.plusSeconds(60)).allowed()).isFalse();
		// A minute of silence after the last attempt: a full ten again.
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.acquire("k", T0.plusSeconds(120 + i)).allowed()).isTrue();
		}
		assertThat(limiter.acquire("k", T0.plusSeconds(130)).allowed()).isFalse();
	}

	@Test
	void refusedAttemptsDoNotExtendTheWait() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		for (int i = 0; i < 10; i++) {
			limiter.acquire("k", T0);
		}
		for (int i = 1; i < 60; i++) {
			assertThat(limiter.acquire("k", T0.plusSeconds(i)).allowed()).isFalse();
		}
		assertThat(limiter.acquire("k", T0.plusSeconds(60)).allowed()).isTrue();
	}

	@Test
	void idleKeysAreSweptWhenTheMapGrows() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		for (int i = 0; i < 10_000; i++) {
			limiter.acquire("old-" + i, T0);
		}
		// At 10,000 keys nothing is idle yet, so the next sweep waits for twice as many.
		assertThat(limiter.size()).isEqualTo(10_000);
		for (int i = 0; i < 10_000; i++) {
			limiter.acquire("new-" + i, T0.plusSeconds(61));
		}
		// At 20,000 the old ones, a minute quiet, are dropped.
		assertThat(limiter.size()).isEqualTo(10_000);
		assertThat(limiter.acquire("new-0", T0.plusSeconds(62)).allowed()).isTrue();
	}

	@Test
	void aMillionDistinctKeysStayWithinTheBound() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1), 5_000);
		for (int i = 0; i < 1_000_000; i++) {
			assertThat(limiter.acquire("1101011990" + i, T0.plusMillis(i / 100)).allowed()).isTrue();
		}
		assertThat(limiter.size()).isLessThanOrEqualTo(5_000);
		// The most recent keys are still counted.
		for (int i = 0; i < 9; i++) {
			limiter.acquire("1101011990999999", T0.plusSeconds(11));
		}
		assertThat(limiter.acquire("1101011990999999", T0.plusSeconds(11)).allowed()).isFalse();
	}
}
