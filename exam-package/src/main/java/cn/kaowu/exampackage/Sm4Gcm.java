package cn.kaowu.exampackage;

import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in GCM mode (authenticated encryption, RFC 8998). Output layout:
 * {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}.
 * Associated data, when given, is authenticated but not stored: decrypt with the same bytes.
 */
public final class Sm4Gcm {

    public static final int KEY_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private Sm4Gcm() {
    }

    public static byte[] generateKey() {
        byte[] key = new byte[KEY_LENGTH];
        BouncyCastle.RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] encrypt(byte[] key, byte[] plaintext) {
        return encrypt(key, plaintext, null);
    }

    /** @param associatedData may be {@code null} */
    public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] associatedData) {
        // Random nonces are safe for about 2^32 messages per key, far beyond one package or column key.
        byte[] nonce = new byte[NONCE_LENGTH];
        BouncyCastle.RANDOM.nextBytes(nonce);
        return encrypt(key, nonce, plaintext, associatedData);
    }

    /** Fixed nonce, only for known-answer tests: a repeated nonce breaks GCM completely. */
    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        GCMBlockCipher gcm = cipher(true, key, nonce, associatedData, plaintext.length);
        byte[] out = new byte[NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail an authentication check", e);
        }
        return out;
    }

    public static byte[] decrypt(byte[] key, byte[] ciphertext) {
        return decrypt(key, ciphertext, null);
    }

    /** @throws CryptoException if the data was altered, the key is wrong or the associated data differs */
    public static byte[] decrypt(byte[] key, byte[] ciphertext, byte[] associatedData) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException("SM4-GCM 密文过短：" + ciphertext.length + " 字节，至少需要 "
                    + (NONCE_LENGTH + TAG_LENGTH) + " 字节 (SM4-GCM ciphertext too short: " + ciphertext.length
                    + " bytes, need at least " + (NONCE_LENGTH + TAG_LENGTH) + ")");
        }
        byte[] nonce = Arrays.copyOf(ciphertext, NONCE_LENGTH);
        GCMBlockCipher gcm = cipher(false, key, nonce, associatedData, ciphertext.length);
        int bodyLength = ciphertext.length - NONCE_LENGTH;
        byte[] out = new byte[gcm.getOutputSize(bodyLength)];
        try {
            int n = gcm.processBytes(ciphertext, NONCE_LENGTH, bodyLength, out, 0);
            gcm.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            // Unauthenticated plaintext must never leave this method.
            Arrays.fill(out, (byte) 0);
            throw new CryptoException("SM4-GCM 解密失败：数据被篡改、密钥错误或关联数据不一致"
                    + " (SM4-GCM decryption failed: data tampered with, wrong key or different associated data)", e);
        }
    }

    /**
     * Below this many bytes the GHASH multiplier works without tables: building the 4 KB table costs more than a
     * sealed ID number (two blocks) takes to multiply without it — about 2 µs instead of 12 per value.
     */
    static final int SMALL = 1024;

    private static GCMBlockCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, int length) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new CryptoException("SM4 密钥必须为 " + KEY_LENGTH + " 字节，实际为 " + key.length
                    + " 字节 (SM4 key must be " + KEY_LENGTH + " bytes, got " + key.length + ")");
        }
        GCMBlockCipher gcm = (GCMBlockCipher) (length < SMALL
                ? GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier())
                : GCMBlockCipher.newInstance(new SM4Engine()));
        byte[] aad = associatedData == null ? NO_ASSOCIATED_DATA : associatedData;
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        return gcm;
    }
}
