package cn.kaowu.platform.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.kaowu.platform.kernel.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The item tables. Bodies go in and out as ciphertext; {@link BankCipher} is the caller's business. */
@Repository
class Items {

	/** An item with its current version's ciphertext. */
	record Row(long id, long organisationId, long levelId, long subjectId, ItemType type, String knowledgeArea,
			int difficulty, int points, ItemStatus status, int currentVersion, Instant createdAt, Instant updatedAt,
			byte[] body) {
	}

	/** A stored version. */
	record Version(long itemId, int version, ItemType type, String knowledgeArea, int difficulty, int points,
			byte[] body, Instant createdAt, String createdBy) {
	}

	private static final String SELECT = """
			SELECT i.*, v.body FROM bank_item i
			JOIN bank_item_version v ON v.item_id = i.id AND v.version = i.current_version
			""";

	private final JdbcClient jdbc;

	Items(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long organisationId, long levelId, long subjectId, ItemRules.Values v, @Nullable UUID jobId,
			Instant now) {
		return jdbc.sql("""
				INSERT INTO bank_item (organisation_id, level_id, subject_id, type, knowledge_area, difficulty, points,
				                       status, current_version, import_job_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?) RETURNING id""")
			.params(organisationId, levelId, subjectId, v.type().name(), v.knowledgeArea(), v.difficulty(), v.points(),
					jobId, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void insertVersion(long itemId, int version, ItemRules.Values v, byte[] body, String keyId, String by,
			Instant now) {
		jdbc.sql("""
				INSERT INTO bank_item_version (item_id, version, type, knowledge_area, difficulty, points, body, key_id,
				                               created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(itemId, version, v.type().name(), v.knowledgeArea(), v.difficulty(), v.points(), body, keyId,
					Timestamp.from(now), by)
			.update();
	}

	/** Moves the item to {@code version} if it is still at {@code version - 1}. */
	boolean advance(long id, int version, ItemRules.Values v, Instant now) {
		return jdbc.sql("""
				UPDATE bank_item SET current_version = ?, type = ?, knowledge_area = ?, difficulty = ?, points = ?,
				                     updated_at = ?
				WHERE id = ? AND current_version = ?""")
			.params(version, v.type().name(), v.knowledgeArea(), v.difficulty(), v.points(), Timestamp.from(now), id,
					version - 1)
			.update() == 1;
	}

	void setStatus(long id, ItemStatus status, Instant now) {
		jdbc.sql("UPDATE bank_item SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), Timestamp.from(now), id)
			.update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(Items::row).optional();
	}

	List<Row> page(long organisationId, ItemFilter f, PageQuery page) {
		Where w = where(organisationId, f);
		List<Object> params = new ArrayList<>(w.params);
		params.add(page.size());
		params.add(page.offset());
		return jdbc.sql(SELECT + w.sql + " ORDER BY i.id DESC LIMIT ? OFFSET ?").params(params).query(Items::row).list();
	}

	long count(long organisationId, ItemFilter f) {
		Where w = where(organisationId, f);
		return jdbc.sql("SELECT count(*) FROM bank_item i " + w.sql).params(w.params).query(Long.class).single();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(long organisationId, ItemFilter f) {
		StringBuilder sql = new StringBuilder(" WHERE i.organisation_id = ?");
		List<Object> params = new ArrayList<>(List.of(organisationId));
		if (f.levelId() != null) {
			sql.append(" AND i.level_id = ?");
			params.add(f.levelId());
		}
		if (f.subjectId() != null) {
			sql.append(" AND i.subject_id = ?");
			params.add(f.subjectId());
		}
		if (f.type() != null) {
			sql.append(" AND i.type = ?");
			params.add(f.type().name());
		}
		if (f.knowledgeArea() != null && !f.knowledgeArea().isBlank()) {
			sql.append(" AND i.knowledge_area = ?");
			params.add(f.knowledgeArea().strip());
		}
		if (f.status() != null) {
			sql.append(" AND i.status = ?");
			params.add(f.status().name());
		}
		return new Where(sql.toString(), params);
	}

	List<String> knowledgeAreas(long organisationId) {
		return jdbc.sql("SELECT DISTINCT knowledge_area FROM bank_item WHERE organisation_id = ? ORDER BY 1")
			.param(organisationId)
			.query(String.class)
			.list();
	}

	List<Version> versions(long itemId) {
		return jdbc.sql("SELECT * FROM bank_item_version WHERE item_id = ? ORDER BY version DESC")
			.param(itemId)
			.query(Items::version)
			.list();
	}

	Optional<Version> version(long itemId, int version) {
		return jdbc.sql("SELECT * FROM bank_item_version WHERE item_id = ? AND version = ?")
			.params(itemId, version)
			.query(Items::version)
			.optional();
	}

	List<Row> active(long levelId, long subjectId) {
		return jdbc.sql(SELECT + " WHERE i.level_id = ? AND i.subject_id = ? AND i.status = 'ACTIVE' ORDER BY i.id")
			.params(levelId, subjectId)
			.query(Items::row)
			.list();
	}

	/** Active items of the subject counted by type, knowledge area and points. */
	Map<BlueprintRules.Key, Integer> activeCounts(long subjectId) {
		Map<BlueprintRules.Key, Integer> counts = new HashMap<>();
		jdbc.sql("""
				SELECT type, knowledge_area, points, count(*) FROM bank_item
				WHERE subject_id = ? AND status = 'ACTIVE' GROUP BY type, knowledge_area, points""")
			.param(subjectId)
			.query((rs, i) -> counts.put(
					new BlueprintRules.Key(ItemType.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)),
					rs.getInt(4)))
			.list();
		return counts;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("level_id"),
				rs.getLong("subject_id"), ItemType.valueOf(rs.getString("type")), rs.getString("knowledge_area"),
				rs.getInt("difficulty"), rs.getInt("points"), ItemStatus.valueOf(rs.getString("status")),
				rs.getInt("current_version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getBytes("body"));
	}

	private static Version version(ResultSet rs, int i) throws SQLException {
		return new Version(rs.getLong("item_id"), rs.getInt("version"), ItemType.valueOf(rs.getString("type")),
				rs.getString("knowledge_area"), rs.getInt("difficulty"), rs.getInt("points"), rs.getBytes("body"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}
}
