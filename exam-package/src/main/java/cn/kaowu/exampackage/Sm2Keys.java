package cn.kaowu.exampackage;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * SM2 key pairs (curve sm2p256v1) and their encodings: private keys as PKCS#8, public keys as X.509
 * SubjectPublicKeyInfo, each as DER or PEM; interoperable with OpenSSL 3.
 */
public final class Sm2Keys {

    static final String CURVE = "sm2p256v1";
    private static final String PRIVATE_PEM_TYPE = "PRIVATE KEY";
    private static final String PUBLIC_PEM_TYPE = "PUBLIC KEY";
    private static final ECParameterSpec SM2_PARAMS = sm2Params();

    private Sm2Keys() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), BouncyCastle.RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("无法生成 SM2 密钥对 (cannot generate SM2 key pair)", e);
        }
    }

    /** PKCS#8 DER. */
    public static byte[] encodePrivateKey(PrivateKey key) {
        return requireSm2(key).getEncoded();
    }

    /** X.509 SubjectPublicKeyInfo DER. */
    public static byte[] encodePublicKey(PublicKey key) {
        return requireSm2(key).getEncoded();
    }

    public static PrivateKey decodePrivateKey(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            return requireSm2(keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoException("无法解析 SM2 私钥（PKCS#8）(cannot decode SM2 private key, PKCS#8)", e);
        }
    }

    public static PublicKey decodePublicKey(byte[] x509) {
        Objects.requireNonNull(x509, "x509");
        try {
            return requireSm2(keyFactory().generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoException("无法解析 SM2 公钥（X.509）(cannot decode SM2 public key, X.509)", e);
        }
    }

    /** Unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); protect the file accordingly. */
    public static String toPem(PrivateKey key) {
        return pem(PRIVATE_PEM_TYPE, encodePrivateKey(key));
    }

    /** X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static String toPem(PublicKey key) {
        return pem(PUBLIC_PEM_TYPE, encodePublicKey(key));
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        return decodePrivateKey(unpem(PRIVATE_PEM_TYPE, pem));
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return decodePublicKey(unpem(PUBLIC_PEM_TYPE, pem));
    }

    /** Rejects keys of other algorithms or curves, e.g. a NIST P-256 key that would otherwise be accepted. */
    static <K extends Key> K requireSm2(K key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof ECKey ec && sameCurve(ec.getParams(), SM2_PARAMS)) {
            return key;
        }
        throw new CryptoException("不是 SM2 密钥：" + describe(key) + " (not an SM2 key: " + describe(key) + ")");
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a != null && a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
    }

    private static String describe(Key key) {
        return key.getAlgorithm() + (key instanceof ECKey ec && ec.getParams() != null
                ? " " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve" : "");
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
    }

    private static ECParameterSpec sm2Params() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC", BouncyCastle.PROVIDER);
            params.init(new ECGenParameterSpec(CURVE));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static byte[] unpem(String expectedType, String pem) {
        Objects.requireNonNull(pem, "pem");
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("PEM 格式错误 (malformed PEM)", e);
        }
        if (object == null) {
            throw new CryptoException("未找到 PEM 块 " + expectedType + " (no PEM block found, expected "
                    + expectedType + ")");
        }
        if (!expectedType.equals(object.getType())) {
            throw new CryptoException("PEM 类型应为 " + expectedType + "，实际为 " + object.getType()
                    + " (expected PEM type " + expectedType + ", got " + object.getType() + ")");
        }
        return object.getContent();
    }
}
