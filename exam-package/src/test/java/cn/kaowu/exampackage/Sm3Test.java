package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Sm3Test {

    @Test
    void abcMatchesTheStandardExample() {
        // GB/T 32905-2016, appendix A.1
        assertThat(Sm3.hexDigest("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Sm3.digest("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(HexFormat.of()
                .parseHex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"));
    }

    @Test
    void sixtyFourByteMessageMatchesTheStandardExample() {
        // GB/T 32905-2016, appendix A.2: "abcd" repeated 16 times, i.e. two compression blocks after padding
        assertThat(Sm3.hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void hexDigestHashesUtf8() {
        assertThat(Sm3.hexDigest("考务")).isEqualTo(Sm3.hex("考务".getBytes(StandardCharsets.UTF_8)));
        assertThat(Sm3.hexDigest("考务")).isNotEqualTo(Sm3.hex("考务".getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void emptyInputHasAFullLengthDigest() {
        // value from OpenSSL 3: printf '' | openssl dgst -sm3
        assertThat(Sm3.hex(new byte[0]))
                .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        assertThat(Sm3.digest(new byte[0])).hasSize(Sm3.DIGEST_LENGTH);
    }
}
