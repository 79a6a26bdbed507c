package cn.kaowu.platform.certificate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.document.PdfSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offline verifier, the status list encoding and share-code spelling, without Spring or a database. */
class VerifiableCredentialsTest {

	@TempDir
	Path keys;

	@TempDir
	Path otherKeys;

	@Test
	void bitsCountFromTheLeftOfEachByteAndSurviveTheEncoding() {
		byte[] bits = new byte[StatusLists.MIN_BITS / 8];
		bits[0] = (byte) 0x80;
		bits[1] = 0x40;
		String encoded = StatusLists.encode(bits);
		assertThat(encoded).startsWith("u").doesNotContain("=");
		byte[] decoded = StatusLists.decode(encoded);
		assertThat(decoded).hasSize(16_384).isEqualTo(bits);
		assertThat(StatusLists.bitAt(decoded, 0)).isTrue();
		assertThat(StatusLists.bitAt(decoded, 1)).isFalse();
		assertThat(StatusLists.bitAt(decoded, 9)).isTrue();
		assertThat(StatusLists.bitAt(decoded, 131_071)).isFalse();
		assertThatThrownBy(() -> StatusLists.bitAt(decoded, 131_072)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> StatusLists.decode("z" + encoded.substring(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shareCodesAreReadInAnySpellingButOnlyFromTheAlphabet() {
		assertThat(ShareCodes.normalize(" abcd-efgh jkmn ")).contains("ABCDEFGHJKMN");
		assertThat(ShareCodes.normalize("ABCD-EFGH-JKM0")).isEmpty();
		assertThat(ShareCodes.normalize("ABCD-EFGH-JKMI")).isEmpty();
		assertThat(ShareCodes.normalize("ABCD-EFGH-JKM")).isEmpty();
		assertThat(ShareCodes.normalize(null)).isEmpty();
		assertThat(ShareCodes.format("ABCDEFGHJKMN")).isEqualTo("ABCD-EFGH-JKMN");
		assertThat(ShareCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
	}

	@Test
	void verifiesSignatureAndStatusFromTheDocumentsAlone() {
		VerifiableCredentialsKey key = new VerifiableCredentialsKey(PdfSignatures.open(keys, "测试平台", Clock.systemUTC()));
		String jwks = key.jwks();
		assertThat(jwks).contains(key.kid()).doesNotContain("\"d\"");
		String list = "https://example.test/credentials/status/revocation";
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("@context", List.of(VerifiableCredentials.VC_CONTEXT));
		credential.put("type", List.of("VerifiableCredential"));
		credential.put("credentialStatus", Map.of("type", "BitstringStatusListEntry", "statusPurpose", "revocation",
				"statusListIndex", "9", "statusListCredential", list));
		String jwt = key.sign(credential);

		byte[] bits = new byte[StatusLists.MIN_BITS / 8];
		String clear = key.sign(statusList(list, bits));
		bits[1] = 0x40;
		String revoked = key.sign(statusList(list, bits));

		assertThat(VerifiableCredentials.verify(jwt, jwks, clear).outcome()).isEqualTo(VerifiableCredentials.Outcome.VALID);
		assertThat(VerifiableCredentials.verify(jwt, jwks, revoked).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.REVOKED);
		assertThat(VerifiableCredentials.verify(jwt, jwks).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.STATUS_UNKNOWN);

		// a list signed by another key does not count; a credential signed by another key is invalid
		VerifiableCredentialsKey other = new VerifiableCredentialsKey(
				PdfSignatures.open(otherKeys, "别的平台", Clock.systemUTC()));
		assertThat(VerifiableCredentials.verify(jwt, jwks, other.sign(statusList(list, bits))).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.STATUS_UNKNOWN);
		assertThat(VerifiableCredentials.verify(other.sign(credential), jwks, clear).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.INVALID_SIGNATURE);

		// unsigned ("alg": "none") and garbage are invalid
		String[] parts = jwt.split("\\.");
		assertThat(VerifiableCredentials.verify("eyJhbGciOiJub25lIn0." + parts[1] + ".", jwks, clear).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.INVALID_SIGNATURE);
		assertThat(VerifiableCredentials.verify("not a jwt", jwks).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.INVALID_SIGNATURE);
		// the signature part swapped for another credential's
		assertThat(VerifiableCredentials.verify(parts[0] + "." + parts[1] + "." + clear.split("\\.")[2], jwks, clear)
			.outcome()).isEqualTo(VerifiableCredentials.Outcome.INVALID_SIGNATURE);
	}

	private static Map<String, Object> statusList(String id, byte[] bits) {
		return Map.of("id", id, "type", List.of("VerifiableCredential", "BitstringStatusListCredential"),
				"credentialSubject", Map.of("type", "BitstringStatusList", "statusPurpose", "revocation", "encodedList",
						StatusLists.encode(bits)));
	}
}
