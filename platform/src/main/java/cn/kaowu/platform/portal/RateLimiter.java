package cn.kaowu.platform.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A sliding-window limit in memory: at most {@code limit} granted attempts per key in any {@code window}. Refused
 * attempts are not counted, so {@link Decision#retryAfterSeconds()} is when the oldest granted attempt leaves the
 * window. Keys whose attempts have all left the window are dropped when the map grows, so memory stays bounded by
 * the keys active in the last window. Thread-safe; pure (the caller passes the time).
 */
public final class RateLimiter {

	/** Whether the attempt may go ahead; if not, in how many seconds (at least 1) to try again. */
	public record Decision(boolean allowed, long retryAfterSeconds) {
	}

	private static final int SWEEP_AT = 10_000;

	private final int limit;

	private final Duration window;

	private final Map<String, ArrayDeque<Instant>> attempts = new HashMap<>();

	private int sweepAt = SWEEP_AT;

	public RateLimiter(int limit, Duration window) {
		if (limit < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("limit " + limit + ", window " + window);
		}
		this.limit = limit;
		this.window = window;
	}

	public synchronized Decision acquire(String key, Instant now) {
		ArrayDeque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
		Instant from = now.minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
			times.pollFirst();
		}
		if (times.size() >= limit) {
			long millis = Duration.between(now, times.peekFirst().plus(window)).toMillis();
			return new Decision(false, Math.max(1, (millis + 999) / 1000));
		}
		times.addLast(now);
		if (attempts.size() >= sweepAt) {
			attempts.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(from));
			sweepAt = Math.max(SWEEP_AT, attempts.size() * 2);
		}
		return new Decision(true, 0);
	}

	/** How many keys are held (for tests). */
	synchronized int size() {
		return attempts.size();
	}
}
