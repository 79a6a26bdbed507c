package cn.kaowu.platform.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** JPEG photos are embedded as they are after reading their frame header; other images go to PDFBox. */
class JpegTest {

	@Test
	void readsTheFrameHeaderOfRgbAndGreyJpegs() throws IOException {
		assertThat(Jpeg.frame(encode(BufferedImage.TYPE_INT_RGB, "jpg"))).isEqualTo(new Jpeg.Frame(295, 413, 8, 3));
		assertThat(Jpeg.frame(encode(BufferedImage.TYPE_BYTE_GRAY, "jpg"))).isEqualTo(new Jpeg.Frame(295, 413, 8, 1));
	}

	@Test
	void leavesOtherImagesToPdfBox() throws IOException {
		assertThat(Jpeg.frame(encode(BufferedImage.TYPE_INT_RGB, "png"))).isNull();
		assertThat(Jpeg.frame(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isNull();
		assertThat(Jpeg.frame(new byte[0])).isNull();
	}

	@Test
	void embedsWithoutDecoding() throws IOException {
		byte[] jpeg = encode(BufferedImage.TYPE_INT_RGB, "jpg");
		try (PDDocument doc = new PDDocument()) {
			var image = Jpeg.embed(doc, jpeg);
			assertThat(image).isNotNull();
			assertThat(image.getWidth()).isEqualTo(295);
			assertThat(image.getHeight()).isEqualTo(413);
			assertThat(image.getSuffix()).isEqualTo("jpg");
			assertThat(image.getImage().getWidth()).isEqualTo(295);
		}
	}

	private static byte[] encode(int type, String format) throws IOException {
		BufferedImage image = new BufferedImage(295, 413, type);
		image.getGraphics().fillOval(50, 50, 100, 100);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}
}
