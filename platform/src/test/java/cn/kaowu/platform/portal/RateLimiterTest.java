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
	void idleKeysGiveUpTheirSlotsAndLiveOnesAreAllKept() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		for (int i = 0; i < 10_000; i++) {
			limiter.acquire("old-" + i, T0);
		}
		assertThat(limiter.size(T0)).isEqualTo(10_000);
		long slots = limiter.capacity();
		for (int i = 0; i < 10_000; i++) {
			limiter.acquire("new-" + i, T0.plusSeconds(61));
		}
		// The old keys, a minute quiet, are gone; every new one is held (below the bound nothing live is dropped),
		// mostly in the old keys' slots.
		assertThat(limiter.size(T0.plusSeconds(61))).isEqualTo(10_000);
		assertThat(limiter.capacity()).isLessThanOrEqualTo(2 * slots);
		assertThat(limiter.acquire("old-0", T0.plusSeconds(62)).allowed()).isTrue();
	}

	@Test
	void belowTheBoundNoLiveKeyIsForgotten() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1), 100_000);
		for (int round = 0; round < 10; round++) {
			for (int i = 0; i < 50_000; i++) {
				assertThat(limiter.acquire("11010119900101" + i, T0.plusMillis(round)).allowed()).isTrue();
			}
		}
		for (int i = 0; i < 50_000; i++) {
			assertThat(limiter.acquire("11010119900101" + i, T0.plusSeconds(1)).allowed()).as("key " + i).isFalse();
		}
		assertThat(limiter.capacity()).isLessThanOrEqualTo(100_000);
	}

	@Test
	void aMillionDistinctKeysStayWithinTheBound() {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1), 5_000);
		for (int i = 0; i < 1_000_000; i++) {
			assertThat(limiter.acquire("1101011990" + i, T0.plusMillis(i / 100)).allowed()).isTrue();
		}
		assertThat(limiter.capacity()).isLessThanOrEqualTo(5_000);
		assertThat(limiter.size(T0.plusSeconds(11))).isLessThanOrEqualTo(5_000);
		// The most recent keys are still counted.
		for (int i = 0; i < 9; i++) {
			limiter.acquire("1101011990999999", T0.plusSeconds(11));
		}
		assertThat(limiter.acquire("1101011990999999", T0.plusSeconds(11)).allowed()).isFalse();
	}

	@Test
	void manyThreadsOnOneKeyGetTenInAll() throws Exception {
		RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1));
		java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			for (int t = 0; t < 8; t++) {
				pool.submit(() -> {
					for (int i = 0; i < 1_000; i++) {
						if (limiter.acquire("1.2.3.4", T0.plusMillis(i)).allowed()) {
							allowed.incrementAndGet();
						}
					}
				});
			}
		}
		assertThat(allowed.get()).isEqualTo(10);
	}
}
