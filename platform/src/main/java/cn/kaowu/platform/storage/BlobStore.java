package cn.kaowu.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Where file bytes live: {@link FilesystemBlobStore} ({@code kaowu.storage.type=filesystem}, the default) or
 * {@link S3BlobStore} ({@code kaowu.storage.type=s3}). Blobs are named by the file's id, never by a user's name.
 * Implementations must make every {@code put} atomic (a blob is whole or absent) and must stream {@code put} from a
 * file or stream and {@link #open} without holding the whole content in memory.
 */
public interface BlobStore {

	default void put(UUID id, byte[] content) {
		put(id, new ByteArrayInputStream(content), content.length);
	}

	/** Stores a file's content, streamed. */
	void put(UUID id, Path source);

	/** Stores {@code length} bytes read from {@code content} (not closed here), streamed. */
	void put(UUID id, InputStream content, long length);

	/** The blob's content as a stream the caller closes, or empty if there is no such blob. */
	Optional<InputStream> open(UUID id);

	/** The whole content in memory: for small files only (uploads, PDFs); large ones go through {@link #open}. */
	default Optional<byte[]> get(UUID id) {
		return open(id).map(in -> {
			try (in) {
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	boolean exists(UUID id);

	/** Deletes the blob; deleting a blob that is not there is not an error. */
	void delete(UUID id);

	/** The blob's relative name, two levels of directories by id prefix: {@code 3f/2a/3f2a…}. */
	static String relativeName(UUID id) {
		String s = id.toString();
		return s.substring(0, 2) + "/" + s.substring(2, 4) + "/" + s;
	}
}
