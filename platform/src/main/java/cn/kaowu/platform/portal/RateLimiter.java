package cn.kaowu.platform.portal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sliding-window limit in memory: at most {@code limit} granted attempts per key in any {@code window}. Refused
 * attempts are not counted, so {@link Decision#retryAfterSeconds()} is when the oldest granted attempt leaves the
 * window. Pure (the caller passes the time) and thread-safe (16 segments, each under its own short lock).
 * <p>
 * Built for a flood of distinct keys — every request of a crawler from another address or with another ID number —
 * without garbage: a key is kept as a seeded 64-bit hash, never as the string (no ID number stays in memory), in
 * primitive arrays of buckets of {@value #WAYS} slots, each slot a ring of epoch milliseconds. An attempt allocates
 * nothing; the arrays double while live keys would otherwise be displaced, up to {@code maxKeys} slots in all. A slot
 * whose attempts have all left the window is reused in place; only when every slot of a bucket is live, at the bound, is
 * the one used least recently given up — so memory stays bounded under any flood (the old Caffeine map made a dozen
 * objects per key, which the collector copied and traced under exactly that load: p99 of {@code bench/run lookup}).
 */
public final class RateLimiter {

	/** Whether the attempt may go ahead; if not, in how many seconds (at least 1) to try again. */
	public record Decision(boolean allowed, long retryAfterSeconds) {
	}

	/** Keys held at most unless told otherwise: about 100 bytes each at a limit of 10. */
	public static final long MAX_KEYS = 100_000;

	static final int WAYS = 64;

	private static final Decision ALLOWED = new Decision(true, 0);

	private static final int SEGMENTS = 16;

	private final int limit;

	private final long windowMillis;

	private final long seed = new SecureRandom().nextLong();

	private final Segment[] segments;

	public RateLimiter(int limit, Duration window) {
		this(limit, window, MAX_KEYS);
	}

	public RateLimiter(int limit, Duration window, long maxKeys) {
		if (limit < 1 || limit > 0xFFFF || window.isNegative() || window.isZero() || maxKeys < 1
				|| maxKeys > Integer.MAX_VALUE / limit) {
			throw new IllegalArgumentException("limit " + limit + ", window " + window + ", keys " + maxKeys);
		}
		this.limit = limit;
		this.windowMillis = window.toMillis();
		// Few keys: one segment, so that the bound is exact; otherwise 16, each a 16th of the bound.
		int count = maxKeys < SEGMENTS * WAYS * 8L ? 1 : SEGMENTS;
		int maxBuckets = (int) Math.max(1, maxKeys / count / WAYS);
		this.segments = new Segment[count];
		for (int i = 0; i < count; i++) {
			segments[i] = new Segment(maxBuckets);
		}
	}

	public Decision acquire(String key, Instant now) {
		long hash = hash(key);
		Segment segment = segments[(int) ((hash >>> 32) % segments.length)];
		return segment.acquire(hash, now.toEpochMilli());
	}

	/** Keys with an attempt still in the window at {@code now} (for tests). */
	long size(Instant now) {
		long n = 0;
		for (Segment s : segments) {
			n += s.live(now.toEpochMilli() - windowMillis);
		}
		return n;
	}

	/** Slots allocated in all (for tests: the memory bound). */
	long capacity() {
		long n = 0;
		for (Segment s : segments) {
			n += s.hashes.length;
		}
		return n;
	}

	/**
	 * A seeded 64-bit mix of the key's characters (FNV-1a steps, then a SplitMix64 finish); never 0, the hash of a slot
	 * never used.
	 */
	private long hash(String key) {
		long h = seed ^ 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h = (h ^ key.charAt(i)) * 0x100000001b3L;
		}
		h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
		h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
		h ^= h >>> 31;
		return h == 0 ? 1 : h;
	}

	/**
	 * One part of the table. Slot {@code s} (bucket {@code s / WAYS}) holds the key's hash in {@code hashes[s]}, its
	 * granted attempts in {@code times[s * limit ...]} as a ring, and in {@code rings[s]} the ring's start (high 16
	 * bits) and count (low 16 bits); a slot without attempts in the window is free.
	 */
	private final class Segment {

		private final ReentrantLock lock = new ReentrantLock();

		private final int maxBuckets;

		private long[] hashes;

		private long[] times;

		private int[] rings;

		Segment(int maxBuckets) {
			this.maxBuckets = maxBuckets;
			allocate(1);
		}

		private void allocate(int buckets) {
			hashes = new long[buckets * WAYS];
			times = new long[buckets * WAYS * limit];
			rings = new int[buckets * WAYS];
		}

		Decision acquire(long hash, long t) {
			long from = t - windowMillis;
			lock.lock();
			try {
				int slot = find(hash);
				if (slot < 0) {
					slot = claim(hash, from);
				}
				int ring = rings[slot];
				int start = ring >>> 16;
				int count = ring & 0xFFFF;
				int base = slot * limit;
				while (count > 0 && times[base + start] <= from) {
					start = (start + 1) % limit;
					count--;
				}
				if (count >= limit) {
					rings[slot] = start << 16 | count;
					return new Decision(false, Math.max(1, (times[base + start] + windowMillis - t + 999) / 1000));
				}
				times[base + (start + count) % limit] = t;
				rings[slot] = start << 16 | (count + 1);
				return ALLOWED;
			}
			finally {
				lock.unlock();
			}
		}

		private int bucket(long hash) {
			return (int) Long.remainderUnsigned(hash, hashes.length / WAYS);
		}

		private int find(long hash) {
			int first = bucket(hash) * WAYS;
			for (int s = first; s < first + WAYS; s++) {
				if (hashes[s] == hash) {
					return s;
				}
			}
			return -1;
		}

		/** A slot for a new key: an empty or idle one of its bucket, else (after growing, if allowed) the stalest. */
		private int claim(long hash, long from) {
			int slot = free(bucket(hash) * WAYS, from);
			if (slot < 0 && hashes.length / WAYS < maxBuckets) {
				grow(from);
				slot = free(bucket(hash) * WAYS, from);
			}
			if (slot < 0) {
				slot = stalest(bucket(hash) * WAYS);
			}
			hashes[slot] = hash;
			rings[slot] = 0;
			return slot;
		}

		private int free(int first, long from) {
			for (int s = first; s < first + WAYS; s++) {
				if (newest(s) <= from) {
					return s;
				}
			}
			return -1;
		}

		private int stalest(int first) {
			int stalest = first;
			for (int s = first + 1; s < first + WAYS; s++) {
				if (newest(s) < newest(stalest)) {
					stalest = s;
				}
			}
			return stalest;
		}

		/** The slot's latest granted attempt (Long.MIN_VALUE when it has none: empty). */
		private long newest(int s) {
			return newest(times, rings, s);
		}

		/** The same in the arrays given (those before {@link #grow}). */
		private long newest(long[] times, int[] rings, int s) {
			int ring = rings[s];
			int count = ring & 0xFFFF;
			return count == 0 ? Long.MIN_VALUE : times[s * limit + ((ring >>> 16) + count - 1) % limit];
		}

		/** Doubles the buckets (at most to the bound), moving the live keys; a bucket that overflows keeps the newest. */
		private void grow(long from) {
			long[] oldHashes = hashes;
			long[] oldTimes = times;
			int[] oldRings = rings;
			allocate(Math.min(maxBuckets, oldHashes.length / WAYS * 2));
			for (int s = 0; s < oldHashes.length; s++) {
				long newest = newest(oldTimes, oldRings, s);
				if (newest <= from) {
					continue;
				}
				int first = bucket(oldHashes[s]) * WAYS;
				int to = free(first, from);
				if (to < 0) {
					to = stalest(first);
					if (newest(to) >= newest) {
						continue;
					}
				}
				hashes[to] = oldHashes[s];
				rings[to] = oldRings[s];
				System.arraycopy(oldTimes, s * limit, times, to * limit, limit);
			}
		}

		long live(long from) {
			lock.lock();
			try {
				long n = 0;
				for (int s = 0; s < hashes.length; s++) {
					if (newest(s) > from) {
						n++;
					}
				}
				return n;
			}
			finally {
				lock.unlock();
			}
		}
	}
}
