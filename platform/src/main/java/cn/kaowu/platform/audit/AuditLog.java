package cn.kaowu.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import cn.kaowu.exampackage.Sm3;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.CurrentScope;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit entries in the caller's transaction (so an entry exists exactly when its change was
 * committed) and verifies the chain.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a change made by the current caller (or the system). Must run inside the change's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(AuditRecord record) {
		return record(CurrentScope.orSystem(), record);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(Scope actor, AuditRecord record) {
		// The head row lock serialises appends, so prev_hash is always the last committed entry.
		record Head(long lastSeq, String lastHash) {
		}
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.lastSeq() + 1;
		// Microseconds: what PostgreSQL stores, so the hash can be recomputed from the row.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry unsigned = new AuditEntry(seq, now, actor.accountId(), actor.username(), record.action(),
				record.entityType(), record.entityId(), record.fromState(), record.toState(), record.detail(),
				record.organisationId(), head.lastHash(), "");
		String hash = Sm3.hexDigest(unsigned.canonical());
		jdbc.sql("""
				INSERT INTO audit_entry (seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id,
				  from_state, to_state, detail, organisation_id, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, Timestamp.from(now), actor.accountId(), actor.username(), record.action(),
					record.entityType(), record.entityId(), record.fromState(), record.toState(), record.detail(),
					record.organisationId(), head.lastHash(), hash)
			.update();
		jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
		return new AuditEntry(seq, now, actor.accountId(), actor.username(), record.action(), record.entityType(),
				record.entityId(), record.fromState(), record.toState(), record.detail(), record.organisationId(),
				head.lastHash(), hash);
	}

	/**
	 * Recomputes every hash and link of the chain. One snapshot (REPEATABLE READ) for the entries and the head, so
	 * that an entry appended while the chain is read is not taken for a truncation.
	 */
	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public AuditVerification verify() {
		return verify(jdbc);
	}

	/** Recomputes the chain in any database with the audit tables, such as a restored backup (docs/operations.md). */
	public static AuditVerification verify(JdbcClient jdbc) {
		AtomicLong checked = new AtomicLong();
		AtomicReference<String> expectedPrev = new AtomicReference<>("0".repeat(64));
		AtomicLong expectedSeq = new AtomicLong(1);
		AtomicReference<AuditVerification> failure = new AtomicReference<>();
		jdbc.sql("SELECT * FROM audit_entry ORDER BY seq").query((java.sql.ResultSet rs) -> {
			if (failure.get() != null) {
				return;
			}
			AuditEntry entry = MAPPER.mapRow(rs, 0);
			checked.incrementAndGet();
			if (entry.seq() != expectedSeq.get() || !entry.prevHash().equals(expectedPrev.get())) {
				failure.set(new AuditVerification(false, checked.get(), entry.seq(), "audit.verify.missing"));
				return;
			}
			if (!Sm3.hexDigest(entry.canonical()).equals(entry.hash())) {
				failure.set(new AuditVerification(false, checked.get(), entry.seq(), "audit.verify.changed"));
				return;
			}
			expectedPrev.set(entry.hash());
			expectedSeq.incrementAndGet();
		});
		if (failure.get() != null) {
			return failure.get();
		}
		var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		if ((long) head[0] != expectedSeq.get() - 1 || !Objects.equals(head[1], expectedPrev.get())) {
			return new AuditVerification(false, checked.get(), expectedSeq.get(), "audit.verify.truncated");
		}
		return new AuditVerification(true, checked.get(), null, null);
	}

	/**
	 * What the audit search filters on; every part optional. {@code from} and {@code to} are inclusive days, Beijing
	 * time.
	 */
	public record Filter(@Nullable String entityType, @Nullable String entityId, @Nullable String action,
			@Nullable String actor, java.time.@Nullable LocalDate from, java.time.@Nullable LocalDate to) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}
	}

	/** Entries visible to the scope (the administrator sees all; others their organisation's), newest first. */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> list(Scope scope, @Nullable String entityType, @Nullable String entityId,
			PageQuery page) {
		return list(scope, new Filter(entityType, entityId, null, null, null, null), page);
	}

	/**
	 * The search of the audit page: by object, action (its prefix, e.g. {@code score.}), actor and days; the
	 * administrator sees all entries, others their organisation's, newest first.
	 */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> list(Scope scope, Filter filter, PageQuery page) {
		Where where = Where.start();
		if (!scope.isAdmin()) {
			where.and("organisation_id = ?", scope.requireOrganisation());
		}
		where.andIf(blankToNull(filter.entityType()), "entity_type = ?")
			.andIf(blankToNull(filter.entityId()), "entity_id = ?")
			.andIf(blankToNull(filter.actor()), "actor_name = ?");
		String action = blankToNull(filter.action());
		if (action != null) {
			where.and("action LIKE ?", action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.from() != null) {
			where.and("occurred_at >= ?", Timestamp.from(filter.from().atStartOfDay(AdjustableClock.CHINA).toInstant()));
		}
		if (filter.to() != null) {
			where.and("occurred_at < ?",
					Timestamp.from(filter.to().plusDays(1).atStartOfDay(AdjustableClock.CHINA).toInstant()));
		}
		return where.page(jdbc, "SELECT *", "FROM audit_entry", "seq DESC", page, MAPPER);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static final RowMapper<AuditEntry> MAPPER = (rs, n) -> new AuditEntry(rs.getLong("seq"),
			rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("actor_id"), rs.getString("actor_name"),
			rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
			rs.getString("from_state"), rs.getString("to_state"), rs.getString("detail"),
			(Long) rs.getObject("organisation_id"), rs.getString("prev_hash"), rs.getString("hash"));
}
