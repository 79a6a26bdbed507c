package cn.kaowu.platform.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.UploadRules;

/**
 * The signature stamp's rules: PNG recognised by its signature bytes (never the name), at most 1 MB, square, 80 to 200
 * pixels a side (inclusive), and transparent: the image must carry alpha (an alpha channel or a tRNS chunk) and at
 * least one pixel must have alpha below 255 — a seal on an opaque white square would cover the certificate's text.
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
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(content));
		}
		catch (IOException | RuntimeException e) {
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
