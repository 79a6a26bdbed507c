package cn.kaowu.platform.portal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At most N lookups at once; the rest wait their turn, and past the wait get 503 with Retry-After. */
class LookupSlotsTest {

	@Test
	void neverMoreThanTheSlotsRunAtOnce() throws Exception {
		LookupSlots slots = new LookupSlots(2, Duration.ofSeconds(30));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 50; i++) {
				pool.submit(() -> slots.run(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					try {
						Thread.sleep(2);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					running.decrementAndGet();
					return done.incrementAndGet();
				}));
			}
		}
		assertThat(done.get()).isEqualTo(50);
		assertThat(most.get()).isEqualTo(2);
	}

	@Test
	void pastTheWaitTheAnswerIs503WithRetryAfter() throws Exception {
		LookupSlots slots = new LookupSlots(1, Duration.ofMillis(200));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = Thread.ofVirtual().start(() -> slots.run(() -> {
			holding.countDown();
			try {
				return release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}));
		holding.await();
		assertThatThrownBy(() -> slots.run(() -> "never")).isInstanceOfSatisfying(TooManyLookups.class, e -> {
			assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(e.messageKey()).isEqualTo("portal.error.busy");
			assertThat(e.retryAfterSeconds()).isEqualTo(1);
		});
		release.countDown();
		holder.join();
		// The slot is back: the next lookup runs.
		assertThat(slots.run(() -> "ran")).isEqualTo("ran");
	}

	@Test
	void aLookupThatFailsGivesItsSlotBack() {
		LookupSlots slots = new LookupSlots(1, Duration.ofMillis(100));
		assertThatThrownBy(() -> slots.run(() -> {
			throw new IllegalStateException("database down");
		})).hasMessage("database down");
		assertThat(slots.run(() -> "ran")).isEqualTo("ran");
	}
}
