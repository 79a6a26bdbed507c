package cn.kaowu.platform.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A sliding-window limit in memory: at most {@code limit} granted attempts per key in any {@code window}. Refused
 * attempts are not counted, so {@link Decision#retryAfterSeconds()} is when the oldest granted attempt leaves the
 * window. Memory is bounded twice: keys whose attempts have all left the window are dropped when the map grows, and
 * the map never holds more than {@code maxKeys} keys (the least recently used go first — a flood of a million distinct
 * ID numbers costs at most {@code maxKeys} small entries). Thread-safe without a global lock (one key's attempts are
 * updated atomically, other keys in parallel); pure (the caller passes the time).
 */
public final class RateLimiter {

	/** Whether the attempt may go ahead; if not, in how many seconds (at least 1) to try again. */
	public record Decision(boolean allowed, long retryAfterSeconds) {
	}

	/** Keys held at most unless told otherwise: about 200 bytes each. */
	public static final long MAX_KEYS = 100_000;

	private static final int SWEEP_AT = 10_000;

	/** One key's granted attempts in the window: a ring of epoch milliseconds, oldest at {@code start}. */
	private static final class Attempts {

		final long[] times;

		int start;

		int count;

		Attempts(int limit) {
			this.times = new long[limit];
		}

		void dropBefore(long from) {
			while (count > 0 && times[start] <= from) {
				start = (start + 1) % times.length;
				count--;
			}
		}

		long newest() {
			return times[(start + count - 1 + times.length) % times.length];
		}
	}

	private final int limit;

	private final long windowMillis;

	private final Cache<String, Attempts> cache;

	private final ConcurrentMap<String, Attempts> attempts;

	private final AtomicLong sweepAt = new AtomicLong(SWEEP_AT);

	private final AtomicBoolean sweeping = new AtomicBoolean();

	public RateLimiter(int limit, Duration window) {
		this(limit, window, MAX_KEYS);
	}

	public RateLimiter(int limit, Duration window, long maxKeys) {
		if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
			throw new IllegalArgumentException("limit " + limit + ", window " + window + ", keys " + maxKeys);
		}
		this.limit = limit;
		this.windowMillis = window.toMillis();
		this.cache = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
		this.attempts = cache.asMap();
	}

	public Decision acquire(String key, Instant now) {
		long t = now.toEpochMilli();
		long from = t - windowMillis;
		long[] refusedFor = { 0 };
		attempts.compute(key, (k, a) -> {
			Attempts times = a == null ? new Attempts(limit) : a;
			times.dropBefore(from);
			if (times.count >= limit) {
				refusedFor[0] = Math.max(1, (times.times[times.start] + windowMillis - t + 999) / 1000);
				return times;
			}
			times.times[(times.start + times.count) % limit] = t;
			times.count++;
			return times;
		});
		if (refusedFor[0] > 0) {
			return new Decision(false, refusedFor[0]);
		}
		if (attempts.size() >= sweepAt.get() && sweeping.compareAndSet(false, true)) {
			try {
				attempts.forEach((k, v) -> attempts.computeIfPresent(k, (kk, a) -> {
					a.dropBefore(from);
					return a.count == 0 || a.newest() <= from ? null : a;
				}));
				sweepAt.set(Math.max(SWEEP_AT, attempts.size() * 2L));
			}
			finally {
				sweeping.set(false);
			}
		}
		return new Decision(true, 0);
	}

	/** How many keys are held (for tests). */
	long size() {
		cache.cleanUp();
		return cache.estimatedSize();
	}
}
