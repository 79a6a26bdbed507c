package cn.kaowu.platform.certificate;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 分享码 (issue 8 part 6, like 学信网's 在线验证码): a certificate holder, identified by full ID number and ticket number
 * (the caller rate-limits), creates an expiring code for one of their final certificates and hands it to an employer,
 * who reads the certificate with it — holder's full name (the holder chose to share it), masked ID number, number,
 * level, issue date, issuer, current status, and the code's expiry — and may download its Verifiable Credential.
 * <p>
 * Codes: 12 characters of an alphabet without 0/O, 1/I/L (31 symbols, about 59 bits) from {@link SecureRandom}, shown
 * once as {@code XXXX-XXXX-XXXX} and stored as their SHA-256; valid from creation through the whole second
 * of {@code expires_at} (1–180 days later, default 30); at most {@value #MAX_ACTIVE} active codes per holder. An unknown,
 * malformed, expired or revoked code all answer empty. Creation and revocation are audited.
 */
@Service
public class ShareCodes {

	public static final int MIN_DAYS = 1;

	public static final int MAX_DAYS = 180;

	public static final int DEFAULT_DAYS = 30;

	public static final int MAX_ACTIVE = 20;

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int LENGTH = 12;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A holder who proved who they are (candidate of the ticket); kept in the portal's session. */
	public record Holder(long candidateId, String name, String idNumberMasked) implements Serializable {
	}

	/** One of the holder's final, numbered certificates. */
	public record HeldCertificate(long issueId, String certificateNumber, String level, LocalDate issuedOn,
			String issuer, CertificateRegistry.Standing standing) {
	}

	/** A code's state at a moment. */
	public enum CodeState {
		ACTIVE, EXPIRED, REVOKED
	}

	/** A share code as its holder lists it (the code itself is never shown again, only its first four characters). */
	public record CodeView(long id, long issueId, String certificateNumber, String hint, Instant createdAt,
			Instant expiresAt, @Nullable Instant revokedAt, CodeState state) implements Serializable {
	}

	/**
	 * A new code, in full ({@code XXXX-XXXX-XXXX}), shown this once. Serializable: the page shows it after a redirect,
	 * as a flash attribute kept in the session, and sessions live in PostgreSQL.
	 */
	public record Created(String code, CodeView view) implements Serializable {
	}

	/** What the employer sees with a valid code. */
	public record Shared(String holderName, String idNumberMasked, String certificateNumber, String level,
			LocalDate issuedOn, String issuer, CertificateRegistry.Standing standing, Instant codeExpiresAt) {
	}

	private final JdbcClient jdbc;

	private final Enrollments enrollments;

	private final ExamPlans plans;

	private final VerifiableCredentials credentials;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ShareCodes(JdbcClient jdbc, Enrollments enrollments, ExamPlans plans, VerifiableCredentials credentials,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.enrollments = enrollments;
		this.plans = plans;
		this.credentials = credentials;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The holder of the ticket if the full ID number is theirs (through the blind index); empty for an unknown
	 * ticket and a wrong ID number alike. Unscoped and not rate limited: the portal limits it.
	 */
	@Transactional(readOnly = true)
	public Optional<Holder> identify(String idNumber, String ticketNumber) {
		// The sealed numbers are matched through enrollment's blind index.
		return enrollments.holding(ticketNumber.strip(), idNumber).stream()
			.findFirst()
			.map(r -> new Holder(r.candidateId(), r.name(), ChineseIdNumber.mask(r.idNumber())));
	}

	/** The holder's final, numbered certificates, newest first. */
	@Transactional(readOnly = true)
	public List<HeldCertificate> certificates(Holder holder) {
		return jdbc.sql("""
				SELECT i.id, i.certificate_number, i.level_display_name, i.plan_id,
				  greatest(i.college_confirmed_at, i.org_confirmed_at) AS issued_at,
				  (SELECT c.status FROM certificate_status_change c WHERE c.issue_id = i.id ORDER BY c.id DESC LIMIT 1) AS standing
				FROM certificate_issue i
				WHERE i.candidate_id = ? AND i.status = 'FINAL' AND i.certificate_number IS NOT NULL
				ORDER BY issued_at DESC, i.id DESC""")
			.param(holder.candidateId())
			.query((rs, n) -> new HeldCertificate(rs.getLong(1), rs.getString(2), rs.getString(3),
					LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), ZONE), issuer(rs.getLong(4)), standing(rs)))
			.list();
	}

	/** The holder's codes, newest first, with their state now. */
	@Transactional(readOnly = true)
	public List<CodeView> codes(Holder holder) {
		Instant now = now();
		return jdbc.sql("""
				SELECT s.*, i.certificate_number FROM certificate_share_code s
				JOIN certificate_issue i ON i.id = s.issue_id
				WHERE s.candidate_id = ? ORDER BY s.id DESC""")
			.param(holder.candidateId())
			.query((rs, n) -> codeView(rs, now))
			.list();
	}

	/**
	 * A new code for one of the holder's certificates, valid {@code days} days (1–180, null: 30). 404 for a certificate
	 * that is not theirs, 409 for a revoked one or beyond {@value #MAX_ACTIVE} active codes, 422 for days out of range.
	 */
	@Transactional
	public Created create(Holder holder, long issueId, @Nullable Integer days) {
		int validDays = days == null ? DEFAULT_DAYS : days;
		if (validDays < MIN_DAYS || validDays > MAX_DAYS) {
			throw new InvalidInputProblem("days", "certificate.share.error.days", MIN_DAYS, MAX_DAYS);
		}
		HeldCertificate held = own(holder, issueId);
		if (held.standing() == CertificateRegistry.Standing.REVOKED) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.share.error.revoked", held.certificateNumber());
		}
		Instant now = now();
		// one holder's creations in a row: the count below cannot be raced past the limit
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('certificate_share_code'), ?::int)")
			.param((int) holder.candidateId()).query((rs, n) -> 1).list();
		long active = jdbc.sql("""
				SELECT count(*) FROM certificate_share_code
				WHERE candidate_id = ? AND revoked_at IS NULL AND expires_at >= ?""")
			.params(holder.candidateId(), Timestamp.from(now)).query(Long.class).single();
		if (active >= MAX_ACTIVE) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.share.error.tooMany", MAX_ACTIVE);
		}
		String code = newCode();
		Instant expires = now.plus(Duration.ofDays(validDays));
		long id = jdbc.sql("""
				INSERT INTO certificate_share_code (issue_id, candidate_id, code_hash, code_hint, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(issueId, holder.candidateId(), hash(code), code.substring(0, 4), Timestamp.from(now),
					Timestamp.from(expires))
			.query(Long.class).single();
		audit.record(actor(holder), AuditRecord.of("certificate.share.create", "CertificateShareCode", id, null,
				CodeState.ACTIVE, held.certificateNumber() + "：" + code.substring(0, 4) + "…，有效至 " + expires,
				collegeOf(issueId)));
		CodeView view = new CodeView(id, issueId, held.certificateNumber(), code.substring(0, 4), now, expires, null,
				CodeState.ACTIVE);
		return new Created(format(code), view);
	}

	/** Revokes one of the holder's codes at once (404 for another's); revoking a revoked code changes nothing. */
	@Transactional
	public CodeView revoke(Holder holder, long codeId) {
		Instant now = now();
		CodeView code = jdbc.sql("""
				SELECT s.*, i.certificate_number FROM certificate_share_code s
				JOIN certificate_issue i ON i.id = s.issue_id
				WHERE s.id = ? AND s.candidate_id = ? FOR UPDATE OF s""")
			.params(codeId, holder.candidateId())
			.query((rs, n) -> codeView(rs, now))
			.optional()
			.orElseThrow(() -> new NotFoundProblem("分享码", codeId));
		if (code.revokedAt() != null) {
			return code;
		}
		jdbc.sql("UPDATE certificate_share_code SET revoked_at = ? WHERE id = ?").params(Timestamp.from(now), codeId)
			.update();
		audit.record(actor(holder), AuditRecord.of("certificate.share.revoke", "CertificateShareCode", codeId,
				code.state(), CodeState.REVOKED, code.certificateNumber() + "：" + code.hint() + "…",
				collegeOf(code.issueId())));
		return new CodeView(code.id(), code.issueId(), code.certificateNumber(), code.hint(), code.createdAt(),
				code.expiresAt(), now, CodeState.REVOKED);
	}

	/** What the code shows now; empty for an unknown, malformed, expired or revoked code alike. */
	@Transactional(readOnly = true)
	public Optional<Shared> view(@Nullable String code) {
		return activeIssue(code).map(active -> {
			record Row(long planId, String name, String idNumberMasked, String number, String level, Instant issuedAt,
					@Nullable String standing) {
			}
			Row row = jdbc.sql("""
					SELECT plan_id, name, id_number_masked, certificate_number, level_display_name,
					  greatest(college_confirmed_at, org_confirmed_at),
					  (SELECT c.status FROM certificate_status_change c WHERE c.issue_id = i.id ORDER BY c.id DESC LIMIT 1)
					FROM certificate_issue i WHERE id = ?""")
				.param(active.issueId())
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
				.single();
			return new Shared(row.name(), row.idNumberMasked(), row.number(), row.level(),
					LocalDate.ofInstant(row.issuedAt(), ZONE), issuer(row.planId()),
					row.standing() == null ? CertificateRegistry.Standing.VALID
							: CertificateRegistry.Standing.valueOf(row.standing()),
					active.expiresAt());
		});
	}

	/** The certificate's Verifiable Credential through a valid code; empty like {@link #view}. */
	@Transactional(readOnly = true)
	public Optional<String> credential(@Nullable String code) {
		return activeIssue(code).map(active -> credentials.credentialOf(active.issueId()));
	}

	/** The Verifiable Credential of one of the holder's certificates (404 for another's). */
	@Transactional(readOnly = true)
	public String credential(Holder holder, long issueId) {
		own(holder, issueId);
		return credentials.credentialOf(issueId);
	}

	/** {@code abcd-efgh jkmn} → {@code ABCDEFGHJKMN}; empty unless 12 characters of the alphabet. */
	static Optional<String> normalize(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		String plain = code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
		if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(plain);
	}

	private record Active(long issueId, Instant expiresAt) {
	}

	private Optional<Active> activeIssue(@Nullable String code) {
		// a malformed code still costs the same query, so its answer takes as long as an unknown one
		String hash = hash(normalize(code).orElse("-"));
		return jdbc.sql("""
				SELECT issue_id, expires_at FROM certificate_share_code
				WHERE code_hash = ? AND revoked_at IS NULL AND expires_at >= ?""")
			.params(hash, Timestamp.from(now()))
			.query((rs, n) -> new Active(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** The platform clock to the second: a code is valid through the whole second of its expiry. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private HeldCertificate own(Holder holder, long issueId) {
		return certificates(holder).stream()
			.filter(c -> c.issueId() == issueId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("证书", issueId));
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String format(String code) {
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private String issuer(long planId) {
		return plans.find(planId).map(p -> p.organisationName()).orElse("");
	}

	private long collegeOf(long issueId) {
		return jdbc.sql("SELECT college_id FROM certificate_issue WHERE id = ?").param(issueId).query(Long.class)
			.single();
	}

	/** The holder has no account: the audit names them by masked ID number. */
	private static Scope actor(Holder holder) {
		return new Scope(null, "持证人 " + holder.idNumberMasked(), Role.COLLEGE_ADMIN, null, null, null);
	}

	private static CertificateRegistry.@Nullable Standing standingOrNull(@Nullable String s) {
		return s == null ? null : CertificateRegistry.Standing.valueOf(s);
	}

	private static CertificateRegistry.Standing standing(ResultSet rs) throws SQLException {
		CertificateRegistry.Standing s = standingOrNull(rs.getString("standing"));
		return s == null ? CertificateRegistry.Standing.VALID : s;
	}

	private static CodeView codeView(ResultSet rs, Instant now) throws SQLException {
		Instant expires = rs.getTimestamp("expires_at").toInstant();
		Timestamp revoked = rs.getTimestamp("revoked_at");
		CodeState state = revoked != null ? CodeState.REVOKED
				: now.isAfter(expires) ? CodeState.EXPIRED : CodeState.ACTIVE;
		return new CodeView(rs.getLong("id"), rs.getLong("issue_id"), rs.getString("certificate_number"),
				rs.getString("code_hint"), rs.getTimestamp("created_at").toInstant(), expires,
				revoked == null ? null : revoked.toInstant(), state);
	}
}
