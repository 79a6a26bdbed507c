package cn.kaowu.platform.room;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code room_invigilator} table. */
@Repository
class InvigilatorRows {

	record Row(long id, long planId, long siteId, long collegeId, long organisationId, long staffId,
			InvigilatorStatus status, @Nullable String returnReason, Instant submittedAt, Instant reviewDue,
			@Nullable Instant reviewedAt, int version) {
	}

	private static final RowMapper<Row> MAPPER = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("plan_id"),
			rs.getLong("site_id"), rs.getLong("college_id"), rs.getLong("organisation_id"), rs.getLong("staff_id"),
			InvigilatorStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
			rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("review_due").toInstant(),
			rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
			rs.getInt("version"));

	private final JdbcClient jdbc;

	InvigilatorRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long planId, long siteId, long collegeId, long organisationId, long staffId, Instant submittedAt,
			Instant reviewDue) {
		return jdbc.sql("""
				INSERT INTO room_invigilator (plan_id, site_id, college_id, organisation_id, staff_id, status,
				                              submitted_at, review_due)
				VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?) RETURNING id""")
			.params(planId, siteId, collegeId, organisationId, staffId, Timestamp.from(submittedAt),
					Timestamp.from(reviewDue))
			.query(Long.class)
			.single();
	}

	boolean review(long id, InvigilatorStatus from, InvigilatorStatus to, @Nullable String reason, Instant now) {
		return jdbc.sql("""
				UPDATE room_invigilator SET status = ?, return_reason = ?, reviewed_at = ?, version = version + 1
				WHERE id = ? AND status = ?""")
			.params(to.name(), reason, Timestamp.from(now), id, from.name())
			.update() == 1;
	}

	boolean resubmit(long id, Instant submittedAt, Instant reviewDue) {
		return jdbc.sql("""
				UPDATE room_invigilator SET status = 'PENDING', return_reason = NULL, reviewed_at = NULL,
				       submitted_at = ?, review_due = ?, version = version + 1
				WHERE id = ? AND status = 'RETURNED'""")
			.params(Timestamp.from(submittedAt), Timestamp.from(reviewDue), id)
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM room_invigilator WHERE id = ?").param(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM room_invigilator WHERE id = ?").param(id).query(MAPPER).optional();
	}

	List<Row> of(long planId, long siteId) {
		return jdbc.sql("SELECT * FROM room_invigilator WHERE plan_id = ? AND site_id = ? ORDER BY id")
			.params(planId, siteId)
			.query(MAPPER)
			.list();
	}

	List<Row> approvedOfPlan(long planId) {
		return jdbc.sql("SELECT * FROM room_invigilator WHERE plan_id = ? AND status = 'APPROVED' ORDER BY site_id, id")
			.param(planId)
			.query(MAPPER)
			.list();
	}

	boolean exists(long planId, long siteId, long staffId) {
		return jdbc.sql("SELECT count(*) FROM room_invigilator WHERE plan_id = ? AND site_id = ? AND staff_id = ?")
			.params(planId, siteId, staffId)
			.query(Long.class)
			.single() > 0;
	}

	/** The review queue of an ORG: pending first (earliest due first), then the rest, newest first. */
	List<Row> ofOrganisation(long organisationId, @Nullable InvigilatorStatus status) {
		return jdbc.sql("""
				SELECT * FROM room_invigilator WHERE organisation_id = ? AND (CAST(? AS VARCHAR) IS NULL OR status = ?)
				ORDER BY (status = 'PENDING') DESC, CASE WHEN status = 'PENDING' THEN review_due END,
				         submitted_at DESC, id
				LIMIT 500""")
			.params(organisationId, status == null ? null : status.name(), status == null ? null : status.name())
			.query(MAPPER)
			.list();
	}
}
