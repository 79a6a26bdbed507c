package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way a score is written: insert or update the registration record's score and append the history row with
 * the value before and after. Callers hold the transaction and have checked scope, window and lock.
 */
@Component
class ScoreStore {

	/** A stored score as the writers compare it. */
	record Current(long id, long recordId, @Nullable BigDecimal score, boolean absent, @Nullable String note,
			ScoreSource source, int version, boolean locked) {
	}

	enum Outcome {
		CREATED, CHANGED, UNCHANGED
	}

	private final JdbcClient jdbc;

	ScoreStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The plan's scores by registration record. */
	Map<Long, Current> currentOfPlan(long planId) {
		Map<Long, Current> out = new HashMap<>();
		jdbc.sql("""
				SELECT id, registration_record_id, score, absent, note, source, version, locked FROM score_record
				WHERE plan_id = ?""")
			.param(planId)
			.query((rs, n) -> new Current(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBoolean(4),
					rs.getString(5), ScoreSource.valueOf(rs.getString(6)), rs.getInt(7), rs.getBoolean(8)))
			.list()
			.forEach(c -> out.put(c.recordId(), c));
		return out;
	}

	/**
	 * Stores the score of a registration record (null score with {@code absent}); an equal value stores nothing. The
	 * row is locked for the update ({@code FOR UPDATE}) so two writers cannot lose a history row.
	 */
	Outcome store(long planId, Enrollments.Registered r, @Nullable BigDecimal score, boolean absent,
			@Nullable String note, ScoreSource source, @Nullable String reason, Scope scope, Instant now) {
		Current current = jdbc.sql("""
				SELECT id, registration_record_id, score, absent, note, source, version, locked FROM score_record
				WHERE registration_record_id = ? FOR UPDATE""")
			.param(r.recordId())
			.query((rs, n) -> new Current(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBoolean(4),
					rs.getString(5), ScoreSource.valueOf(rs.getString(6)), rs.getInt(7), rs.getBoolean(8)))
			.optional()
			.orElse(null);
		Timestamp at = Timestamp.from(now);
		long id;
		int version;
		if (current == null) {
			version = 1;
			id = jdbc.sql("""
					INSERT INTO score_record (registration_record_id, plan_id, plan_subject_id, level_id, candidate_id,
					  college_id, college_name, name, id_number_masked, ticket_number, score, absent, note, source, version,
					  updated_at, updated_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id""")
				.params(r.recordId(), planId, r.planSubjectId(), r.levelId(), r.candidateId(), r.collegeId(),
						r.collegeName(), r.name(), ChineseIdNumber.mask(r.idNumber()), r.ticketNumber(), score, absent,
						note, source.name(), at, scope.accountId())
				.query(Long.class)
				.single();
		}
		else {
			if (sameScore(current.score(), score) && current.absent() == absent
					&& Objects.equals(current.note(), note)) {
				return Outcome.UNCHANGED;
			}
			id = current.id();
			version = current.version() + 1;
			jdbc.sql("""
					UPDATE score_record SET score = ?, absent = ?, note = ?, source = ?, version = ?, updated_at = ?,
					  updated_by = ? WHERE id = ?""")
				.params(score, absent, note, source.name(), version, at, scope.accountId(), id)
				.update();
		}
		jdbc.sql("""
				INSERT INTO score_history (score_record_id, version, score_before, absent_before, score_after, absent_after,
				  source, reason, changed_by, changed_by_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, version, current == null ? null : current.score(), current == null ? null : current.absent(),
					score, absent, source.name(), reason, scope.accountId(), scope.username(), at)
			.update();
		return current == null ? Outcome.CREATED : Outcome.CHANGED;
	}

	private static boolean sameScore(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	List<ScoreHistoryView> history(long scoreId) {
		return jdbc.sql("""
				SELECT version, score_before, absent_before, score_after, absent_after, source, reason, changed_by_name,
				  changed_at FROM score_history WHERE score_record_id = ? ORDER BY version""")
			.param(scoreId)
			.query((rs, n) -> new ScoreHistoryView(rs.getInt(1), rs.getBigDecimal(2),
					rs.getObject(3) == null ? null : rs.getBoolean(3), rs.getBigDecimal(4), rs.getBoolean(5),
					ScoreSource.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}
}
