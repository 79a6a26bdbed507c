package cn.kaowu.platform.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import cn.kaowu.platform.kernel.PgCopy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schedule tables: runs, seats and invigilation duties. */
@Repository
class ScheduleStore {

	enum RunStatus {
		DRAFT, PUBLISHED
	}

	record Run(long planId, long siteId, int siteNumber, RunStatus status, int candidates, int records,
			@Nullable String warnings, Instant runAt, @Nullable Instant publishedAt) {
	}

	record SeatRow(long recordId, long planId, long siteId, long planSubjectId, long candidateId, long roomId,
			String roomName, int seatNumber, String ticketNumber) {
	}

	record DutyRow(long planId, long siteId, long planSubjectId, long roomId, long staffId, String staffName,
			String department) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	ScheduleStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
	}

	List<Run> runs(long planId) {
		return jdbc.sql("SELECT * FROM schedule_run WHERE plan_id = ? ORDER BY site_number").param(planId)
			.query(RUN).list();
	}

	Optional<Run> run(long planId, long siteId) {
		return jdbc.sql("SELECT * FROM schedule_run WHERE plan_id = ? AND site_id = ?").params(planId, siteId)
			.query(RUN).optional();
	}

	/** Removes the draft of the sites (seats, duties, run). Published sites are not touched. */
	void deleteDrafts(long planId, Collection<Long> siteIds) {
		if (siteIds.isEmpty()) {
			return;
		}
		Long[] ids = siteIds.toArray(Long[]::new);
		String drafts = "SELECT site_id FROM schedule_run WHERE plan_id = ? AND status = 'DRAFT' AND site_id = ANY(?)";
		jdbc.sql("DELETE FROM schedule_seat WHERE plan_id = ? AND site_id IN (" + drafts + ")").params(planId, planId, ids).update();
		jdbc.sql("DELETE FROM schedule_invigilation WHERE plan_id = ? AND site_id IN (" + drafts + ")").params(planId, planId, ids).update();
		jdbc.sql("DELETE FROM schedule_run WHERE plan_id = ? AND status = 'DRAFT' AND site_id = ANY(?)").params(planId, ids).update();
	}

	void insertRuns(List<Run> runs) {
		template.batchUpdate("""
				INSERT INTO schedule_run (plan_id, site_id, site_number, status, candidates, records, warnings, run_at)
				VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)""", runs, 500, (ps, r) -> {
			ps.setLong(1, r.planId());
			ps.setLong(2, r.siteId());
			ps.setInt(3, r.siteNumber());
			ps.setInt(4, r.candidates());
			ps.setInt(5, r.records());
			ps.setString(6, r.warnings());
			ps.setTimestamp(7, Timestamp.from(r.runAt()));
		});
	}

	/** The seats with one COPY on the caller's transaction. */
	void copySeats(List<SeatRow> seats) {
		if (seats.isEmpty()) {
			return;
		}
		PgCopy.copy(dataSource, """
				COPY schedule_seat (record_id, plan_id, site_id, plan_subject_id, candidate_id, room_id, room_name,
				  seat_number, ticket_number) FROM STDIN (FORMAT csv)""", seats, (csv, s) -> {
			csv.append(s.recordId()).append(',').append(s.planId()).append(',').append(s.siteId()).append(',')
				.append(s.planSubjectId()).append(',').append(s.candidateId()).append(',').append(s.roomId()).append(',');
			PgCopy.quoted(csv, s.roomName()).append(',').append(s.seatNumber()).append(',').append(s.ticketNumber())
				.append('\n');
		});
	}

	void insertDuties(List<DutyRow> duties) {
		template.batchUpdate("""
				INSERT INTO schedule_invigilation (plan_id, site_id, plan_subject_id, room_id, staff_id, staff_name,
				  department) VALUES (?, ?, ?, ?, ?, ?, ?)""", duties, 1000, (ps, d) -> {
			ps.setLong(1, d.planId());
			ps.setLong(2, d.siteId());
			ps.setLong(3, d.planSubjectId());
			ps.setLong(4, d.roomId());
			ps.setLong(5, d.staffId());
			ps.setString(6, d.staffName());
			ps.setString(7, d.department());
		});
	}

	List<SeatRow> seats(long planId, long siteId) {
		return jdbc.sql("SELECT * FROM schedule_seat WHERE plan_id = ? AND site_id = ? ORDER BY plan_subject_id, room_id, seat_number")
			.params(planId, siteId)
			.query(SEAT)
			.list();
	}

	List<DutyRow> duties(long planId, long siteId) {
		return jdbc.sql("SELECT * FROM schedule_invigilation WHERE plan_id = ? AND site_id = ? ORDER BY plan_subject_id, room_id, staff_id")
			.params(planId, siteId)
			.query((rs, n) -> new DutyRow(rs.getLong("plan_id"), rs.getLong("site_id"), rs.getLong("plan_subject_id"),
					rs.getLong("room_id"), rs.getLong("staff_id"), rs.getString("staff_name"), rs.getString("department")))
			.list();
	}

	void markPublished(long planId, long siteId, Instant at) {
		jdbc.sql("UPDATE schedule_run SET status = 'PUBLISHED', published_at = ? WHERE plan_id = ? AND site_id = ?")
			.params(Timestamp.from(at), planId, siteId)
			.update();
	}

	Optional<SeatRow> seat(long recordId) {
		return jdbc.sql("SELECT * FROM schedule_seat WHERE record_id = ?").param(recordId).query(SEAT).optional();
	}

	boolean seatTaken(long planSubjectId, long roomId, int seat) {
		return jdbc.sql("SELECT count(*) FROM schedule_seat WHERE plan_subject_id = ? AND room_id = ? AND seat_number = ?")
			.params(planSubjectId, roomId, seat)
			.query(Long.class)
			.single() > 0;
	}

	void moveSeat(long recordId, long roomId, String roomName, int seat) {
		jdbc.sql("UPDATE schedule_seat SET room_id = ?, room_name = ?, seat_number = ? WHERE record_id = ?")
			.params(roomId, roomName, seat, recordId)
			.update();
	}

	static final RowMapper<Run> RUN = (rs, n) -> new Run(rs.getLong("plan_id"), rs.getLong("site_id"),
			rs.getInt("site_number"), RunStatus.valueOf(rs.getString("status")), rs.getInt("candidates"),
			rs.getInt("records"), rs.getString("warnings"), rs.getTimestamp("run_at").toInstant(),
			rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant());

	static final RowMapper<SeatRow> SEAT = (rs, n) -> new SeatRow(rs.getLong("record_id"), rs.getLong("plan_id"),
			rs.getLong("site_id"), rs.getLong("plan_subject_id"), rs.getLong("candidate_id"), rs.getLong("room_id"),
			rs.getString("room_name"), rs.getInt("seat_number"), rs.getString("ticket_number"));
}
