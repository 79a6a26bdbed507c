package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Sm2Test {

    private static final byte[] MESSAGE = "成绩包 results ORG-0001 第一场".getBytes(StandardCharsets.UTF_8);

    // Generated with OpenSSL 3.0:
    //   openssl genpkey -algorithm SM2 -out key.pem; openssl pkey -in key.pem -pubout
    //   printf '考务 exam package v1' | openssl dgst -sm3 -sign key.pem -sigopt distid:1234567812345678
    // OpenSSL 3.0 signs with an empty user id unless distid is given; that variant is the second signature.
    private static final String OPENSSL_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgcUlo50F/PJ7qjbuq
            bwxiYejHIet7Ve8TbJWxuublRTmhRANCAASoLrmaXfpfTWw1HgThxwNpNpFyM1cz
            8vVC6QhE2LhKSvY+LSIUy8moXOoWQc/64WPW8osIBmXcniKwxzif/Ys8
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEqC65ml36X01sNR4E4ccDaTaRcjNX
            M/L1QukIRNi4Skr2Pi0iFMvJqFzqFkHP+uFj1vKLCAZl3J4isMc4n/2LPA==
            -----END PUBLIC KEY-----
            """;
    private static final byte[] OPENSSL_MESSAGE = "考务 exam package v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OPENSSL_SIGNATURE = HexFormat.of().parseHex(
            "304602210085cee5340d13219929121ebdec0294c63c8b4c85c44b53001a11b22c2b00cc20"
                    + "0221009e4334f0e9054d7d85ff0008ded011abb4396736e499d743ec3bfa27f80b49df");
    private static final byte[] OPENSSL_SIGNATURE_EMPTY_USER_ID = HexFormat.of().parseHex(
            "3046022100ec53ee4c2336ace953bcd8384dcaeb4dd05bcd44adfe7046063a6a05923f1086"
                    + "022100d33831ba9cf564ca544a438211a4b2e62458f0ed8c146e8d3a896ed60c7eec60");

    @Test
    void signsAndVerifies() {
        KeyPair keys = Sm2Keys.generateKeyPair();

        byte[] signature = Sm2Signer.sign(keys.getPrivate(), MESSAGE);

        assertThat(Sm2Signer.verify(keys.getPublic(), MESSAGE, signature)).isTrue();
    }

    @Test
    void verifiesASignatureMadeByOpenSsl() {
        PublicKey openSslKey = Sm2Keys.publicKeyFromPem(OPENSSL_PUBLIC_PEM);

        assertThat(Sm2Signer.verify(openSslKey, OPENSSL_MESSAGE, OPENSSL_SIGNATURE)).isTrue();
        assertThat(Sm2Signer.verify(openSslKey, MESSAGE, OPENSSL_SIGNATURE)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherUserId() {
        PublicKey openSslKey = Sm2Keys.publicKeyFromPem(OPENSSL_PUBLIC_PEM);

        assertThat(Sm2Signer.verify(openSslKey, OPENSSL_MESSAGE, OPENSSL_SIGNATURE_EMPTY_USER_ID)).isFalse();
    }

    @Test
    void signaturesFromADecodedOpenSslKeyVerifyWithItsPublicKey() {
        PrivateKey privateKey = Sm2Keys.privateKeyFromPem(OPENSSL_PRIVATE_PEM);

        byte[] signature = Sm2Signer.sign(privateKey, MESSAGE);

        assertThat(Sm2Signer.verify(Sm2Keys.publicKeyFromPem(OPENSSL_PUBLIC_PEM), MESSAGE, signature)).isTrue();
    }

    @Test
    void rejectsAlteredMessage() {
        KeyPair keys = Sm2Keys.generateKeyPair();
        byte[] signature = Sm2Signer.sign(keys.getPrivate(), MESSAGE);
        byte[] altered = MESSAGE.clone();
        altered[altered.length - 1] ^= 0x01;

        assertThat(Sm2Signer.verify(keys.getPublic(), altered, signature)).isFalse();
    }

    @Test
    void rejectsAlteredOrMalformedSignature() {
        KeyPair keys = Sm2Keys.generateKeyPair();
        byte[] signature = Sm2Signer.sign(keys.getPrivate(), MESSAGE);
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 0x01;

        assertThat(Sm2Signer.verify(keys.getPublic(), MESSAGE, flipped)).isFalse();
        assertThat(Sm2Signer.verify(keys.getPublic(), MESSAGE, Arrays.copyOf(signature, 20))).isFalse();
        assertThat(Sm2Signer.verify(keys.getPublic(), MESSAGE, new byte[0])).isFalse();
        assertThat(Sm2Signer.verify(keys.getPublic(), MESSAGE, new byte[72])).isFalse();
    }

    @Test
    void rejectsSignatureFromAnotherKey() {
        KeyPair signer = Sm2Keys.generateKeyPair();
        KeyPair other = Sm2Keys.generateKeyPair();

        byte[] signature = Sm2Signer.sign(signer.getPrivate(), MESSAGE);

        assertThat(Sm2Signer.verify(other.getPublic(), MESSAGE, signature)).isFalse();
    }

    @Test
    void derEncodingsRoundTrip() {
        KeyPair keys = Sm2Keys.generateKeyPair();

        PrivateKey privateKey = Sm2Keys.decodePrivateKey(Sm2Keys.encodePrivateKey(keys.getPrivate()));
        PublicKey publicKey = Sm2Keys.decodePublicKey(Sm2Keys.encodePublicKey(keys.getPublic()));

        assertThat(privateKey.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(publicKey.getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(Sm2Signer.verify(publicKey, MESSAGE, Sm2Signer.sign(privateKey, MESSAGE))).isTrue();
    }

    @Test
    void pemEncodingsRoundTripAndUseStandardHeaders() {
        KeyPair keys = Sm2Keys.generateKeyPair();

        String privatePem = Sm2Keys.toPem(keys.getPrivate());
        String publicPem = Sm2Keys.toPem(keys.getPublic());

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        byte[] signature = Sm2Signer.sign(Sm2Keys.privateKeyFromPem(privatePem), MESSAGE);
        assertThat(Sm2Signer.verify(Sm2Keys.publicKeyFromPem(publicPem), MESSAGE, signature)).isTrue();
    }

    @Test
    void publicKeyIsEncodedExactlyAsOpenSslDoes() {
        PublicKey key = Sm2Keys.publicKeyFromPem(OPENSSL_PUBLIC_PEM);

        assertThat(Sm2Keys.toPem(key).strip()).isEqualTo(OPENSSL_PUBLIC_PEM.strip());
    }

    @Test
    void rejectsPemOfTheWrongType() {
        KeyPair keys = Sm2Keys.generateKeyPair();

        assertThatThrownBy(() -> Sm2Keys.privateKeyFromPem(Sm2Keys.toPem(keys.getPublic())))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(expected PEM type PRIVATE KEY, got PUBLIC KEY)");
        assertThatThrownBy(() -> Sm2Keys.publicKeyFromPem("not a pem"))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("no PEM block found");
    }

    @Test
    void rejectsGarbageDer() {
        assertThatThrownBy(() -> Sm2Keys.decodePublicKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(cannot decode SM2 public key, X.509)");
        assertThatThrownBy(() -> Sm2Keys.decodePrivateKey(new byte[10]))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(cannot decode SM2 private key, PKCS#8)");
    }

    @Test
    void rejectsKeysOnOtherCurves() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair nist = generator.generateKeyPair();

        assertThatThrownBy(() -> Sm2Keys.decodePublicKey(nist.getPublic().getEncoded()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(not an SM2 key");
        assertThatThrownBy(() -> Sm2Signer.sign(nist.getPrivate(), MESSAGE))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(not an SM2 key");
        assertThatThrownBy(() -> Sm2Signer.verify(nist.getPublic(), MESSAGE, new byte[72]))
                .isInstanceOf(CryptoException.class);
    }
}
