package cn.kaowu.platform.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.Sm4Gcm;
import cn.kaowu.platform.kernel.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's delivery keys: the SM2 pair that signs every package (its public half is given to each site on
 * enrolment) and the SM4 key under which release keys are stored. Both in {@code kaowu.delivery.key-dir}
 * ({@code ./data/keys} by default, see {@link KeyFiles}).
 */
@Component
class DeliveryKeys {

	private final PrivateKey signing;

	private final PublicKey verifying;

	private final byte[] releaseKeyKey;

	DeliveryKeys(@Value("${kaowu.delivery.key-dir:./data/keys}") Path dir) {
		KeyPair fresh = Sm2Keys.generateKeyPair();
		byte[] privatePem = KeyFiles.loadOrCreate(dir.resolve("delivery-signing.key"), 0,
				() -> Sm2Keys.toPem(fresh.getPrivate()).getBytes(StandardCharsets.US_ASCII));
		byte[] publicPem = KeyFiles.loadOrCreate(dir.resolve("delivery-signing.pub"), 0,
				() -> Sm2Keys.toPem(fresh.getPublic()).getBytes(StandardCharsets.US_ASCII));
		this.signing = Sm2Keys.privateKeyFromPem(new String(privatePem, StandardCharsets.US_ASCII));
		this.verifying = Sm2Keys.publicKeyFromPem(new String(publicPem, StandardCharsets.US_ASCII));
		this.releaseKeyKey = KeyFiles.loadOrCreate(dir.resolve("release-keys.key"), Sm4Gcm.KEY_LENGTH,
				Sm4Gcm::generateKey);
	}

	PrivateKey signing() {
		return signing;
	}

	String publicPem() {
		return Sm2Keys.toPem(verifying);
	}

	PublicKey verifying() {
		return verifying;
	}

	byte[] sealReleaseKey(String packageId, byte[] releaseKey) {
		return Sm4Gcm.encrypt(releaseKeyKey, releaseKey, packageId.getBytes(StandardCharsets.UTF_8));
	}

	byte[] openReleaseKey(String packageId, byte[] sealed) {
		return Sm4Gcm.decrypt(releaseKeyKey, sealed, packageId.getBytes(StandardCharsets.UTF_8));
	}
}
