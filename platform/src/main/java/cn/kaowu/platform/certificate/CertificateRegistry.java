package cn.kaowu.platform.certificate;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 证书状态 of numbered certificates (issue 8 part 5): the ORG owning the plan revokes (for good) or suspends a
 * certificate with a reason and lifts a suspension; every change is a row of the append-only
 * {@code certificate_status_change} (the latest one counts, none means valid) and audited. Also the public check of a
 * certificate by number and full ID number ({@link #verify}): the unchanging part cached, the status read afresh.
 */
@Service
public class CertificateRegistry {

	/** A numbered certificate's status. */
	public enum Standing {
		VALID, SUSPENDED, REVOKED;

		public String messageKey() {
			return "certificate.standing." + name();
		}
	}

	/** A certificate's status as the ORG sees it. */
	public record StatusView(long issueId, String certificateNumber, Standing standing, @Nullable String reason,
			@Nullable Instant changedAt) {
	}

	/**
	 * What the public check finds: the holder's full name (the caller masks it), the certificate level, the issue date
	 * (the later of the two confirmations), the issuer (the plan's organisation) and the status.
	 */
	public record Verified(String certificateNumber, String holderName, String level, Instant issuedAt, String issuer,
			Standing standing) {
	}

	/** One change of a certificate's status: to what, why, by whom (user name) and when. */
	public record StatusChange(Standing status, String reason, String changedBy, Instant changedAt) {
	}

	private record Row(long id, long planId, long candidateId, String status, @Nullable String number,
			String levelDisplayName, String name, long collegeId, @Nullable Instant collegeConfirmedAt,
			@Nullable Instant orgConfirmedAt) {
	}

	/** How long the unchanging part of a certificate (or the absence of the number) is kept for the public check. */
	static final Duration VERIFY_TTL = Duration.ofMinutes(5);

	/** Stands in for the holder's ID number when a number is unknown, so the comparison still runs. */
	private static final String DUMMY_ID_NUMBER = "000000000000000000";

	private final Cache<String, Holder> holders;

	/** Each plan's issuer (its ORG's name) for the public check. */
	private final Cache<Long, String> issuers = Caffeine.newBuilder().maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(10)).build();

	private final LongAdder comparisons = new LongAdder();

	private final JdbcClient jdbc;

	private final ExamPlans plans;

	private final AuditLog audit;

	private final Clock clock;

	private final CertificateManagement certificates;

	private final AccountManagement accounts;

	private final PersonalData personalData;

	/** The index an unknown number is compared with (of a dummy ID number: same length, same work). */
	private final byte[] unknownHolder;

	CertificateRegistry(JdbcClient jdbc, ExamPlans plans, AuditLog audit, Clock clock,
			CertificateManagement certificates, AccountManagement accounts,
			@Value("${kaowu.portal.verify-cache-size:200000}") long verifyCacheSize, PersonalData personalData) {
		this.personalData = personalData;
		this.unknownHolder = personalData.index(DUMMY_ID_NUMBER);
		this.certificates = certificates;
		this.accounts = accounts;
		this.holders = Caffeine.newBuilder().maximumSize(verifyCacheSize).expireAfterWrite(VERIFY_TTL).recordStats()
			.build();
		this.jdbc = jdbc;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	/** Revokes a numbered certificate for good; 422 without a reason, 409 when already revoked. */
	@Transactional
	public StatusView revoke(Scope scope, long issueId, @Nullable String reason) {
		return change(scope, issueId, Standing.REVOKED, reason);
	}

	/** Suspends a numbered valid certificate; 422 without a reason, 409 unless valid. */
	@Transactional
	public StatusView suspend(Scope scope, long issueId, @Nullable String reason) {
		return change(scope, issueId, Standing.SUSPENDED, reason);
	}

	/** Lifts a suspension (never a revocation: 409); 422 without a reason. */
	@Transactional
	public StatusView lift(Scope scope, long issueId, @Nullable String reason) {
		return change(scope, issueId, Standing.VALID, reason);
	}

	/** The current status of a numbered certificate of the ORG's own plan (others 404). */
	@Transactional(readOnly = true)
	public StatusView status(Scope scope, long issueId) {
		Row row = ownNumbered(scope, issueId);
		return current(row);
	}

	/** The status changes of a numbered certificate of the ORG's own plan, oldest first (others 404). */
	@Transactional(readOnly = true)
	public List<StatusChange> history(Scope scope, long issueId) {
		Row row = ownNumbered(scope, issueId);
		Map<Long, String> names = new HashMap<>();
		return jdbc.sql("""
				SELECT status, reason, changed_by, changed_at FROM certificate_status_change WHERE issue_id = ?
				ORDER BY id""").param(row.id())
			.query((rs, n) -> new StatusChange(Standing.valueOf(rs.getString(1)), rs.getString(2),
					names.computeIfAbsent(rs.getLong(3),
							id -> accounts.find(id).map(AccountView::username).orElse(String.valueOf(id))),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * The status of every numbered certificate of the plan the scope sees (the ORG owning it all, a college its own;
	 * others 403/404): issue id to status, valid when never changed.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Standing> standings(Scope scope, long planId) {
		List<Long> ids = certificates.list(scope, planId, IssueStatus.FINAL).stream()
			.filter(r -> r.certificateNumber() != null).map(IssueView::id).toList();
		Map<Long, Standing> out = new HashMap<>();
		ids.forEach(id -> out.put(id, Standing.VALID));
		if (!ids.isEmpty()) {
			jdbc.sql("""
					SELECT DISTINCT ON (issue_id) issue_id, status FROM certificate_status_change
					WHERE issue_id = ANY (?) ORDER BY issue_id, id DESC""")
				.param(ids.toArray(Long[]::new))
				.query((rs, n) -> out.put(rs.getLong(1), Standing.valueOf(rs.getString(2)))).list();
		}
		return out;
	}

	private StatusView change(Scope scope, long issueId, Standing to, @Nullable String reason) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("certificate.error.orgOnly");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputProblem("reason", "certificate.error.statusReasonRequired");
		}
		if (reason.strip().length() > 500) {
			throw new InvalidInputProblem("reason", "certificate.error.statusReasonTooLong");
		}
		jdbc.sql("SELECT id FROM certificate_issue WHERE id = ? FOR UPDATE").param(issueId).query(Long.class).optional();
		Row row = ownNumbered(scope, issueId);
		StatusView now = current(row);
		boolean allowed = switch (to) {
			case REVOKED -> now.standing() != Standing.REVOKED;
			case SUSPENDED -> now.standing() == Standing.VALID;
			case VALID -> now.standing() == Standing.SUSPENDED;
		};
		if (!allowed) {
			throw new DomainException(HttpStatus.CONFLICT,
					"certificate.error.status." + now.standing().name().toLowerCase(Locale.ROOT) + "."
							+ to.name().toLowerCase(Locale.ROOT),
					row.number());
		}
		jdbc.sql("""
				INSERT INTO certificate_status_change (issue_id, status, reason, changed_by, changed_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(row.id(), to.name(), reason.strip(), scope.accountId(), Timestamp.from(clock.instant()))
			.update();
		String action = switch (to) {
			case REVOKED -> "certificate.revoke";
			case SUSPENDED -> "certificate.suspend";
			case VALID -> "certificate.lift";
		};
		audit.record(scope, AuditRecord.of(action, "CertificateIssue", row.id(), now.standing(), to,
				row.number() + "：" + reason.strip(), row.collegeId()));
		return current(row);
	}

	/**
	 * The public check: the certificate with this number whose holder has this full ID number, or empty for an unknown
	 * number, a wrong ID number and an unnumbered row alike. Both misses do the same work: one indexed query reads the
	 * row with its holder's ID index, and the typed ID number's index (HMAC-SM3, {@link PersonalData#index}) is
	 * compared in constant time with the holder's or a dummy's. What never changes of a numbered row (holder,
	 * level, date, issuer, the ID digest) is cached per number, found or not, for {@link #VERIFY_TTL}; the status is
	 * read afresh every time with one indexed query, so a revocation shows at once on every node. Each call runs one
	 * statement, so it needs no transaction (no BEGIN/COMMIT round trip); the read-only scope still lets a replica serve
	 * it.
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<Verified> verify(String certificateNumber, String idNumber) {
		Holder holder = holders.getIfPresent(certificateNumber);
		Standing loadedStanding = null;
		if (holder == null) {
			// A miss reads the status with the row (one query less); a hit reads it alone.
			Loaded loaded = loadHolder(certificateNumber);
			holder = loaded.holder();
			loadedStanding = loaded.standing();
			holders.put(certificateNumber, holder);
		}
		comparisons.increment();
		if (!holder.matches(personalData.index(idNumber))) {
			return Optional.empty();
		}
		return Optional.of(new Verified(holder.number(), holder.holderName(), holder.level(), holder.issuedAt(),
				holder.issuer(), loadedStanding != null ? loadedStanding : standing(holder.issueId())));
	}

	/** The verify cache's statistics (hits mean no query for the certificate row and ID number). */
	public CacheStats verifyCacheStats() {
		return holders.stats();
	}

	/** How many ID digests {@link #verify} compared (every call compares one, found or not). */
	long comparisons() {
		return comparisons.sum();
	}

	/** A numbered certificate of a holder, as the public portal lists it (status read afresh). */
	public record Issued(long issueId, long organisationId, long candidateId, String certificateNumber,
			String holderName, String level, Standing standing) {
	}

	/**
	 * The candidate's final, numbered certificates of the plan with their current status (unscoped: the portal calls
	 * it after a successful 成绩查询 by full ID number and ticket number).
	 */
	@Transactional(readOnly = true)
	public List<Issued> issuedTo(long planId, long candidateId) {
		return jdbc.sql("""
				SELECT ci.id, ci.organisation_id, ci.candidate_id, ci.certificate_number, ci.name, ci.level_display_name,
				  coalesce((SELECT s.status FROM certificate_status_change s WHERE s.issue_id = ci.id
				    ORDER BY s.id DESC LIMIT 1), 'VALID')
				FROM certificate_issue ci
				WHERE ci.plan_id = ? AND ci.candidate_id = ? AND ci.status = 'FINAL' AND ci.certificate_number IS NOT NULL
				ORDER BY ci.id""")
			.params(planId, candidateId)
			.query((rs, n) -> issued(rs))
			.list();
	}

	/** One final, numbered certificate with its current status (unscoped: the portal checked a signed link). */
	public Optional<Issued> issued(long issueId) {
		return jdbc.sql("""
				SELECT ci.id, ci.organisation_id, ci.candidate_id, ci.certificate_number, ci.name, ci.level_display_name,
				  coalesce((SELECT s.status FROM certificate_status_change s WHERE s.issue_id = ci.id
				    ORDER BY s.id DESC LIMIT 1), 'VALID')
				FROM certificate_issue ci
				WHERE ci.id = ? AND ci.status = 'FINAL' AND ci.certificate_number IS NOT NULL""")
			.param(issueId)
			.query((rs, n) -> issued(rs))
			.optional();
	}

	private static Issued issued(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Issued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), Standing.valueOf(rs.getString(7)));
	}

	/** What never changes of a numbered certificate, for the public check; {@code known} false for no such number. */
	record Holder(long issueId, boolean known, String number, byte[] idIndex, String holderName, String level,
			Instant issuedAt, String issuer) {

		/** Constant time over the fixed-length indexes; an unknown number compares against the dummy's index. */
		boolean matches(byte[] typed) {
			return MessageDigest.isEqual(idIndex, typed) & known;
		}
	}

	private record Loaded(Holder holder, @Nullable Standing standing) {
	}

	private record Found(long id, long planId, String number, String name, String level, Instant collegeConfirmedAt,
			Instant orgConfirmedAt, byte @Nullable [] holderIndex, Standing standing) {
	}

	/**
	 * One indexed query, found or not: the row with its holder's ID index (kept on the row since V400) and its status.
	 * An unknown number — or a row without an index — yields a holder that never matches, compared like any other.
	 */
	private Loaded loadHolder(String number) {
		Found row = jdbc.sql("""
				SELECT ci.id, ci.plan_id, ci.certificate_number, ci.name, ci.level_display_name,
				  ci.college_confirmed_at, ci.org_confirmed_at, ci.holder_index,
				  coalesce((SELECT s.status FROM certificate_status_change s WHERE s.issue_id = ci.id
				    ORDER BY s.id DESC LIMIT 1), 'VALID')
				FROM certificate_issue ci WHERE ci.certificate_number = ? AND ci.status = 'FINAL'""")
			.param(number)
			.query((rs, n) -> new Found(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getBytes(8),
					Standing.valueOf(rs.getString(9))))
			.optional()
			.orElse(null);
		if (row == null || row.holderIndex() == null) {
			return new Loaded(new Holder(-1L, false, number, unknownHolder, "", "", Instant.EPOCH, ""), null);
		}
		Instant issued = row.orgConfirmedAt().isAfter(row.collegeConfirmedAt()) ? row.orgConfirmedAt()
				: row.collegeConfirmedAt();
		String issuer = issuers.get(row.planId(), id -> plans.find(id).orElseThrow().organisationName());
		// The typed number (the cache's key) rather than the row's equal copy, and the shared text of the level: a
		// cached entry keeps as few objects as it can (the collector traces every one while the cache churns).
		return new Loaded(new Holder(row.id(), true, number, row.holderIndex(), row.name(), row.level().intern(),
				issued, issuer), row.standing());
	}

	private Standing standing(long issueId) {
		return jdbc.sql("SELECT status FROM certificate_status_change WHERE issue_id = ? ORDER BY id DESC LIMIT 1")
			.param(issueId)
			.query((rs, n) -> Standing.valueOf(rs.getString(1)))
			.optional()
			.orElse(Standing.VALID);
	}

	private Row ownNumbered(Scope scope, long issueId) {
		return jdbc.sql("SELECT * FROM certificate_issue WHERE id = ?").param(issueId).query((rs, n) -> row(rs))
			.optional()
			.filter(r -> r.number() != null)
			.filter(r -> plans.find(r.planId())
				.filter(p -> scope.organisationId() != null && p.organisationId() == scope.organisationId())
				.isPresent())
			.orElseThrow(() -> new NotFoundProblem("证书", issueId));
	}

	private StatusView current(Row row) {
		return jdbc.sql("""
				SELECT status, reason, changed_at FROM certificate_status_change WHERE issue_id = ?
				ORDER BY id DESC LIMIT 1""").param(row.id())
			.query((rs, n) -> new StatusView(row.id(), String.valueOf(row.number()), Standing.valueOf(rs.getString(1)),
					rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional()
			.orElse(new StatusView(row.id(), String.valueOf(row.number()), Standing.VALID, null, null));
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp college = rs.getTimestamp("college_confirmed_at");
		Timestamp org = rs.getTimestamp("org_confirmed_at");
		return new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("candidate_id"), rs.getString("status"),
				rs.getString("certificate_number"), rs.getString("level_display_name"), rs.getString("name"),
				rs.getLong("college_id"), college == null ? null : college.toInstant(),
				org == null ? null : org.toInstant());
	}
}
