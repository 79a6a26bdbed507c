package cn.kaowu.platform.staff;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exams that collect responsibility letters, and the signed letters. */
@Repository
class Letters {

	record ExamRow(long id, long collegeId, String name, LocalDate examDate) {
	}

	record LetterRow(long id, long examId, long staffId, LocalDate signedOn, UUID fileId, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	Letters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertExam(long collegeId, String name, LocalDate examDate, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_letter_exam (college_id, name, exam_date, created_at)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(collegeId, name, Date.valueOf(examDate), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	Optional<ExamRow> findExam(long id) {
		return jdbc.sql("SELECT * FROM staff_letter_exam WHERE id = ?").param(id).query(EXAM).optional();
	}

	boolean examExists(long collegeId, String name, LocalDate examDate) {
		return jdbc.sql("SELECT count(*) FROM staff_letter_exam WHERE college_id = ? AND name = ? AND exam_date = ?")
			.params(collegeId, name, Date.valueOf(examDate))
			.query(Long.class)
			.single() > 0;
	}

	List<ExamRow> exams(long collegeId) {
		return jdbc.sql("SELECT * FROM staff_letter_exam WHERE college_id = ? ORDER BY exam_date DESC, id DESC")
			.param(collegeId)
			.query(EXAM)
			.list();
	}

	List<LetterRow> letters(long examId) {
		return jdbc.sql("SELECT * FROM staff_letter WHERE exam_id = ? ORDER BY id").param(examId).query(LETTER).list();
	}

	Optional<LetterRow> findLetter(long id) {
		return jdbc.sql("SELECT * FROM staff_letter WHERE id = ?").param(id).query(LETTER).optional();
	}

	/** Records a letter or replaces the scan of an earlier one; answers the letter's id. */
	long upsert(long examId, long staffId, LocalDate signedOn, UUID fileId, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_letter (exam_id, staff_id, signed_on, file_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (exam_id, staff_id) DO UPDATE SET signed_on = EXCLUDED.signed_on,
				  file_id = EXCLUDED.file_id, updated_at = EXCLUDED.updated_at, version = staff_letter.version + 1
				RETURNING id""")
			.params(examId, staffId, Date.valueOf(signedOn), fileId, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private static final RowMapper<ExamRow> EXAM = (rs, n) -> new ExamRow(rs.getLong("id"), rs.getLong("college_id"),
			rs.getString("name"), rs.getDate("exam_date").toLocalDate());

	private static final RowMapper<LetterRow> LETTER = (rs, n) -> new LetterRow(rs.getLong("id"),
			rs.getLong("exam_id"), rs.getLong("staff_id"), rs.getDate("signed_on").toLocalDate(),
			rs.getObject("file_id", UUID.class), rs.getTimestamp("updated_at").toInstant());
}
