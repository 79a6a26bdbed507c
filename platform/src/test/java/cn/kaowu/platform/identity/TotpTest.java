package cn.kaowu.platform.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B test vectors (SHA-1 key "12345678901234567890"), last 6 of the 8 digits. */
class TotpTest {

	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheRfc6238Vectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void base32RoundTripsAndReadsTheDemoSecret() {
		assertThat(Totp.unbase32("JBSWY3DPEHPK3PXP")).isEqualTo("Hello!\u00de\u00ad\u00be\u00ef".getBytes(StandardCharsets.ISO_8859_1));
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
		assertThat(Totp.uri("Kaowu 考务", "admin", "JBSWY3DPEHPK3PXP"))
			.startsWith("otpauth://totp/Kaowu%20%E8%80%83%E5%8A%A1:admin?secret=JBSWY3DPEHPK3PXP");
	}
}
