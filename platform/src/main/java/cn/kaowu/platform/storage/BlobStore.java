package cn.kaowu.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** Where file bytes live. Implementations must make {@link #put} atomic: a file is whole or absent. */
public interface BlobStore {

	void put(UUID id, byte[] content);

	/** Stores a file's content; implementations copy it without holding it in memory. */
	default void put(UUID id, Path source) {
		try {
			put(id, Files.readAllBytes(source));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Optional<byte[]> get(UUID id);

	void delete(UUID id);
}
