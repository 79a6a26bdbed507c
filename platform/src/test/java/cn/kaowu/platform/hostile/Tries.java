package cn.kaowu.platform.hostile;

import java.util.Random;

/**
 * Seeded random tries for the mutation tests: plain JUnit loops over a {@link Random} (not jqwik: its engine prints
 * a message asking AI agents not to use it, and we respect the author's wish). Try {@code t} of a run with seed
 * {@code s} gets its own {@code Random} derived from both, so a failure message naming the seed and the try is
 * enough to replay that one try with {@link #replay}.
 */
public final class Tries {

	/** One try: gets its random source, fails by throwing. */
	@FunctionalInterface
	public interface Try {
		void run(Random random) throws Throwable;
	}

	private Tries() {
	}

	/** Runs {@code tries} tries; the first failure is reported with the seed and the try number. */
	public static void run(long seed, int tries, Try body) {
		for (int t = 1; t <= tries; t++) {
			replay(seed, t, body);
		}
	}

	/** Runs try {@code t} of a run with {@code seed} alone, as a failure message names it. */
	public static void replay(long seed, int t, Try body) {
		try {
			body.run(new Random(mix(seed * 1_000_003L + t)));
		}
		catch (Throwable e) {
			throw new AssertionError("seed " + seed + ", try " + t + " (replay with Tries.replay(" + seed + "L, " + t
					+ ", ...)): " + e, e);
		}
	}

	/** An int in [min, max]; one time in eight one of the edges (min, min + 1, 0, max - 1, max) as jqwik mixed in. */
	public static int between(Random random, int min, int max) {
		if (random.nextInt(8) == 0) {
			int[] edges = {min, min + 1, 0, max - 1, max};
			int edge = edges[random.nextInt(edges.length)];
			if (edge >= min && edge <= max) {
				return edge;
			}
		}
		return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
	}

	/** Up to {@code maxSize} random bytes (empty as often as any other size). */
	public static byte[] bytes(Random random, int maxSize) {
		byte[] bytes = new byte[random.nextInt(maxSize + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** One of the values. */
	@SafeVarargs
	public static <T> T oneOf(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	/** SplitMix64's finaliser: neighbouring seeds give unrelated {@code Random}s. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
