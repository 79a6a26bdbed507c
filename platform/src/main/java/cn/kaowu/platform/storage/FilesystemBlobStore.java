package cn.kaowu.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files under {@code kaowu.storage.dir} (default {@code ./data/files}), two levels of directories by id
 * prefix. Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
@Component
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

	private interface Writer {

		void write(Path temp) throws IOException;

	}

	private void write(UUID id, Writer writer) {
		Path target = path(id);
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			writer.write(temp);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Optional<byte[]> get(UUID id) {
		Path path = path(id);
		try {
			return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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

	private Path path(UUID id) {
		// The id is a UUID, never user input, so the path cannot leave the root.
		String s = id.toString();
		return root.resolve(s.substring(0, 2)).resolve(s.substring(2, 4)).resolve(s);
	}
}
