package cn.kaowu.platform.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

import cn.kaowu.exampackage.HmacSm3;
import cn.kaowu.exampackage.Sm4Gcm;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (PIPL, issue 10 part 3): ID and phone numbers are stored sealed (SM4-GCM, a random nonce,
 * the field name as associated data so a value cannot be moved to another column unnoticed) with a keyed blind
 * index (HMAC-SM3 under a separate key) for exact lookups; personal files (photos, scans) are sealed under a third
 * key.
 * <p>
 * One key file ({@code kaowu.privacy.key-file}, default {@code <kaowu.delivery.key-dir>/personal-data.key}) holds
 * the three keys: 16 bytes for the columns, 32 bytes for the index, 16 bytes for files. Every node of a cluster
 * must read the same file, and it belongs in the backup: losing it loses the data it protects. A sealed value
 * starts with a key version byte ({@value #KEY_VERSION} today), so a later key can be introduced beside this one.
 */
@Component
public class PersonalData {

	/** The field names used as associated data; a value sealed for one cannot be opened as another. */
	public static final String ID_NUMBER = "id_number";

	public static final String PHONE = "phone";

	/** Version byte of values sealed with the keys of the current key file. */
	public static final byte KEY_VERSION = 1;

	/** Sealed files start with these 4 bytes (then the version byte), never with an image's magic bytes. */
	private static final byte[] FILE_MAGIC = { 'K', 'W', 'P', 'D' };

	static final int KEY_FILE_LENGTH = Sm4Gcm.KEY_LENGTH + HmacSm3.GENERATED_KEY_LENGTH + Sm4Gcm.KEY_LENGTH;

	private final byte[] columnKey;

	private final HmacSm3 index;

	private final byte[] fileKey;

	@Autowired
	public PersonalData(
			@Value("${kaowu.privacy.key-file:${kaowu.delivery.key-dir:./data/keys}/personal-data.key}") Path keyFile) {
		this(KeyFiles.loadOrCreate(keyFile, KEY_FILE_LENGTH, PersonalData::generateKeys));
	}

	private PersonalData(byte[] keys) {
		this.columnKey = Arrays.copyOfRange(keys, 0, Sm4Gcm.KEY_LENGTH);
		this.index = new HmacSm3(
				Arrays.copyOfRange(keys, Sm4Gcm.KEY_LENGTH, Sm4Gcm.KEY_LENGTH + HmacSm3.GENERATED_KEY_LENGTH));
		this.fileKey = Arrays.copyOfRange(keys, Sm4Gcm.KEY_LENGTH + HmacSm3.GENERATED_KEY_LENGTH, KEY_FILE_LENGTH);
	}

	private static byte[] generateKeys() {
		byte[] keys = new byte[KEY_FILE_LENGTH];
		new SecureRandom().nextBytes(keys);
		return keys;
	}

	/**
	 * A person's ID and phone numbers as stored: sealed, the ID number's blind index, and the masked forms lists show.
	 * Sealed values may be copied from one table to another as they are (the associated data is the field name, not the
	 * table): registration copies a candidate's without opening them.
	 */
	public record Sealed(byte[] idNumber, byte[] idNumberIndex, String idNumberMasked, byte[] phone, String phoneMasked) {
	}

	/** {@link Sealed} of an ID and a phone number. */
	public Sealed sealPerson(String idNumber, String phone) {
		return new Sealed(seal(ID_NUMBER, idNumber), index(idNumber), ChineseIdNumber.mask(idNumber),
				seal(PHONE, phone), ChineseIdNumber.maskPhone(phone));
	}

	/** The value sealed for the field: version byte, nonce, ciphertext, tag. */
	public byte[] seal(String field, String value) {
		byte[] sealed = Sm4Gcm.encrypt(columnKey, value.getBytes(StandardCharsets.UTF_8), ad(field));
		byte[] out = new byte[sealed.length + 1];
		out[0] = KEY_VERSION;
		System.arraycopy(sealed, 0, out, 1, sealed.length);
		return out;
	}

	/** {@link #seal} of a value that may be absent. */
	public byte @Nullable [] sealNullable(String field, @Nullable String value) {
		return value == null ? null : seal(field, value);
	}

	/** The value {@link #seal} sealed for the same field; fails if it was altered or sealed for another field. */
	public String open(String field, byte[] sealed) {
		if (sealed.length == 0 || sealed[0] != KEY_VERSION) {
			throw new IllegalStateException("个人信息密文的密钥版本未知 (unknown key version of sealed personal data): "
					+ (sealed.length == 0 ? "empty" : sealed[0]));
		}
		return new String(Sm4Gcm.decrypt(columnKey, Arrays.copyOfRange(sealed, 1, sealed.length), ad(field)),
				StandardCharsets.UTF_8);
	}

	public @Nullable String openNullable(String field, byte @Nullable [] sealed) {
		return sealed == null ? null : open(field, sealed);
	}

	/**
	 * The blind index of an ID number (or any exact-match value): HMAC-SM3 of the value trimmed and upper-cased (a
	 * lower-case check digit x matches X). Equal inputs give equal indexes; the index reveals nothing without the key.
	 */
	public byte[] index(String value) {
		return index.mac(normalise(value).getBytes(StandardCharsets.UTF_8));
	}

	/** Whether {@code value} has the blind index {@code stored}, compared in constant time. */
	public boolean matches(String value, byte[] stored) {
		return MessageDigest.isEqual(index(value), stored);
	}

	public static String normalise(String value) {
		return value.strip().toUpperCase(Locale.ROOT);
	}

	/** A personal file (photo, scan) sealed for storage: never starts with the file's own magic bytes. */
	public byte[] sealFile(byte[] content) {
		byte[] sealed = Sm4Gcm.encrypt(fileKey, content, FILE_MAGIC);
		byte[] out = new byte[FILE_MAGIC.length + 1 + sealed.length];
		System.arraycopy(FILE_MAGIC, 0, out, 0, FILE_MAGIC.length);
		out[FILE_MAGIC.length] = KEY_VERSION;
		System.arraycopy(sealed, 0, out, FILE_MAGIC.length + 1, sealed.length);
		return out;
	}

	/** Whether the bytes start like a file {@link #sealFile} sealed. */
	public static boolean isSealedFile(byte[] head) {
		return head.length > FILE_MAGIC.length
				&& Arrays.equals(head, 0, FILE_MAGIC.length, FILE_MAGIC, 0, FILE_MAGIC.length);
	}

	/** The content of a sealed file; other bytes (files stored before sealing) are returned as they are. */
	public byte[] openFile(byte[] stored) {
		if (!isSealedFile(stored)) {
			return stored;
		}
		if (stored[FILE_MAGIC.length] != KEY_VERSION) {
			throw new IllegalStateException("个人文件的密钥版本未知 (unknown key version of a sealed file): "
					+ stored[FILE_MAGIC.length]);
		}
		return Sm4Gcm.decrypt(fileKey, Arrays.copyOfRange(stored, FILE_MAGIC.length + 1, stored.length), FILE_MAGIC);
	}

	private static byte[] ad(String field) {
		return field.getBytes(StandardCharsets.UTF_8);
	}
}
