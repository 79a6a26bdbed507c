package cn.kaowu.platform.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

/**
 * Embeds a baseline or progressive JPEG as it is (DCTDecode) after reading only its frame header. PDFBox's
 * {@code JPEGFactory} asks ImageIO for the same three numbers and spends longer on that than on drawing a whole
 * admission ticket; photos are the bulk of every batch.
 */
final class Jpeg {

	private Jpeg() {
	}

	/** The image, or {@code null} when the bytes are not a grey or RGB JPEG (the caller falls back to PDFBox). */
	static @Nullable PDImageXObject embed(PDDocument document, byte[] bytes) throws IOException {
		Frame frame = frame(bytes);
		if (frame == null) {
			return null;
		}
		PDColorSpace colors = frame.components == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE;
		return new PDImageXObject(document, new ByteArrayInputStream(bytes), COSName.DCT_DECODE, frame.width,
				frame.height, frame.bits, colors);
	}

	record Frame(int width, int height, int bits, int components) {
	}

	/** The SOFn header of a JPEG with 1 or 3 components and 8 bits, else {@code null}. */
	static @Nullable Frame frame(byte[] b) {
		if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
			return null;
		}
		int i = 2;
		while (i + 9 < b.length) {
			if ((b[i] & 0xFF) != 0xFF) {
				return null;
			}
			int marker = b[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
			// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC); arithmetic and lossless frames are left to PDFBox.
			if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
				int bits = b[i + 4] & 0xFF;
				int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
				int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
				int components = b[i + 9] & 0xFF;
				if (bits != 8 || width == 0 || height == 0 || (components != 1 && components != 3)) {
					return null;
				}
				return new Frame(width, height, bits, components);
			}
			if (marker == 0xDA || marker == 0xD9 || (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4
					&& marker != 0xC8 && marker != 0xCC)) {
				return null;
			}
			// Adobe APP14 may mark a YCCK/CMYK or inverted image: leave those to PDFBox.
			if (marker == 0xEE) {
				return null;
			}
			i += 2 + length;
		}
		return null;
	}
}
