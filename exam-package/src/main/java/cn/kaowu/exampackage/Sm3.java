package cn.kaowu.exampackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 hash (GB/T 32905), 32-byte digests; hex output is lower case. */
public final class Sm3 {

    public static final int DIGEST_LENGTH = 32;

    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        Objects.requireNonNull(data, "data");
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        sm3.doFinal(out, 0);
        return out;
    }

    /** SM3 digest of {@code data} as 64 lower-case hex characters. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    /** SM3 digest of a file's content as hex, read in 64 KiB blocks (memory does not grow with the file). */
    public static String hex(Path file) {
        SM3Digest sm3 = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                sm3.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** SM3 digest of the UTF-8 bytes of {@code text} as 64 lower-case hex characters. */
    public static String hexDigest(String text) {
        Objects.requireNonNull(text, "text");
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
