package cn.kaowu.exampackage.hostile;

import java.util.Arrays;
import java.util.Random;

/**
 * A byte-level mutation of a valid file, for the fuzz tests of both modules (the platform's tests use this through
 * exam-package's test-jar, like {@link Tries}).
 */
public enum Mutation {
    FLIP, TRUNCATE, INSERT, DELETE, OVERWRITE;

    /**
     * A random mutation at a random place (wrapped around the data) with up to 12 random bytes; an insertion of no
     * bytes inserts {@code insertWhenEmpty} (0 for binary formats, {@code '<'} to trouble XML parsers).
     */
    public static byte[] any(Random random, byte[] data, byte insertWhenEmpty) {
        return Tries.oneOf(random, values())
            .apply(data, Tries.between(random, 0, 1_000_000), Tries.bytes(random, 12), insertWhenEmpty);
    }

    /** This mutation at {@code at} (wrapped around the data) with {@code bytes}; empty data becomes {@code bytes}. */
    public byte[] apply(byte[] data, int at, byte[] bytes, byte insertWhenEmpty) {
        if (data.length == 0) {
            return bytes;
        }
        int i = Math.floorMod(at, data.length);
        return switch (this) {
            case FLIP -> {
                byte[] out = data.clone();
                out[i] ^= (byte) (bytes.length == 0 || bytes[0] == 0 ? 1 : bytes[0]);
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(data, i);
            case INSERT -> {
                byte[] extra = bytes.length == 0 ? new byte[] {insertWhenEmpty} : bytes;
                byte[] out = new byte[data.length + extra.length];
                System.arraycopy(data, 0, out, 0, i);
                System.arraycopy(extra, 0, out, i, extra.length);
                System.arraycopy(data, i, out, i + extra.length, data.length - i);
                yield out;
            }
            case DELETE -> {
                int n = Math.max(1, Math.min(bytes.length, data.length - i));
                byte[] out = new byte[data.length - n];
                System.arraycopy(data, 0, out, 0, i);
                System.arraycopy(data, i + n, out, i, data.length - i - n);
                yield out;
            }
            case OVERWRITE -> {
                byte[] out = data.clone();
                byte[] with = bytes.length == 0 ? new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f} : bytes;
                for (int k = 0; k < with.length && i + k < out.length; k++) {
                    out[i + k] = with[k];
                }
                yield out;
            }
        };
    }
}
