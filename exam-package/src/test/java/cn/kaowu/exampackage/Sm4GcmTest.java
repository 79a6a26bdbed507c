package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sm4GcmTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PLAINTEXT = "试卷包 paper package 2026-03 第一场".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "package:ORG-0001:plan-42".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheRfc8998TestVector() {
        // RFC 8998, appendix A.1 (SM4-GCM)
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] nonce = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plaintext = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        String expected = "00001234567800000000abcd"
                + "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";

        byte[] sealed = Sm4Gcm.encrypt(key, nonce, plaintext, aad);

        assertThat(HEX.formatHex(sealed)).isEqualTo(expected);
        assertThat(Sm4Gcm.decrypt(key, sealed, aad)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsWithAndWithoutAssociatedData() {
        byte[] key = Sm4Gcm.generateKey();

        assertThat(Sm4Gcm.decrypt(key, Sm4Gcm.encrypt(key, PLAINTEXT))).isEqualTo(PLAINTEXT);
        assertThat(Sm4Gcm.decrypt(key, Sm4Gcm.encrypt(key, PLAINTEXT, AAD), AAD)).isEqualTo(PLAINTEXT);
        assertThat(Sm4Gcm.decrypt(key, Sm4Gcm.encrypt(key, new byte[0]))).isEmpty();
    }

    @Test
    void prependsAFreshNonceAndAppendsTheTag() {
        byte[] key = Sm4Gcm.generateKey();

        byte[] first = Sm4Gcm.encrypt(key, PLAINTEXT);
        byte[] second = Sm4Gcm.encrypt(key, PLAINTEXT);

        assertThat(first).hasSize(Sm4Gcm.NONCE_LENGTH + PLAINTEXT.length + Sm4Gcm.TAG_LENGTH);
        assertThat(Arrays.copyOf(first, Sm4Gcm.NONCE_LENGTH))
                .isNotEqualTo(Arrays.copyOf(second, Sm4Gcm.NONCE_LENGTH));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void generatedKeysAre128BitAndDistinct() {
        assertThat(Sm4Gcm.generateKey()).hasSize(16).isNotEqualTo(Sm4Gcm.generateKey());
    }

    @ParameterizedTest(name = "flipped bit in byte {0}")
    @ValueSource(ints = {0, 11, 12, 20, -17, -1}) // nonce, first/middle ciphertext byte, tag; negative = from end
    void rejectsAnyFlippedBit(int position) {
        byte[] key = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(key, PLAINTEXT, AAD);
        int index = position >= 0 ? position : sealed.length + position;
        sealed[index] ^= 0x01;

        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, sealed, AAD))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("篡改")
                .hasMessageContaining("(SM4-GCM decryption failed: data tampered with");
    }

    @Test
    void rejectsTruncatedAndTooShortCiphertext() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(key, PLAINTEXT);

        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, new byte[Sm4Gcm.NONCE_LENGTH + Sm4Gcm.TAG_LENGTH - 1]))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(SM4-GCM ciphertext too short: 27 bytes, need at least 28)");
    }

    @Test
    void rejectsWrongKey() {
        byte[] sealed = Sm4Gcm.encrypt(Sm4Gcm.generateKey(), PLAINTEXT);

        assertThatThrownBy(() -> Sm4Gcm.decrypt(Sm4Gcm.generateKey(), sealed))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("密钥错误");
    }

    @Test
    void rejectsDifferentOrMissingAssociatedData() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(key, PLAINTEXT, AAD);
        byte[] otherAad = "package:ORG-0002:plan-42".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, sealed, otherAad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void rejectsKeysThatAreNot128Bit() {
        assertThatThrownBy(() -> Sm4Gcm.encrypt(new byte[32], PLAINTEXT))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(SM4 key must be 16 bytes, got 32)");
        assertThatThrownBy(() -> Sm4Gcm.decrypt(new byte[15], new byte[64]))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("got 15");
    }
}
