package cn.kaowu.platform.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** File types the platform accepts, recognised by their first bytes, never by the name's extension. */
public enum FileType {

	PDF("application/pdf", "PDF", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
	JPEG("image/jpeg", "JPG", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("image/png", "PNG", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
	/** Zip container; xlsx files are zips too and are told apart by the spreadsheet reader. */
	ZIP("application/zip", "ZIP", new byte[] { 'P', 'K', 3, 4 });

	private final String contentType;

	private final String label;

	private final byte[] magic;

	FileType(String contentType, String label, byte[] magic) {
		this.contentType = contentType;
		this.label = label;
		this.magic = magic;
	}

	public String contentType() {
		return contentType;
	}

	/** Short name shown to users, e.g. "PDF". */
	public String label() {
		return label;
	}

	public static Optional<FileType> detect(byte[] head) {
		for (FileType type : values()) {
			if (head.length >= type.magic.length
					&& Arrays.equals(Arrays.copyOf(head, type.magic.length), type.magic)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
