package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;

import org.junit.jupiter.api.Test;

class Sm2CipherTest {

    private static final KeyPair KEYS = Sm2Keys.generateKeyPair();

    @Test
    void roundTripsAndAdds97Bytes() {
        byte[] secret = Sm4Gcm.generateKey();

        byte[] sealed = Sm2Cipher.encrypt(KEYS.getPublic(), secret);

        assertThat(sealed).hasSize(secret.length + Sm2Cipher.OVERHEAD);
        assertThat(sealed[0]).isEqualTo((byte) 0x04); // C1 first, uncompressed point
        assertThat(Sm2Cipher.decrypt(KEYS.getPrivate(), sealed)).isEqualTo(secret);
    }

    @Test
    void refusesAnotherPrivateKey() {
        byte[] sealed = Sm2Cipher.encrypt(KEYS.getPublic(), new byte[16]);

        assertThatThrownBy(() -> Sm2Cipher.decrypt(Sm2Keys.generateKeyPair().getPrivate(), sealed))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(SM2 decryption failed: wrong private key or data tampered with)");
    }

    @Test
    void refusesFlippedBytesInEachPart() {
        byte[] sealed = Sm2Cipher.encrypt(KEYS.getPublic(), new byte[16]);
        for (int index : new int[] {1, 64, 65, 96, 97, sealed.length - 1}) { // C1, C3, C2
            byte[] tampered = sealed.clone();
            tampered[index] ^= 0x01;
            assertThatThrownBy(() -> Sm2Cipher.decrypt(KEYS.getPrivate(), tampered))
                    .as("byte %d", index)
                    .isInstanceOf(CryptoException.class);
        }
    }
}
