package cn.kaowu.platform.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Hostile files for the parser fuzz tests (issue 10 part 4), crafted by hand: zips part by part (an xlsx is a zip
 * of XML), PNG and JPEG headers declaring any size. And the one accepted outcome: a parser either accepts the file
 * or refuses it with an {@link InvalidInputProblem} whose messages exist in Chinese and in English — never another
 * exception, never a hang past the safety bound.
 */
public final class HostileFiles {

	/** A safety bound on a slow shared machine, not a benchmark. */
	public static final Duration BOUND = Duration.ofSeconds(20);

	private static final Pattern CHINESE = Pattern.compile(".*[\\u4e00-\\u9fff].*", Pattern.DOTALL);

	private static final ResourceBundleMessageSource MESSAGES = messages();

	private HostileFiles() {
	}

	// ---- outcome -----------------------------------------------------------------------------------------

	/** Runs {@code parse} within {@link #BOUND}; returns the refusal, failing on anything but a clear one. */
	public static InvalidInputProblem refusal(Runnable parse) {
		Throwable t = assertTimeoutPreemptively(BOUND, () -> {
			try {
				parse.run();
				return null;
			}
			catch (RuntimeException e) {
				return e;
			}
		});
		assertThat(t).as("refused").isInstanceOf(InvalidInputProblem.class);
		InvalidInputProblem problem = (InvalidInputProblem) t;
		problem.fieldProblems().forEach(HostileFiles::assertClear);
		return problem;
	}

	/** The message key of the (first) refusal. */
	public static String refusalKey(Runnable parse) {
		return refusal(parse).fieldProblems().get(0).messageKey();
	}

	/** True when {@code parse} accepted the file, false when it refused it clearly; fails on anything else. */
	public static boolean acceptedOrRefusedClearly(Runnable parse) {
		Throwable t = assertTimeoutPreemptively(BOUND, () -> {
			try {
				parse.run();
				return null;
			}
			catch (RuntimeException e) {
				return e;
			}
		});
		if (t == null) {
			return true;
		}
		if (!(t instanceof InvalidInputProblem problem)) {
			throw new AssertionError("not a clear refusal: " + t, t);
		}
		problem.fieldProblems().forEach(HostileFiles::assertClear);
		return false;
	}

	/** The problem names a field, and its message exists in Chinese (and in English). */
	public static void assertClear(FieldProblem problem) {
		assertThat(problem.field()).isNotBlank();
		String zh = MESSAGES.getMessage(problem.messageKey(), problem.args(), Locale.SIMPLIFIED_CHINESE);
		String en = MESSAGES.getMessage(problem.messageKey(), problem.args(), Locale.ENGLISH);
		assertThat(zh).as(problem.messageKey()).matches(CHINESE);
		assertThat(en).as(problem.messageKey()).isNotEqualTo(zh);
	}

	/** The Chinese text of a problem, for asserting what it names. */
	public static String zh(FieldProblem problem) {
		return MESSAGES.getMessage(problem.messageKey(), problem.args(), Locale.SIMPLIFIED_CHINESE);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		List<String> names = new ArrayList<>(List.of("messages"));
		TreeSet<String> modules = new TreeSet<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
				String file = r.getFilename();
				if (file != null && !file.contains("_")) {
					modules.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		names.addAll(modules);
		source.setBasenames(names.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	// ---- zips --------------------------------------------------------------------------------------------

	/** The entries of a zip, in order, read from its central directory (fastexcel writes sizes only there). */
	public static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (var file = org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip))
			.get()) {
			for (var e : java.util.Collections.list(file.getEntries())) {
				try (InputStream in = file.getInputStream(e)) {
					parts.put(e.getName(), in.readAllBytes());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return parts;
	}

	public static byte[] zip(Map<String, byte[]> parts) {
		return zip(parts, Map.of());
	}

	/** A zip of {@code parts}, plus parts written by a streaming writer (never held in memory uncompressed). */
	public static byte[] zip(Map<String, byte[]> parts, Map<String, PartWriter> streamed) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(9);
			for (var p : parts.entrySet()) {
				if (streamed.containsKey(p.getKey())) {
					continue;
				}
				out.putNextEntry(new ZipEntry(p.getKey()));
				out.write(p.getValue());
				out.closeEntry();
			}
			for (var s : streamed.entrySet()) {
				out.putNextEntry(new ZipEntry(s.getKey()));
				s.getValue().write(new java.io.FilterOutputStream(out) {
					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						out.write(b, off, len);
					}

					@Override
					public void close() {
						// the entry, not the zip
					}
				});
				out.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** Writes one part's content as a stream. */
	@FunctionalInterface
	public interface PartWriter {

		void write(OutputStream out) throws IOException;
	}

	/** A zip entry stored (not deflated) with explicit bytes for the unix mode, e.g. a symlink. */
	public static byte[] zipWithModes(Map<String, byte[]> parts, Map<String, Integer> unixModes) {
		// java.util.zip cannot write the "version made by = unix" and external attributes; commons-compress can.
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
			for (var p : parts.entrySet()) {
				var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(p.getKey());
				Integer mode = unixModes.get(p.getKey());
				if (mode != null) {
					entry.setUnixMode(mode);
				}
				out.putArchiveEntry(entry);
				out.write(p.getValue());
				out.closeArchiveEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** Streams {@code n} bytes of {@code b} (a zip bomb's payload). */
	public static PartWriter repeated(long n, byte b) {
		return out -> {
			byte[] block = new byte[64 * 1024];
			Arrays.fill(block, b);
			for (long left = n; left > 0; left -= block.length) {
				out.write(block, 0, (int) Math.min(block.length, left));
			}
		};
	}

	public static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	public static String text(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

	public static byte[] read(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---- images ------------------------------------------------------------------------------------------

	/** A PNG whose header declares {@code width}×{@code height} (RGBA), followed by a tiny deflated IDAT. */
	public static byte[] pngDeclaring(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
		java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
			.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		// A few rows of zeros: a decoder that trusts the header allocates the full raster before it notices.
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try (var z = new java.util.zip.DeflaterOutputStream(raw)) {
			z.write(new byte[64 * 1024]);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		chunk(out, "IDAT", raw.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(t);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** A baseline JPEG header (SOI, SOF0) declaring {@code width}×{@code height}, then a little scan data. */
	public static byte[] jpegDeclaring(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
		out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (height >>> 8), (byte) height,
				(byte) (width >>> 8), (byte) width, 1, 1, 0x11, 0});
		out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0});
		out.writeBytes(new byte[4096]);
		out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
		return out.toByteArray();
	}

	/** A real PNG of {@code w}×{@code h}, transparent when {@code alpha}. */
	public static byte[] png(int w, int h, boolean alpha) {
		var image = new java.awt.image.BufferedImage(w, h,
				alpha ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.RED);
		g.fillOval(2, 2, w - 4, h - 4);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
