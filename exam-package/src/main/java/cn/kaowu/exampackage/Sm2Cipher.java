package cn.kaowu.exampackage;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * SM2 public-key encryption (GB/T 32918.4) in the standard ciphertext order {@code C1 || C3 || C2}
 * (C1 an uncompressed curve point, C3 the SM3 hash, C2 the masked data), as GM/T 0009 and OpenSSL 3 use.
 * Meant for short secrets such as wrapped keys: the ciphertext is 97 bytes longer than the plaintext.
 */
public final class Sm2Cipher {

    /** C1 (65-byte uncompressed point) plus C3 (32-byte SM3). */
    public static final int OVERHEAD = 65 + Sm3.DIGEST_LENGTH;

    private Sm2Cipher() {
    }

    public static byte[] encrypt(PublicKey publicKey, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        Sm2Keys.requireSm2(publicKey);
        try {
            AsymmetricKeyParameter key = ECUtil.generatePublicKeyParameter(publicKey);
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(key, BouncyCastle.RANDOM));
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidKeyException | InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 加密失败 (SM2 encryption failed)", e);
        }
    }

    public static byte[] decrypt(PrivateKey privateKey, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Sm2Keys.requireSm2(privateKey);
        try {
            AsymmetricKeyParameter key = ECUtil.generatePrivateKeyParameter(privateKey);
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(false, key);
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidKeyException | InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 解密失败：私钥不匹配或数据被篡改"
                    + " (SM2 decryption failed: wrong private key or data tampered with)", e);
        }
    }
}
