package cn.kaowu.examsite.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;

import cn.kaowu.exampackage.Sm2Keys;
import org.junit.jupiter.api.Test;

class CryptoSelfTestTest {

    @Test
    void passesWithAMatchingKeyPair() {
        KeyPair keys = Sm2Keys.generateKeyPair();

        assertThat(CryptoSelfTest.signAndVerify(keys.getPrivate(), keys.getPublic())).isTrue();
        assertThat(new CryptoSelfTest().passed()).isTrue();
    }

    @Test
    void failsWhenTheSignatureDoesNotVerify() {
        KeyPair signer = Sm2Keys.generateKeyPair();
        KeyPair other = Sm2Keys.generateKeyPair();

        assertThat(CryptoSelfTest.signAndVerify(signer.getPrivate(), other.getPublic())).isFalse();
    }
}
