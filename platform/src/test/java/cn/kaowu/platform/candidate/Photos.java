package cn.kaowu.platform.candidate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Test photos and zips. */
public final class Photos {

	private Photos() {
	}

	/** A red-background photo of the given size. */
	public static byte[] image(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 30, 30));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 5, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A small PNG whose header claims the given size (the pixels are not there). */
	public static byte[] pngClaiming(int width, int height) {
		byte[] png = image(2, 2, "png");
		ByteBuffer b = ByteBuffer.wrap(png);
		// IHDR data starts at 16: width, height; its CRC covers type + data (bytes 12..28).
		b.putInt(16, width);
		b.putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		b.putInt(29, (int) crc.getValue());
		return png;
	}

	public static byte[] zip(Map<String, byte[]> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var e : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
