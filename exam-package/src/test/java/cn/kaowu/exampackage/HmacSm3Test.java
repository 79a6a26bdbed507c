package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class HmacSm3Test {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesOpenSsl() {
        // printf 'data' | openssl dgst -sm3 -hmac 0123456789abcdef
        assertThat(new HmacSm3(KEY).hexMac("data"))
                .isEqualTo("c145024e6778894b379371750800158e6ce1da6a2f06b8e7955f2e4d2d234aa7");
    }

    @Test
    void followsTheRfc2104Construction() {
        byte[] data = "张三 110101200001011234".getBytes(StandardCharsets.UTF_8);
        byte[] inner = new byte[64 + data.length];
        byte[] outer = new byte[64 + Sm3.DIGEST_LENGTH];
        for (int i = 0; i < 64; i++) {
            byte k = i < KEY.length ? KEY[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        System.arraycopy(data, 0, inner, 64, data.length);
        System.arraycopy(Sm3.digest(inner), 0, outer, 64, Sm3.DIGEST_LENGTH);

        assertThat(new HmacSm3(KEY).mac(data)).isEqualTo(Sm3.digest(outer));
    }

    @Test
    void isDeterministicPerKeyAndDiffersBetweenKeys() {
        HmacSm3 one = new HmacSm3(HmacSm3.generateKey());
        HmacSm3 other = new HmacSm3(HmacSm3.generateKey());

        assertThat(one.hexMac("110101200001011234")).isEqualTo(one.hexMac("110101200001011234"))
                .hasSize(64);
        assertThat(one.hexMac("110101200001011234")).isNotEqualTo(other.hexMac("110101200001011234"));
        assertThat(one.hexMac("110101200001011234")).isNotEqualTo(one.hexMac("110101200001011235"));
    }

    @Test
    void laterChangesToTheCallersKeyArrayDoNotAffectTheMac() {
        byte[] key = KEY.clone();
        HmacSm3 hmac = new HmacSm3(key);
        String before = hmac.hexMac("data");
        key[0] ^= 1;
        assertThat(hmac.hexMac("data")).isEqualTo(before);
    }

    @Test
    void rejectsShortKeys() {
        assertThatThrownBy(() -> new HmacSm3(HexFormat.of().parseHex("00112233")))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("至少")
                .hasMessageContaining("(HMAC-SM3 key must be at least 16 bytes, got 4)");
    }
}
