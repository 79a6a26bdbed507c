package cn.kaowu.platform.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secret key files of the platform (the question bank's data key, the delivery keys): created with owner-only
 * permissions on first use, read afterwards. They live under {@code ./data/keys} by default, beside — not inside —
 * PostgreSQL's data directory, and belong in the backup with it: losing one loses what it protects.
 */
public final class KeyFiles {

	private KeyFiles() {
	}

	/** The file's bytes, or {@code fresh} written to a new 0600 file; a file of another length is refused. */
	public static byte[] loadOrCreate(Path file, int length, Supplier<byte[]> fresh) {
		try {
			if (!Files.exists(file)) {
				Path dir = file.toAbsolutePath().getParent();
				if (dir != null) {
					Files.createDirectories(dir);
				}
				byte[] created = fresh.get();
				try {
					if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
						Files.createFile(file,
								PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					}
					else {
						Files.createFile(file);
					}
					Files.write(file, created);
					return created;
				}
				catch (FileAlreadyExistsException e) {
					// another process created it first: use theirs
				}
			}
			byte[] stored = Files.readAllBytes(file);
			if (length > 0 && stored.length != length) {
				throw new IllegalStateException("密钥文件 " + file + " 应为 " + length + " 字节，实为 " + stored.length
						+ " 字节 (key file has the wrong length)");
			}
			return stored;
		}
		catch (IOException e) {
			throw new UncheckedIOException("密钥文件不可用 (key file unusable): " + file, e);
		}
	}
}
