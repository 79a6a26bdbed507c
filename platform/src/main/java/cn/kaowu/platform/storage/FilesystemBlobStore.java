package cn.kaowu.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Files under {@code kaowu.storage.dir} (default {@code ./data/files}), two levels of directories by id
 * prefix. Written to a temporary file and moved into place, so a crash never leaves half a file. With several
 * platform nodes the directory is shared storage (NFS or similar) mounted on every node.
 */
@Component
@ConditionalOnProperty(name = "kaowu.storage.type", havingValue = "filesystem", matchIfMissing = true)
class FilesystemBlobStore implements BlobStore {

	private final Path root;

	FilesystemBlobStore(@Value("${kaowu.storage.dir:./data/files}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	@Override
	public void put(UUID id, byte[] content) {
		write(id, temp -> Files.write(temp, content));
	}

	@Override
	public void put(UUID id, Path source) {
		write(id, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
	}

	@Override
	public void put(UUID id, InputStream content, long length) {
		write(id, temp -> {
			long copied = Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			if (copied != length) {
				throw new IOException("expected " + length + " bytes, read " + copied);
			}
		});
	}

	private interface Writer {

		void write(Path temp) throws IOException;

	}

	private void write(UUID id, Writer writer) {
		Path target = path(id);
		Path temp = null;
		try {
			Files.createDirectories(target.getParent());
			temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			writer.write(temp);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			deleteQuietly(temp);
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			deleteQuietly(temp);
			throw e;
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// the temporary file stays behind; it is never read
			}
		}
	}

	@Override
	public Optional<InputStream> open(UUID id) {
		try {
			return Optional.of(Files.newInputStream(path(id)));
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public boolean exists(UUID id) {
		return Files.isRegularFile(path(id));
	}

	@Override
	public void delete(UUID id) {
		try {
			Files.deleteIfExists(path(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The blob's file; refused if it would lie outside the root (it cannot, the name is a UUID: a second guard). */
	Path path(UUID id) {
		Path path = root.resolve(BlobStore.relativeName(id)).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("blob path outside the storage directory: " + path);
		}
		return path;
	}
}
