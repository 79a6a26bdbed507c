package cn.kaowu.platform.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stamp's rules (size at the edges, format by content, transparency, 1 MB) and the certificate number format. */
class CertificateRulesTest {

	static byte[] png(int w, int h, boolean transparent, String format) throws IOException {
		BufferedImage image = new BufferedImage(w, h,
				transparent || "png-argb-opaque".equals(format) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				boolean ring = Math.abs(Math.hypot(x - w / 2.0, y - h / 2.0) - w / 3.0) < 3;
				int alpha = transparent && !ring ? 0 : 255;
				image.setRGB(x, y, (alpha << 24) | (ring ? 0xCC0000 : 0xFFFFFF));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format.startsWith("png") ? "png" : format, out);
		return out.toByteArray();
	}

	static byte[] stamp(int side) throws IOException {
		return png(side, side, true, "png");
	}

	@Test
	void sideFrom80To200Inclusive() throws IOException {
		assertThat(StampRules.check("s.png", stamp(80))).isEqualTo(new StampRules.Size(80, 80));
		assertThat(StampRules.check("s.png", stamp(200))).isEqualTo(new StampRules.Size(200, 200));
		assertThatThrownBy(() -> StampRules.check("s.png", stamp(79))).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("certificate.stamp.size");
		assertThatThrownBy(() -> StampRules.check("s.png", stamp(201))).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("certificate.stamp.size");
	}

	@Test
	void squareOnly() {
		assertThatThrownBy(() -> StampRules.check("s.png", png(120, 100, true, "png")))
			.isInstanceOf(InvalidInputProblem.class).extracting("fieldProblems").asString()
			.contains("certificate.stamp.notSquare");
	}

	@Test
	void pngByContentOnly() throws IOException {
		byte[] jpeg = png(100, 100, false, "jpg");
		assertThatThrownBy(() -> StampRules.check("s.png", jpeg)).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("upload.wrongType");
		byte[] broken = Arrays.copyOf(stamp(100), 40);
		assertThatThrownBy(() -> StampRules.check("s.png", broken)).isInstanceOf(InvalidInputProblem.class);
	}

	@Test
	void needsTransparentPixels() {
		assertThatThrownBy(() -> StampRules.check("s.png", png(100, 100, false, "png")))
			.isInstanceOf(InvalidInputProblem.class).extracting("fieldProblems").asString()
			.contains("certificate.stamp.opaque");
		// an alpha channel whose every pixel is opaque is no transparency either
		assertThatThrownBy(() -> StampRules.check("s.png", png(100, 100, false, "png-argb-opaque")))
			.isInstanceOf(InvalidInputProblem.class).extracting("fieldProblems").asString()
			.contains("certificate.stamp.opaque");
	}

	@Test
	void atMostOneMegabyte() throws IOException {
		byte[] valid = stamp(100);
		byte[] big = Arrays.copyOf(valid, 1024 * 1024 + 1);
		assertThatThrownBy(() -> StampRules.check("s.png", big)).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("upload.tooLarge");
		byte[] exactly = Arrays.copyOf(valid, 1024 * 1024);
		assertThat(StampRules.check("s.png", exactly)).isEqualTo(new StampRules.Size(100, 100));
	}

	@Test
	void numbers() {
		assertThat(CertificateNumbers.format("0012-1", 2026, 1)).isEqualTo("0012-1-2026000001");
		assertThat(CertificateNumbers.format("0012-1", 2026, 999_999)).isEqualTo("0012-1-2026999999");
		assertThatThrownBy(() -> CertificateNumbers.format("0012-1", 2026, 1_000_000))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
