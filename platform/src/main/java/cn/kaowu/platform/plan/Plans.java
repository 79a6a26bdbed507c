package cn.kaowu.platform.plan;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tables. Rows carry no phase: it is derived from the windows and the instant the caller passes. */
@Repository
class Plans {

	private static final String SELECT = "SELECT p.*";

	private static final String FROM = "FROM exam_plan p";

	private final JdbcClient jdbc;

	Plans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The header of a plan as the service writes it. */
	record Header(long organisationId, String organisationName, long certificateId, String certificateName,
			String name, int year, PlanWindow registration, PlanWindow scheduling, PlanWindow scoreRegistration,
			PlanWindow publication) {
	}

	/** A subject row as the service writes it. */
	record SubjectRow(long levelId, long subjectId, CertificateLevel level, String levelDisplayName,
			String subjectName, String code, ExamMode examMode, int passMark, java.time.LocalDate examDate,
			java.time.LocalTime startTime, java.time.LocalTime endTime) {
	}

	long insert(Header h, Instant now) {
		return jdbc.sql("""
				INSERT INTO exam_plan (organisation_id, organisation_name, certificate_id, certificate_name, name, year,
				  registration_start, registration_end, scheduling_start, scheduling_end, score_start, score_end,
				  publication_start, publication_end, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(h.organisationId(), h.organisationName(), h.certificateId(), h.certificateName(), h.name(), h.year(),
					ts(h.registration().opensAt()), ts(h.registration().endMinute()), ts(h.scheduling().opensAt()),
					ts(h.scheduling().endMinute()), ts(h.scoreRegistration().opensAt()),
					ts(h.scoreRegistration().endMinute()), ts(h.publication().opensAt()), ts(h.publication().endMinute()),
					ts(now), ts(now))
			.query(Long.class)
			.single();
	}

	/** Updates the header unless another change came first or the plan was archived meanwhile. */
	boolean update(long id, Header h, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE exam_plan SET certificate_id = ?, certificate_name = ?, name = ?, year = ?,
				  registration_start = ?, registration_end = ?, scheduling_start = ?, scheduling_end = ?,
				  score_start = ?, score_end = ?, publication_start = ?, publication_end = ?, updated_at = ?,
				  version = version + 1
				WHERE id = ? AND version = ? AND status <> 'ARCHIVED'""")
			.params(h.certificateId(), h.certificateName(), h.name(), h.year(), ts(h.registration().opensAt()),
					ts(h.registration().endMinute()), ts(h.scheduling().opensAt()), ts(h.scheduling().endMinute()),
					ts(h.scoreRegistration().opensAt()), ts(h.scoreRegistration().endMinute()),
					ts(h.publication().opensAt()), ts(h.publication().endMinute()), ts(now), id, expectedVersion)
			.update() == 1;
	}

	void replaceSubjects(long planId, List<SubjectRow> rows, Instant now) {
		jdbc.sql("DELETE FROM exam_plan_subject WHERE plan_id = ?").param(planId).update();
		for (SubjectRow r : rows) {
			jdbc.sql("""
					INSERT INTO exam_plan_subject (plan_id, level_id, subject_id, level, level_display_name, subject_name,
					  code, exam_mode, pass_mark, exam_date, start_time, end_time)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(planId, r.levelId(), r.subjectId(), r.level().name(), r.levelDisplayName(), r.subjectName(),
						r.code(), r.examMode().name(), r.passMark(), Date.valueOf(r.examDate()),
						Time.valueOf(r.startTime()), Time.valueOf(r.endTime()))
				.update();
		}
		jdbc.sql("UPDATE exam_plan SET updated_at = ?, version = version + 1 WHERE id = ?")
			.params(ts(now), planId)
			.update();
	}

	void setStatus(long id, PlanStatus status, Instant now) {
		String publishedAt = status == PlanStatus.PUBLISHED ? "?" : "published_at";
		jdbc.sql("UPDATE exam_plan SET status = ?, published_at = " + publishedAt
				+ ", updated_at = ?, version = version + 1 WHERE id = ?")
			.params(status == PlanStatus.PUBLISHED ? List.of(status.name(), ts(now), ts(now), id)
					: List.of(status.name(), ts(now), id))
			.update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM exam_plan WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	Optional<PlanView> find(long id, Instant now) {
		return jdbc.sql(SELECT + " " + FROM + " WHERE p.id = ?")
			.param(id)
			.query(mapper(now))
			.optional()
			.map(this::withSubjects);
	}

	PageResult<PlanView> page(Where where, PageQuery page, Instant now) {
		return where.page(jdbc, SELECT, FROM, "p.registration_start DESC, p.id DESC", page, mapper(now))
			.map(this::withSubjects);
	}

	List<PlanView> list(Where where, Instant now) {
		return jdbc.sql(SELECT + " " + FROM + where.sql() + " ORDER BY p.registration_start DESC, p.id DESC")
			.params(where.params())
			.query(mapper(now))
			.list()
			.stream()
			.map(this::withSubjects)
			.toList();
	}

	private PlanView withSubjects(PlanView p) {
		List<PlanSubjectView> subjects = jdbc.sql("""
				SELECT * FROM exam_plan_subject WHERE plan_id = ?
				ORDER BY CASE level WHEN 'JUNIOR' THEN 1 WHEN 'INTERMEDIATE' THEN 2 ELSE 3 END, exam_date, start_time,
				  code""")
			.param(p.id())
			.query(SUBJECT_MAPPER)
			.list();
		return new PlanView(p.id(), p.organisationId(), p.organisationName(), p.certificateId(), p.certificateName(),
				p.name(), p.year(), p.registration(), p.scheduling(), p.scoreRegistration(), p.publication(), p.status(),
				p.publishedAt(), p.version(), p.createdAt(), p.phase(), subjects);
	}

	private static RowMapper<PlanView> mapper(Instant now) {
		return (rs, n) -> {
			PlanWindow registration = window(rs.getTimestamp("registration_start"), rs.getTimestamp("registration_end"));
			PlanWindow scheduling = window(rs.getTimestamp("scheduling_start"), rs.getTimestamp("scheduling_end"));
			PlanWindow score = window(rs.getTimestamp("score_start"), rs.getTimestamp("score_end"));
			PlanWindow publication = window(rs.getTimestamp("publication_start"), rs.getTimestamp("publication_end"));
			Timestamp publishedAt = rs.getTimestamp("published_at");
			return new PlanView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
					rs.getLong("certificate_id"), rs.getString("certificate_name"), rs.getString("name"),
					rs.getInt("year"), registration, scheduling, score, publication,
					PlanStatus.valueOf(rs.getString("status")), publishedAt == null ? null : publishedAt.toInstant(),
					rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
					PlanPhase.at(now, registration, scheduling, score, publication), List.of());
		};
	}

	private static final RowMapper<PlanSubjectView> SUBJECT_MAPPER = (rs, n) -> new PlanSubjectView(rs.getLong("id"),
			rs.getLong("plan_id"), rs.getLong("level_id"), CertificateLevel.valueOf(rs.getString("level")),
			rs.getString("level_display_name"), rs.getLong("subject_id"), rs.getString("subject_name"),
			rs.getString("code"), ExamMode.valueOf(rs.getString("exam_mode")), rs.getInt("pass_mark"),
			rs.getDate("exam_date").toLocalDate(), rs.getTime("start_time").toLocalTime(),
			rs.getTime("end_time").toLocalTime());

	private static PlanWindow window(Timestamp start, Timestamp end) {
		return PlanWindow.of(start.toInstant(), end.toInstant());
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
