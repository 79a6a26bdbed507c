package cn.kaowu.platform.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import cn.kaowu.exampackage.Sm3;
import cn.kaowu.exampackage.Sm4Gcm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encryption at rest of item bodies: SM4-GCM with the bank's data key, a fresh random nonce per stored version
 * (kept in front of the ciphertext by {@link Sm4Gcm}) and the item id and version as associated data, so a body
 * copied onto another row does not decrypt. The key is 16 random bytes in {@code kaowu.bank.key-file} (default
 * {@code ./data/keys/bank.key}; not inside {@code ./data/platform}, which is PostgreSQL's data directory and must
 * stay empty for its first {@code initdb}), created with owner-only permissions on first start; losing the file loses
 * the bank, so it belongs in the backup beside the database but not inside it. {@link #keyId()} (the first 16 hex digits
 * of its SM3) is stored with each version, so a later key rotation can tell which key wrote a row.
 */
@Component
class BankCipher {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final byte[] key;

	private final String keyId;

	BankCipher(@Value("${kaowu.bank.key-file:./data/keys/bank.key}") Path keyFile) {
		this.key = loadOrCreate(keyFile);
		this.keyId = Sm3.hex(key).substring(0, 16);
	}

	static byte[] loadOrCreate(Path file) {
		return cn.kaowu.platform.kernel.KeyFiles.loadOrCreate(file, Sm4Gcm.KEY_LENGTH, Sm4Gcm::generateKey);
	}

	String keyId() {
		return keyId;
	}

	byte[] encrypt(long itemId, int version, ItemBody body) {
		byte[] plain = JSON.writeValueAsBytes(body);
		try {
			return Sm4Gcm.encrypt(key, plain, associatedData(itemId, version));
		}
		finally {
			Arrays.fill(plain, (byte) 0);
		}
	}

	ItemBody decrypt(long itemId, int version, byte[] ciphertext) {
		return JSON.readValue(Sm4Gcm.decrypt(key, ciphertext, associatedData(itemId, version)), ItemBody.class);
	}

	private static byte[] associatedData(long itemId, int version) {
		return ("kaowu-bank-item:" + itemId + ":" + version).getBytes(StandardCharsets.UTF_8);
	}
}
