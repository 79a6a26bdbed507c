package cn.kaowu.examsite.status;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.Sm2Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies a random message with SM2 once at start-up, so a broken crypto provider shows
 * in the status endpoint before exam day rather than when results are signed.
 */
@Component
class CryptoSelfTest {

    private static final Logger log = LoggerFactory.getLogger(CryptoSelfTest.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean passed;

    CryptoSelfTest() {
        KeyPair keys;
        try {
            keys = Sm2Keys.generateKeyPair();
        } catch (RuntimeException e) {
            log.error("Crypto self test failed: cannot generate an SM2 key pair", e);
            passed = false;
            return;
        }
        passed = signAndVerify(keys.getPrivate(), keys.getPublic());
        if (passed) {
            log.info("Crypto self test passed (SM3withSM2 sign and verify)");
        } else {
            log.error("Crypto self test FAILED (SM3withSM2 sign and verify)");
        }
    }

    boolean passed() {
        return passed;
    }

    /** Also checks that an altered message is rejected: a verifier that accepts everything must not pass. */
    static boolean signAndVerify(PrivateKey signingKey, PublicKey verifyingKey) {
        byte[] message = new byte[64];
        RANDOM.nextBytes(message);
        try {
            byte[] signature = Sm2Signer.sign(signingKey, message);
            boolean accepted = Sm2Signer.verify(verifyingKey, message, signature);
            message[0] ^= 0x01;
            boolean alteredRejected = !Sm2Signer.verify(verifyingKey, message, signature);
            return accepted && alteredRejected;
        } catch (RuntimeException e) {
            log.error("Crypto self test threw", e);
            return false;
        }
    }
}
