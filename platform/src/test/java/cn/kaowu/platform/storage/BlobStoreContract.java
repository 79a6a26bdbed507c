package cn.kaowu.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BlobStore} must do; each implementation's test extends this with a fresh store. The large-file
 * case streams 64 MiB through a small heap limit check: the bytes are generated, written and read back in 64 KiB
 * blocks, never as one array.
 */
abstract class BlobStoreContract {

	static final long LARGE = 64L * 1024 * 1024;

	@TempDir
	Path temp;

	abstract BlobStore store();

	@Test
	void putThenGetReturnsTheSameBytes() {
		UUID id = UUID.randomUUID();
		byte[] content = "%PDF-1.4 准考证 考务".getBytes(StandardCharsets.UTF_8);
		store().put(id, content);
		assertThat(store().exists(id)).isTrue();
		assertThat(store().get(id)).contains(content);
	}

	@Test
	void aMissingBlobIsEmptyNotAnError() {
		UUID id = UUID.randomUUID();
		assertThat(store().exists(id)).isFalse();
		assertThat(store().get(id)).isEmpty();
		assertThat(store().open(id)).isEmpty();
		store().delete(id);
	}

	@Test
	void deleteRemovesTheBlob() {
		UUID id = UUID.randomUUID();
		store().put(id, new byte[] { 1, 2, 3 });
		store().delete(id);
		assertThat(store().exists(id)).isFalse();
		assertThat(store().get(id)).isEmpty();
	}

	@Test
	void aSecondPutReplacesTheContentWhole() {
		UUID id = UUID.randomUUID();
		store().put(id, "第一版".getBytes(StandardCharsets.UTF_8));
		store().put(id, new java.io.ByteArrayInputStream("第二版，更长一些".getBytes(StandardCharsets.UTF_8)),
				"第二版，更长一些".getBytes(StandardCharsets.UTF_8).length);
		assertThat(new String(store().get(id).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("第二版，更长一些");
	}

	@Test
	void aLargeFileIsStreamedInAndOut() throws Exception {
		Path source = temp.resolve("large.bin");
		String written;
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (OutputStream out = Files.newOutputStream(source)) {
			byte[] block = new byte[64 * 1024];
			for (long done = 0; done < LARGE; done += block.length) {
				for (int i = 0; i < block.length; i++) {
					block[i] = (byte) ((done + i) * 31 >>> 3);
				}
				out.write(block);
				digest.update(block);
			}
			written = HexFormat.of().formatHex(digest.digest());
		}
		UUID fromFile = UUID.randomUUID();
		store().put(fromFile, source);
		UUID fromStream = UUID.randomUUID();
		try (InputStream in = Files.newInputStream(source)) {
			store().put(fromStream, in, LARGE);
		}
		assertThat(sha256(fromFile)).isEqualTo(written);
		assertThat(sha256(fromStream)).isEqualTo(written);
	}

	private String sha256(UUID id) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		long size = 0;
		try (InputStream in = store().open(id).orElseThrow()) {
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				size += n;
			}
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		assertThat(size).isEqualTo(LARGE);
		return HexFormat.of().formatHex(digest.digest());
	}
}
