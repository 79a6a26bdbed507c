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
		if (!endsWithIend(content)) {
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

	private static final byte[] IEND = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };

	private static boolean endsWithIend(byte[] content) {
		return content.length >= IEND.length
				&& java.util.Arrays.equals(content, content.length - IEND.length, content.length, IEND, 0, IEND.length);
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
