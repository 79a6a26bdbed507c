package cn.kaowu.platform.bank;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blueprint tables: one blueprint per subject, its lines in entry order. */
@Repository
class Blueprints {

	private final JdbcClient jdbc;

	Blueprints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Blueprint> find(long levelId, long subjectId) {
		return jdbc.sql("SELECT id, version FROM bank_blueprint WHERE level_id = ? AND subject_id = ?")
			.params(levelId, subjectId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.optional()
			.map(idVersion -> new Blueprint(levelId, subjectId, lines(idVersion[0]), (int) idVersion[1]));
	}

	private List<Blueprint.Line> lines(long blueprintId) {
		return jdbc.sql("""
				SELECT type, knowledge_area, count, points FROM bank_blueprint_line
				WHERE blueprint_id = ? ORDER BY position""")
			.param(blueprintId)
			.query((rs, i) -> new Blueprint.Line(ItemType.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
					rs.getInt(4)))
			.list();
	}

	/**
	 * Replaces the lines; {@code version} is the one the edit started from (0 creates the blueprint). False when
	 * somebody saved in between.
	 */
	boolean save(long organisationId, long levelId, long subjectId, List<Blueprint.Line> lines, int version,
			Instant now) {
		Optional<Long> id;
		if (version == 0) {
			id = jdbc.sql("""
					INSERT INTO bank_blueprint (organisation_id, level_id, subject_id, version, updated_at)
					VALUES (?, ?, ?, 1, ?) ON CONFLICT (subject_id) DO NOTHING RETURNING id""")
				.params(organisationId, levelId, subjectId, Timestamp.from(now))
				.query(Long.class)
				.optional();
		}
		else {
			id = jdbc.sql("""
					UPDATE bank_blueprint SET version = version + 1, updated_at = ?
					WHERE level_id = ? AND subject_id = ? AND version = ? RETURNING id""")
				.params(Timestamp.from(now), levelId, subjectId, version)
				.query(Long.class)
				.optional();
		}
		if (id.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM bank_blueprint_line WHERE blueprint_id = ?").param(id.get()).update();
		int position = 0;
		for (Blueprint.Line l : lines) {
			jdbc.sql("""
					INSERT INTO bank_blueprint_line (blueprint_id, position, type, knowledge_area, count, points)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id.get(), position++, l.type().name(), l.knowledgeArea(), l.count(), l.points())
				.update();
		}
		return true;
	}
}
