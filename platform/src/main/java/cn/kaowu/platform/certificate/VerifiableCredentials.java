package cn.kaowu.platform.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A final, numbered certificate as a W3C Verifiable Credential (Data Model 2.0) of type Open Badges 3.0
 * {@code OpenBadgeCredential}, secured as VC-JOSE: a compact JWS (RS256, {@code typ: vc+jwt}) whose payload is the
 * credential, signed with the document key of {@link cn.kaowu.platform.document.PdfSignatures} and verifiable with the
 * JWKS published at {@code /credentials/jwks.json}. Its {@code credentialStatus} points into the platform's two
 * {@link StatusLists} (revocation, suspension). {@link #verify} checks a credential offline from the three documents.
 */
@Service
public class VerifiableCredentials {

	public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

	public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	/** The media type of a VC-JOSE credential. */
	public static final String MEDIA_TYPE = "application/vc+jwt";

	private final JdbcClient jdbc;

	private final CertificateManagement certificates;

	private final ExamPlans plans;

	private final Enrollments enrollments;

	private final StatusLists statusLists;

	private final VerifiableCredentialsKey key;

	private final String baseUrl;

	private final SecureRandom random = new SecureRandom();

	VerifiableCredentials(JdbcClient jdbc, CertificateManagement certificates, ExamPlans plans, Enrollments enrollments,
			StatusLists statusLists, VerifiableCredentialsKey key,
			@Value("${kaowu.portal.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.certificates = certificates;
		this.plans = plans;
		this.enrollments = enrollments;
		this.statusLists = statusLists;
		this.key = key;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The issuer's public keys (JWKS JSON), to publish at {@code /credentials/jwks.json}. */
	public String jwks() {
		return key.jwks();
	}

	/**
	 * The credential of a certificate in the scope's reach (the ORG owning the plan, the holder's college; others 404,
	 * other roles 403); 409 unless the row is final and numbered.
	 */
	@Transactional(readOnly = true)
	public String credential(Scope scope, long issueId) {
		IssueView row = certificates.get(scope, issueId);
		if (row.status() != IssueStatus.FINAL || row.certificateNumber() == null) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.error.notFinal", row.name());
		}
		return credentialOf(issueId);
	}

	/** The credential of a final, numbered certificate, for callers that checked who asks (the holder, a share code). */
	String credentialOf(long issueId) {
		record Row(long planId, long candidateId, long levelId, String levelCode, String levelName, String name,
				String number, Instant issuedAt) {
		}
		Row row = jdbc.sql("""
				SELECT plan_id, candidate_id, level_id, level_code, level_display_name, name, certificate_number,
				  greatest(college_confirmed_at, org_confirmed_at) AS issued_at
				FROM certificate_issue WHERE id = ? AND status = 'FINAL' AND certificate_number IS NOT NULL""")
			.param(issueId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundProblem("证书", issueId));
		PlanView plan = plans.find(row.planId()).orElseThrow();
		String idNumber = enrollments.registered(row.planId()).stream()
			.filter(r -> r.candidateId() == row.candidateId())
			.map(Enrollments.Registered::idNumber)
			.findFirst()
			.orElseThrow();
		int index = statusLists.indexOf(issueId);

		Map<String, Object> issuer = new LinkedHashMap<>();
		issuer.put("id", "urn:kaowu:organisation:" + plan.organisationId());
		issuer.put("type", List.of("Profile"));
		issuer.put("name", plan.organisationName());

		Map<String, Object> achievement = new LinkedHashMap<>();
		achievement.put("id", "urn:kaowu:achievement:" + row.levelCode());
		achievement.put("type", List.of("Achievement"));
		achievement.put("achievementType", "Certificate");
		achievement.put("name", row.levelName());
		achievement.put("description", "1+X 职业技能等级证书：" + plan.certificateName() + "（" + row.levelName() + "）");
		achievement.put("criteria", Map.of("narrative", "通过“" + plan.name() + "”该等级的全部考核科目（理论与实操），经院校与培训评价组织双方确认。"));
		achievement.put("humanCode", row.levelCode());

		byte[] salt = new byte[16];
		random.nextBytes(salt);
		String saltHex = HexFormat.of().formatHex(salt);
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", List.of("AchievementSubject"));
		subject.put("identifier", List.of(identity("name", row.name(), false, null),
				identity("nationalIdentityNumber", identityHash(idNumber, saltHex), true, saltHex)));
		subject.put("achievement", achievement);

		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
		credential.put("id", "urn:kaowu:certificate:" + row.number());
		credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		credential.put("name", row.levelName() + " " + row.number());
		credential.put("issuer", issuer);
		credential.put("validFrom", row.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		credential.put("credentialSubject", subject);
		credential.put("credentialStatus",
				List.of(statusEntry(StatusLists.Purpose.REVOCATION, index),
						statusEntry(StatusLists.Purpose.SUSPENSION, index)));
		return key.sign(credential);
	}

	private Map<String, Object> statusEntry(StatusLists.Purpose purpose, int index) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", statusLists.url(purpose) + "#" + index);
		entry.put("type", "BitstringStatusListEntry");
		entry.put("statusPurpose", purpose.value());
		entry.put("statusListIndex", String.valueOf(index));
		entry.put("statusListCredential", statusLists.url(purpose));
		return entry;
	}

	private static Map<String, Object> identity(String type, String hash, boolean hashed, @Nullable String salt) {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("type", "IdentityObject");
		identity.put("identityHash", hash);
		identity.put("identityType", type);
		identity.put("hashed", hashed);
		if (salt != null) {
			identity.put("salt", salt);
		}
		return identity;
	}

	/**
	 * Open Badges' hashed identity: {@code sha256$} and the hex SHA-256 of the upper-case ID number followed by the salt;
	 * an employer who knows the ID number recomputes it.
	 */
	public static String identityHash(String idNumber, String salt) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((idNumber.strip().toUpperCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8));
			return "sha256$" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	// ---- offline verification -------------------------------------------------------------------------------------

	/** What {@link #verify} concludes. */
	public enum Outcome {

		/** Signature good, neither revoked nor suspended in the given lists. */
		VALID,
		/** Signature good, the certificate is suspended now. */
		SUSPENDED,
		/** Signature good, the certificate is revoked. */
		REVOKED,
		/** Signature good, but a status list the credential names was not given (or not signed by the issuer). */
		STATUS_UNKNOWN,
		/** Not a credential signed by a key of the JWKS, or altered since signing. */
		INVALID_SIGNATURE

	}

	/** The outcome, the credential (when its signature checks out) and why it failed. */
	public record Verification(Outcome outcome, @Nullable Map<String, Object> credential, @Nullable String problem) {

		public boolean signatureValid() {
			return outcome != Outcome.INVALID_SIGNATURE;
		}
	}

	/**
	 * Verifies a credential offline: its JWS against the issuer's JWKS ({@code RS256}, {@code typ vc+jwt}, key by
	 * {@code kid}), then each {@code BitstringStatusListEntry} against the status list credentials given (matched by
	 * id, each itself verified with the JWKS and of the entry's purpose). Revoked beats suspended.
	 */
	public static Verification verify(String jwt, String jwks, String... statusListJwts) {
		Optional<Map<String, Object>> credential;
		JWKSet keys;
		try {
			keys = JWKSet.parse(jwks);
		}
		catch (ParseException e) {
			return new Verification(Outcome.INVALID_SIGNATURE, null, "JWKS 无法读取 (unreadable JWKS)");
		}
		credential = verifiedPayload(jwt, keys);
		if (credential.isEmpty()) {
			return new Verification(Outcome.INVALID_SIGNATURE, null, "签名无效或内容被改动 (signature invalid)");
		}
		Map<String, Object> vc = credential.get();
		Map<String, Map<String, Object>> lists = new LinkedHashMap<>();
		for (String listJwt : statusListJwts) {
			verifiedPayload(listJwt, keys).ifPresent(list -> lists.put(String.valueOf(list.get("id")), list));
		}
		boolean revoked = false;
		boolean suspended = false;
		boolean unknown = false;
		for (Map<String, Object> entry : entries(vc.get("credentialStatus"))) {
			if (!"BitstringStatusListEntry".equals(entry.get("type"))) {
				continue;
			}
			Map<String, Object> list = lists.get(String.valueOf(entry.get("statusListCredential")));
			@SuppressWarnings("unchecked")
			Map<String, Object> subject = list == null ? null : (Map<String, Object>) list.get("credentialSubject");
			if (subject == null || !String.valueOf(entry.get("statusPurpose")).equals(subject.get("statusPurpose"))) {
				unknown = true;
				continue;
			}
			boolean set;
			try {
				set = StatusLists.bitAt(StatusLists.decode(String.valueOf(subject.get("encodedList"))),
						Integer.parseInt(String.valueOf(entry.get("statusListIndex"))));
			}
			catch (IllegalArgumentException e) {
				unknown = true;
				continue;
			}
			switch (String.valueOf(entry.get("statusPurpose"))) {
				case "revocation" -> revoked |= set;
				case "suspension" -> suspended |= set;
				default -> unknown = true;
			}
		}
		Outcome outcome = revoked ? Outcome.REVOKED
				: suspended ? Outcome.SUSPENDED : unknown ? Outcome.STATUS_UNKNOWN : Outcome.VALID;
		return new Verification(outcome, vc, outcome == Outcome.STATUS_UNKNOWN ? "缺少状态列表 (status list missing)" : null);
	}

	private static Optional<Map<String, Object>> verifiedPayload(String jwt, JWKSet keys) {
		try {
			JWSObject jws = JWSObject.parse(jwt.strip());
			if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())
					|| !VerifiableCredentialsKey.VC_JWT.equals(jws.getHeader().getType())) {
				return Optional.empty();
			}
			JWK jwk = keys.getKeyByKeyId(jws.getHeader().getKeyID());
			if (!(jwk instanceof RSAKey rsa) || !jws.verify(new RSASSAVerifier(rsa))) {
				return Optional.empty();
			}
			return Optional.ofNullable(jws.getPayload().toJSONObject());
		}
		catch (ParseException | JOSEException | RuntimeException e) {
			return Optional.empty();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(@Nullable Object status) {
		if (status instanceof Map<?, ?> one) {
			return List.of((Map<String, Object>) one);
		}
		if (status instanceof List<?> many) {
			return many.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
		}
		return List.of();
	}
}
