package cn.kaowu.platform.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.UploadRules;

/**
 * The signature stamp's rules: PNG recognised by its signature bytes (never the name), at most 1 MB, square, 80 to 200
 * pixels a side (inclusive), and transparent: the image must carry alpha (an alpha channel or a tRNS chunk) and at
 * least one pixel must have alpha below 255 — a seal on an opaque white square would cover the certificate's text.
 * The size is read from the PNG header before any pixel is decoded, so a few kilobytes declaring 65,535 pixels a
 * side (a decompression bomb) are refused without allocating the raster.
 */
public final class StampRules {

	public static final int MIN_SIDE = 80;

	public static final int MAX_SIDE = 200;

	public static final UploadRules UPLOAD = UploadRules.of(1, FileType.PNG);

	/** The size of an accepted stamp. */
	public record Size(int width, int height) {
	}

	private StampRules() {
	}

	/** Checks the upload; 422 on the field {@code file} naming what is wrong. */
	public static Size check(String originalName, byte[] content) {
		FileStorage.check("file", originalName, content, UPLOAD);
		if (!reachesIend(content)) {
			// The decoder stops after the last image row and never misses a cut-off end; a stamp is whole or refused.
			throw new InvalidInputProblem("file", "certificate.stamp.truncated");
		}
		BufferedImage image;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			var readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw new InvalidInputProblem("file", "certificate.stamp.unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int declaredWidth = reader.getWidth(0);
				int declaredHeight = reader.getHeight(0);
				if (declaredWidth != declaredHeight) {
					throw new InvalidInputProblem("file", "certificate.stamp.notSquare", declaredWidth, declaredHeight);
				}
				if (declaredWidth < MIN_SIDE || declaredWidth > MAX_SIDE) {
					throw new InvalidInputProblem("file", "certificate.stamp.size", declaredWidth, MIN_SIDE, MAX_SIDE);
				}
				image = reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputProblem problem) {
				throw problem;
			}
			image = null;
		}
		if (image == null) {
			throw new InvalidInputProblem("file", "certificate.stamp.unreadable");
		}
		int w = image.getWidth();
		int h = image.getHeight();
		if (w != h) {
			throw new InvalidInputProblem("file", "certificate.stamp.notSquare", w, h);
		}
		if (w < MIN_SIDE || w > MAX_SIDE) {
			throw new InvalidInputProblem("file", "certificate.stamp.size", w, MIN_SIDE, MAX_SIDE);
		}
		if (!image.getColorModel().hasAlpha() || !anyTransparent(image)) {
			throw new InvalidInputProblem("file", "certificate.stamp.opaque");
		}
		return new Size(w, h);
	}

	/**
	 * Whether the PNG's chunks, walked by their lengths from the signature on, reach a whole {@code IEND} chunk: a file
	 * cut anywhere before it is refused; bytes after it (padding some tools write) are ignored.
	 */
	static boolean reachesIend(byte[] content) {
		long at = 8;
		while (at + 12 <= content.length) {
			long length = ((content[(int) at] & 0xFFL) << 24) | ((content[(int) at + 1] & 0xFFL) << 16)
					| ((content[(int) at + 2] & 0xFFL) << 8) | (content[(int) at + 3] & 0xFFL);
			boolean iend = content[(int) at + 4] == 'I' && content[(int) at + 5] == 'E' && content[(int) at + 6] == 'N'
					&& content[(int) at + 7] == 'D';
			long next = at + 12 + length;
			if (next > content.length) {
				return false;
			}
			if (iend) {
				return true;
			}
			at = next;
		}
		return false;
	}

	private static boolean anyTransparent(BufferedImage image) {
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) >>> 24) < 255) {
					return true;
				}
			}
		}
		return false;
	}
}
