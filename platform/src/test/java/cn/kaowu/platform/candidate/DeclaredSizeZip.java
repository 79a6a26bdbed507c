package cn.kaowu.platform.candidate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-made zips whose central directory declares sizes the data does not have (zip-bomb headers). */
final class DeclaredSizeZip {

	private DeclaredSizeZip() {
	}

	/** {@code count} stored entries of 1 byte each, each declaring {@code declared} uncompressed bytes. */
	static byte[] entriesDeclaring(int count, long declared) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream central = new ByteArrayOutputStream();
		int[] offsets = new int[count];
		for (int i = 0; i < count; i++) {
			byte[] name = (i + ".jpg").getBytes(StandardCharsets.US_ASCII);
			offsets[i] = out.size();
			ByteBuffer local = le(30 + name.length + 1);
			local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
				.putInt(0).putInt(1).putInt((int) Math.min(declared, 0xFFFFFFFEL)).putShort((short) name.length)
				.putShort((short) 0).put(name).put((byte) 0);
			out.writeBytes(local.array());
			ByteBuffer c = le(46 + name.length);
			c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
				.putInt(0).putInt(0).putInt(1).putInt((int) Math.min(declared, 0xFFFFFFFEL))
				.putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
				.putShort((short) 0).putInt(0).putInt(offsets[i]).put(name);
			central.writeBytes(c.array());
		}
		int cdOffset = out.size();
		out.writeBytes(central.toByteArray());
		ByteBuffer end = le(22);
		end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
			.putShort((short) count).putInt(central.size()).putInt(cdOffset).putShort((short) 0);
		out.writeBytes(end.array());
		return out.toByteArray();
	}

	private static ByteBuffer le(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}
}
