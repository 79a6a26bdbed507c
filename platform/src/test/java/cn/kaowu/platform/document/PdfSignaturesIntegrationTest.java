package cn.kaowu.platform.document;

import java.time.Clock;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's bean: the key in the configured key directory, the signing time from the platform clock. */
@IntegrationTest
class PdfSignaturesIntegrationTest {

	@Autowired
	PdfSignatures signatures;

	@Autowired
	Clock clock;

	@Test
	void thePlatformSignsWithItsKeyAndClock() {
		byte[] pdf;
		try (PdfCanvas canvas = PdfCanvas.create("签名")) {
			canvas.newPage(PdfCanvas.A4);
			canvas.text("签名测试", 20, 20, 12);
			pdf = canvas.toBytes();
		}
		PdfSignatures.Verification result = PdfSignatures.verify(signatures.sign(pdf, "测试", "北京"));
		assertThat(result.valid()).as(result.problem()).isTrue();
		assertThat(result.signer()).isEqualTo(signatures.signer()).isEqualTo("考务平台");
		assertThat(result.certificateSha256()).isEqualTo(signatures.certificateSha256());
		assertThat(result.signedAt()).isBetween(clock.instant().minusSeconds(60), clock.instant());
	}
}
