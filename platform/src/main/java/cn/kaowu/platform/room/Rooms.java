package cn.kaowu.platform.room;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The room tables; subjects are stored by catalogue subject id. */
@Repository
class Rooms {

	/** A stored room. */
	record Row(long id, long planId, long siteId, long collegeId, String name, String address,
			@Nullable String detailAddress, int seats, int version, Instant createdAt, List<Long> subjectIds) {
	}

	/** Values to store: {@code subjectIds} are catalogue subject ids. */
	record Data(String name, String address, @Nullable String detailAddress, int seats, Collection<Long> subjectIds) {
	}

	private final JdbcClient jdbc;

	Rooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long planId, long siteId, long collegeId, Data d, @Nullable UUID importJobId, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO room (plan_id, site_id, college_id, name, address, detail_address, seats, import_job_id,
				                  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(planId, siteId, collegeId, d.name(), d.address(), d.detailAddress(), d.seats(), importJobId,
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
		setSubjects(id, d.subjectIds());
		return id;
	}

	boolean update(long id, Data d, int version, Instant now) {
		int n = jdbc.sql("""
				UPDATE room SET name = ?, address = ?, detail_address = ?, seats = ?, version = version + 1,
				                updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(d.name(), d.address(), d.detailAddress(), d.seats(), Timestamp.from(now), id, version)
			.update();
		if (n == 1) {
			jdbc.sql("DELETE FROM room_subject WHERE room_id = ?").param(id).update();
			setSubjects(id, d.subjectIds());
		}
		return n == 1;
	}

	private void setSubjects(long id, Collection<Long> subjectIds) {
		for (long s : Set.copyOf(subjectIds)) {
			jdbc.sql("INSERT INTO room_subject (room_id, subject_id) VALUES (?, ?)").params(id, s).update();
		}
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM room WHERE id = ?").param(id).update();
	}

	Optional<Row> find(long id) {
		return list("WHERE r.id = ?", id).stream().findFirst();
	}

	List<Row> of(long planId, long siteId) {
		return list("WHERE r.plan_id = ? AND r.site_id = ?", planId, siteId);
	}

	List<Row> ofPlan(long planId) {
		return list("WHERE r.plan_id = ?", planId);
	}

	/** The plans other than {@code exceptPlanId} in which the site has rooms. */
	List<Long> plansWithRooms(long siteId, long exceptPlanId) {
		return jdbc.sql("SELECT DISTINCT plan_id FROM room WHERE site_id = ? AND plan_id <> ? ORDER BY plan_id DESC")
			.params(siteId, exceptPlanId)
			.query(Long.class)
			.list();
	}

	boolean nameTaken(long planId, long siteId, String name, long exceptId) {
		return jdbc.sql("SELECT count(*) FROM room WHERE plan_id = ? AND site_id = ? AND name = ? AND id <> ?")
			.params(planId, siteId, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	private List<Row> list(String where, Object... params) {
		Map<Long, List<Long>> subjects = new LinkedHashMap<>();
		jdbc.sql("SELECT s.room_id, s.subject_id FROM room_subject s JOIN room r ON r.id = s.room_id " + where
				+ " ORDER BY s.subject_id")
			.params(params)
			.query((rs, i) -> subjects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return jdbc.sql("SELECT r.* FROM room r " + where + " ORDER BY r.id")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("site_id"),
					rs.getLong("college_id"), rs.getString("name"), rs.getString("address"),
					rs.getString("detail_address"), rs.getInt("seats"), rs.getInt("version"),
					rs.getTimestamp("created_at").toInstant(),
					List.copyOf(subjects.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}
}
