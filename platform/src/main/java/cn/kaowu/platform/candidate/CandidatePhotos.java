package cn.kaowu.platform.candidate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import cn.kaowu.platform.storage.FileType;

/**
 * The photo rules of 004 ch.3 §3.2: JPG or PNG by content, at most 5 MB, 295×413 px give or take
 * {@value #TOLERANCE} px (small one-inch). The size is read from the image header before any pixel is decoded, so
 * a 30000×30000 image is refused without allocating it; only then is the image decoded to prove it is readable.
 * A decoder warning (a JPEG cut short, "premature end of data", which ImageIO fills in with grey) refuses the photo
 * as incomplete: it would be printed half grey on the admission ticket.
 */
public final class CandidatePhotos {

	public static final int WIDTH = 295;

	public static final int HEIGHT = 413;

	public static final int TOLERANCE = 10;

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	private CandidatePhotos() {
	}

	/** A refusal: message key of {@code i18n/candidate} and its arguments. */
	public record Problem(String key, Object... args) {
	}

	/** The photo's type if it passes, else the problem. */
	public static Optional<Problem> problem(byte[] content) {
		if (content.length == 0) {
			return Optional.of(new Problem("candidate.photo.empty"));
		}
		if (content.length > MAX_BYTES) {
			return Optional.of(new Problem("candidate.photo.tooLarge", String.format("%.1f", content.length / 1048576.0)));
		}
		Optional<FileType> type = FileType.detect(java.util.Arrays.copyOf(content, Math.min(16, content.length)))
			.filter(t -> t == FileType.JPEG || t == FileType.PNG);
		if (type.isEmpty()) {
			return Optional.of(new Problem("candidate.photo.type"));
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return Optional.of(new Problem("candidate.photo.unreadable"));
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (Math.abs(width - WIDTH) > TOLERANCE || Math.abs(height - HEIGHT) > TOLERANCE) {
					return Optional.of(new Problem("candidate.photo.size", width, height));
				}
				boolean[] warned = { false };
				reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
				reader.read(0);
				if (warned[0]) {
					return Optional.of(new Problem("candidate.photo.incomplete"));
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return Optional.of(new Problem("candidate.photo.unreadable"));
		}
		return Optional.empty();
	}

	public static FileType type(byte[] content) {
		return FileType.detect(java.util.Arrays.copyOf(content, Math.min(16, content.length))).orElseThrow();
	}

	/**
	 * The name a candidate's photo is stored under: the candidate's id, never the uploaded name — photo zips name their
	 * entries by ID number, and a stored file's name is kept in plain text (docs/privacy.md).
	 */
	public static String storedName(long candidateId, byte[] content) {
		return "照片-" + candidateId + "." + (type(content) == FileType.PNG ? "png" : "jpg");
	}
}
