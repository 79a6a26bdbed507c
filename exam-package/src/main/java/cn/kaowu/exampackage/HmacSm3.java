package cn.kaowu.exampackage;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Keyed SM3 (HMAC-SM3, RFC 2104), e.g. for blind indexes over encrypted columns.
 * Thread-safe; one instance per key.
 */
public final class HmacSm3 {

    public static final int MAC_LENGTH = Sm3.DIGEST_LENGTH;

    /** Shorter keys make a blind index guessable by brute force. */
    public static final int MIN_KEY_LENGTH = 16;

    public static final int GENERATED_KEY_LENGTH = 32;

    private final byte[] key;

    public HmacSm3(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_LENGTH) {
            throw new CryptoException("HMAC-SM3 密钥至少需要 " + MIN_KEY_LENGTH + " 字节，实际为 " + key.length
                    + " 字节 (HMAC-SM3 key must be at least " + MIN_KEY_LENGTH + " bytes, got " + key.length + ")");
        }
        this.key = key.clone();
    }

    public static byte[] generateKey() {
        byte[] key = new byte[GENERATED_KEY_LENGTH];
        BouncyCastle.RANDOM.nextBytes(key);
        return key;
    }

    public byte[] mac(byte[] data) {
        Objects.requireNonNull(data, "data");
        // HMac is stateful, so a fresh one per call keeps the instance thread-safe.
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[MAC_LENGTH];
        hmac.doFinal(out, 0);
        return out;
    }

    /** MAC of the UTF-8 bytes of {@code text} as 64 lower-case hex characters. */
    public String hexMac(String text) {
        Objects.requireNonNull(text, "text");
        return HexFormat.of().formatHex(mac(text.getBytes(StandardCharsets.UTF_8)));
    }
}
