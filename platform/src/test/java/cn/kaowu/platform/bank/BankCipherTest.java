package cn.kaowu.platform.bank;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import cn.kaowu.exampackage.CryptoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key file and the bodies' encryption bound to item and version. */
class BankCipherTest {

	@TempDir
	Path dir;

	static final ItemBody BODY = new ItemBody("网店的主要推广渠道是什么？", List.of("搜索", "直播"), "B", List.of(),
			List.of(new ItemBody.Attachment(UUID.randomUUID(), "素材.zip")));

	@Test
	void theKeyFileIsCreatedOwnerOnlyOnceAndReused() throws Exception {
		Path file = dir.resolve("sub/bank.key");
		BankCipher first = new BankCipher(file);
		assertThat(Files.size(file)).isEqualTo(16);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		byte[] ciphertext = first.encrypt(7, 1, BODY);
		BankCipher second = new BankCipher(file);
		assertThat(second.keyId()).isEqualTo(first.keyId()).hasSize(16);
		assertThat(second.decrypt(7, 1, ciphertext)).isEqualTo(BODY);
	}

	@Test
	void ciphertextHasAFreshNonceNoPlainTextAndIsBoundToItemAndVersion() {
		BankCipher cipher = new BankCipher(dir.resolve("bank.key"));
		byte[] a = cipher.encrypt(7, 1, BODY);
		byte[] b = cipher.encrypt(7, 1, BODY);
		assertThat(a).isNotEqualTo(b);
		assertThat(new String(a, StandardCharsets.UTF_8)).doesNotContain("推广").doesNotContain("stem");
		assertThatThrownBy(() -> cipher.decrypt(8, 1, a)).isInstanceOf(CryptoException.class);
		assertThatThrownBy(() -> cipher.decrypt(7, 2, a)).isInstanceOf(CryptoException.class);
		assertThatThrownBy(() -> new BankCipher(dir.resolve("bank.key")).decrypt(7, 1, flip(a)))
			.isInstanceOf(CryptoException.class);
	}

	@Test
	void aKeyFileOfTheWrongLengthIsRefused() throws Exception {
		Path file = dir.resolve("short.key");
		Files.write(file, new byte[15]);
		assertThatThrownBy(() -> new BankCipher(file)).hasMessageContaining("16");
	}

	static byte[] flip(byte[] in) {
		byte[] out = in.clone();
		out[20] ^= 1;
		return out;
	}
}
