package cn.kaowu.exampackage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * SM3withSM2 signatures (GB/T 32918) with the standard user id {@code 1234567812345678}
 * (GM/T 0009); signatures are DER-encoded {@code SEQUENCE {r, s}}, as OpenSSL writes them.
 */
public final class Sm2Signer {

    public static final String ALGORITHM = "SM3withSM2";

    // Signer and verifier must agree on the id, so it is fixed here rather than left to a library default.
    private static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private Sm2Signer() {
    }

    public static byte[] sign(PrivateKey privateKey, byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            Signature signature = signing(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 签名失败 (SM2 signing failed)", e);
        }
    }

    /** @return {@code false} for a wrong, altered or malformed signature, or a message that was changed */
    public static boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        Signature verifier = verifying(publicKey);
        try {
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // A signature that does not even parse is just as invalid as one that does not match.
            return false;
        }
    }

    /** An initialised signer, for streaming large messages through {@code update}. */
    static Signature signing(PrivateKey privateKey) {
        Sm2Keys.requireSm2(privateKey);
        try {
            Signature signature = newSignature();
            signature.initSign(privateKey, BouncyCastle.RANDOM);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 签名失败 (SM2 signing failed)", e);
        }
    }

    /** An initialised verifier, for streaming large messages through {@code update}. */
    static Signature verifying(PublicKey publicKey) {
        Sm2Keys.requireSm2(publicKey);
        try {
            Signature verifier = newSignature();
            verifier.initVerify(publicKey);
            return verifier;
        } catch (InvalidKeyException e) {
            throw new CryptoException("SM2 公钥不可用 (unusable SM2 public key)", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SM2 验签失败 (SM2 verification failed)", e);
        }
    }

    private static Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, BouncyCastle.PROVIDER);
        signature.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID));
        return signature;
    }
}
