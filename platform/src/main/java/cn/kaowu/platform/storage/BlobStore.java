package cn.kaowu.platform.storage;

import java.util.Optional;
import java.util.UUID;

/** Where file bytes live. Implementations must make {@link #put} atomic: a file is whole or absent. */
public interface BlobStore {

	void put(UUID id, byte[] content);

	Optional<byte[]> get(UUID id);

	void delete(UUID id);
}
