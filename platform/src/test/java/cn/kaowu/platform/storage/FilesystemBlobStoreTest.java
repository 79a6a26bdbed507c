package cn.kaowu.platform.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link BlobStoreContract} against the file system store, plus where its files land. */
class FilesystemBlobStoreTest extends BlobStoreContract {

	private Path root;

	private FilesystemBlobStore store;

	@BeforeEach
	void setUp() {
		root = temp.resolve("files");
		store = new FilesystemBlobStore(root.toString());
	}

	@Override
	BlobStore store() {
		return store;
	}

	@Test
	void blobsLieUnderTheRootInTwoLevelsOfDirectoriesWithNoTemporaryFileLeft() throws Exception {
		UUID id = UUID.fromString("3f2a0000-0000-4000-8000-000000000001");
		store.put(id, "x".getBytes(StandardCharsets.UTF_8));
		Path file = root.resolve("3f").resolve("2a").resolve(id.toString());
		assertThat(file).isRegularFile().hasContent("x");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	/**
	 * A user's file name never reaches the store: blobs are named by a UUID, and the name kept in the metadata row is
	 * flattened by {@link FileStorage#safeName}, so "../" in an upload's name cannot place a file outside the root.
	 */
	@Test
	void pathTraversalIsRefused() {
		assertThat(FileStorage.safeName("../../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileStorage.safeName("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
		assertThat(FileStorage.safeName("..")).isEqualTo("file");
		UUID id = UUID.randomUUID();
		assertThat(store.path(id)).startsWithRaw(root.toAbsolutePath().normalize());
		assertThat(store.path(id).toString()).doesNotContain("..");
	}
}
