package cn.kaowu.platform.portal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many public lookups (成绩查询, 证书查验, 分享码) of this node run at once: {@code kaowu.portal.concurrent-lookups}
 * (default 8, below the connection pool's 10, so that on publication day staff pages and jobs keep connections of their
 * own). The others wait in arrival order, at most {@code kaowu.portal.lookup-wait} (default 5 s), then get 503 with
 * {@code Retry-After} ({@link TooManyLookups#busy}). Without it, 64 waiting lookups raced for the pool's connections,
 * which hands a freed connection to whoever asks first rather than to who waited longest: a few waited very long
 * (found by {@code bench/run lookup}: p99 several times the median).
 */
@Component
class LookupSlots {

	private final Semaphore slots;

	private final long waitNanos;

	LookupSlots(@Value("${kaowu.portal.concurrent-lookups:8}") int slots,
			@Value("${kaowu.portal.lookup-wait:5s}") Duration wait) {
		if (slots < 1) {
			throw new IllegalArgumentException("kaowu.portal.concurrent-lookups must be at least 1: " + slots);
		}
		this.slots = new Semaphore(slots, true);
		this.waitNanos = wait.toNanos();
	}

	<T> T run(Supplier<T> lookup) {
		boolean acquired;
		try {
			acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw TooManyLookups.busy(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos)));
		}
		try {
			return lookup.get();
		}
		finally {
			slots.release();
		}
	}
}
