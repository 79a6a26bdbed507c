package cn.kaowu.platform.certificate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.NotFoundProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifiable Credentials against PostgreSQL: the Open Badges 3.0 shape, who may download, offline verification from
 * the three public documents (credential, JWKS, status lists) — valid, one character changed, suspended, lifted,
 * revoked — and the status list decoded independently of the platform's code (Jackson, GZIP, the bit by hand).
 */
@IntegrationTest
class VerifiableCredentialsIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	VerifiableCredentials credentials;

	@Autowired
	ShareCodes shares;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aCredentialVerifiesOfflineUntilItsCertificateIsRevoked() throws Exception {
		ShareCodesIntegrationTest.Issued s = ShareCodesIntegrationTest.issued(
				certificateMother, certificates, jdbc);
		String jwt = credentials.credential(s.world().org(), s.a().id());

		// header: VC-JOSE
		String[] parts = jwt.split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		assertThat(header.get("typ").asString()).isEqualTo("vc+jwt");
		String jwks = get("/credentials/jwks.json").body();
		JsonNode key = JSON.readTree(jwks).get("keys").get(0);
		assertThat(key.get("kid").asString()).isEqualTo(header.get("kid").asString());
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("d")).isFalse();

		// payload: an OpenBadgeCredential of VC Data Model 2.0
		JsonNode vc = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(vc.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
		assertThat(vc.get("@context").get(1).asString()).startsWith("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0");
		assertThat(texts(vc.get("type"))).containsExactly("VerifiableCredential", "OpenBadgeCredential");
		assertThat(vc.get("id").asString()).isEqualTo("urn:kaowu:certificate:" + s.a().certificateNumber());
		assertThat(vc.get("name").asString()).contains(s.a().certificateNumber());
		assertThat(texts(vc.get("issuer").get("type"))).containsExactly("Profile");
		assertThat(vc.get("issuer").get("id").asString()).startsWith("urn:");
		assertThat(vc.get("issuer").get("name").asString()).isEqualTo(s.world().plan().organisationName());
		assertThat(vc.get("validFrom").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		JsonNode subject = vc.get("credentialSubject");
		assertThat(texts(subject.get("type"))).containsExactly("AchievementSubject");
		JsonNode achievement = subject.get("achievement");
		assertThat(texts(achievement.get("type"))).containsExactly("Achievement");
		assertThat(achievement.get("name").asString()).isEqualTo(s.a().levelDisplayName());
		assertThat(achievement.get("criteria").get("narrative").asString()).isNotBlank();
		assertThat(achievement.get("description").asString()).isNotBlank();
		assertThat(achievement.get("id").asString()).isNotBlank();
		// the holder: name in clear, ID number only as a salted hash an employer who knows it can recompute
		JsonNode name = subject.get("identifier").get(0);
		assertThat(name.get("identityType").asString()).isEqualTo("name");
		assertThat(name.get("identityHash").asString()).isEqualTo(s.a().name());
		JsonNode id = subject.get("identifier").get(1);
		assertThat(id.get("identityType").asString()).isEqualTo("nationalIdentityNumber");
		assertThat(id.get("hashed").asBoolean()).isTrue();
		assertThat(id.get("identityHash").asString())
			.isEqualTo(VerifiableCredentials.identityHash(s.idA(), id.get("salt").asString()));
		assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).doesNotContain(s.idA());
		// two status entries, one per purpose, at the same stable index
		JsonNode status = vc.get("credentialStatus");
		assertThat(status.size()).isEqualTo(2);
		for (JsonNode entry : status) {
			assertThat(entry.get("type").asString()).isEqualTo("BitstringStatusListEntry");
			assertThat(entry.get("statusListCredential").asString())
				.endsWith("/credentials/status/" + entry.get("statusPurpose").asString());
		}
		assertThat(texts(status.findValues("statusPurpose").stream().toList()))
			.containsExactly("revocation", "suspension");
		int index = Integer.parseInt(status.get(0).get("statusListIndex").asString());
		assertThat(status.get(1).get("statusListIndex").asString()).isEqualTo(String.valueOf(index));
		String again = credentials.credential(s.world().org(), s.a().id());
		assertThat(JSON.readTree(Base64.getUrlDecoder().decode(again.split("\\.")[1])).get("credentialStatus").get(0)
			.get("statusListIndex").asString()).isEqualTo(String.valueOf(index));

		// valid offline, with the public documents fetched without a login
		assertThat(verify(jwt, jwks).outcome()).isEqualTo(VerifiableCredentials.Outcome.VALID);
		assertThat(VerifiableCredentials.verify(jwt, jwks).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.STATUS_UNKNOWN);
		// one character of the payload changed: the signature fails
		char[] tampered = jwt.toCharArray();
		int at = parts[0].length() + 1 + parts[1].length() / 2;
		tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
		VerifiableCredentials.Verification bad = verify(new String(tampered), jwks);
		assertThat(bad.outcome()).isEqualTo(VerifiableCredentials.Outcome.INVALID_SIGNATURE);
		assertThat(bad.signatureValid()).isFalse();

		// suspended, lifted, revoked: each shows in the next list at once
		HttpResponse<String> before = get("/credentials/status/revocation");
		String etag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/credentials/status/revocation", etag).statusCode()).isEqualTo(304);
		registry.suspend(s.world().org(), s.a().id(), "核查中");
		assertThat(verify(jwt, jwks).outcome()).isEqualTo(VerifiableCredentials.Outcome.SUSPENDED);
		registry.lift(s.world().org(), s.a().id(), "核查无误");
		assertThat(verify(jwt, jwks).outcome()).isEqualTo(VerifiableCredentials.Outcome.VALID);
		registry.revoke(s.world().org(), s.a().id(), "违规取得");
		HttpResponse<String> after = get("/credentials/status/revocation");
		assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		assertThat(after.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
		VerifiableCredentials.Verification revoked = verify(jwt, jwks);
		assertThat(revoked.outcome()).isEqualTo(VerifiableCredentials.Outcome.REVOKED);
		assertThat(revoked.credential()).containsKey("credentialSubject");

		// the list decoded by hand: JWS payload → encodedList → 'u' + base64url → GZIP → bit, left-most first
		JsonNode list = JSON.readTree(Base64.getUrlDecoder().decode(after.body().split("\\.")[1]));
		assertThat(texts(list.get("type"))).containsExactly("VerifiableCredential", "BitstringStatusListCredential");
		assertThat(list.get("credentialSubject").get("type").asString()).isEqualTo("BitstringStatusList");
		assertThat(list.get("credentialSubject").get("statusPurpose").asString()).isEqualTo("revocation");
		String encoded = list.get("credentialSubject").get("encodedList").asString();
		assertThat(encoded).startsWith("u").doesNotContain("=").doesNotContain("+").doesNotContain("/");
		byte[] bits;
		try (GZIPInputStream in = new GZIPInputStream(
				new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
			bits = in.readAllBytes();
		}
		assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
		assertThat((bits[index / 8] >> (7 - index % 8)) & 1).isEqualTo(1);
		int indexB = Integer.parseInt(JSON.readTree(Base64.getUrlDecoder()
			.decode(credentials.credential(s.world().org(), s.b().id()).split("\\.")[1]))
			.get("credentialStatus").get(0).get("statusListIndex").asString());
		assertThat(indexB).isNotEqualTo(index);
		JsonNode listNow = JSON.readTree(Base64.getUrlDecoder().decode(get("/credentials/status/revocation").body().split("\\.")[1]));
		byte[] bitsNow = StatusLists.decode(listNow.get("credentialSubject").get("encodedList").asString());
		assertThat(StatusLists.bitAt(bitsNow, indexB)).isFalse();
		assertThat(StatusLists.bitAt(bitsNow, index)).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM certificate_status_index WHERE issue_id IN (?, ?)")
			.params(s.a().id(), s.b().id()).query(Integer.class).single()).isEqualTo(2);

		// a share code's credential is the same certificate, verifiable the same way
		ShareCodes.Holder holderB = shares.identify(s.idB(), s.ticketB()).orElseThrow();
		String viaCode = shares.credential(shares.create(holderB, s.b().id(), 5).code()).orElseThrow();
		assertThat(verify(viaCode, jwks).outcome()).isEqualTo(VerifiableCredentials.Outcome.VALID);
		assertThat(verify(shares.credential(holderB, s.b().id()), jwks).outcome())
			.isEqualTo(VerifiableCredentials.Outcome.VALID);
		assertThatThrownBy(() -> shares.credential(holderB, s.a().id())).isInstanceOf(NotFoundProblem.class);
	}

	@Test
	void onlyTheOrgAndTheCollegeInScopeDownloadThroughTheApi() throws Exception {
		ShareCodesIntegrationTest.Issued s = ShareCodesIntegrationTest.issued(
				certificateMother, certificates, jdbc);
		assertThat(credentials.credential(s.world().admin(), s.a().id())).isNotBlank();
		assertThatThrownBy(() -> credentials.credential(s.world().otherAdmin(), s.a().id()))
			.isInstanceOf(NotFoundProblem.class);

		ApiClient org = new ApiClient(port).login(s.world().org().username(), TestWorld.PASSWORD);
		assertThat(org.status("/api/v1/certificates/issues/" + s.a().id() + "/credential")).isEqualTo(200);
		ApiClient other = new ApiClient(port).login(s.world().otherAdmin().username(), TestWorld.PASSWORD);
		assertThat(other.status("/api/v1/certificates/issues/" + s.a().id() + "/credential")).isEqualTo(404);
		assertThat(new ApiClient(port).status("/api/v1/certificates/issues/" + s.a().id() + "/credential"))
			.isEqualTo(401);
		assertThat(get("/credentials/status/expiry").statusCode()).isEqualTo(404);
		HttpResponse<String> list = get("/credentials/status/suspension");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vc+jwt");
	}

	private VerifiableCredentials.Verification verify(String jwt, String jwks) throws Exception {
		return VerifiableCredentials.verify(jwt, jwks, get("/credentials/status/revocation").body(),
				get("/credentials/status/suspension").body());
	}

	private HttpResponse<String> get(String path, String... ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (ifNoneMatch.length > 0) {
			request.header("If-None-Match", ifNoneMatch[0]);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static List<String> texts(JsonNode array) {
		return texts(array.valueStream().toList());
	}

	private static List<String> texts(List<JsonNode> nodes) {
		return nodes.stream().map(JsonNode::asString).toList();
	}
}
