package cn.kaowu.platform.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checklist items of the certificates. */
@Repository
class ChecklistItems {

	private final JdbcClient jdbc;

	ChecklistItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ChecklistItemView> of(long certificateId) {
		return jdbc.sql("SELECT * FROM site_checklist_item WHERE certificate_id = ? ORDER BY position, id")
			.param(certificateId)
			.query(MAPPER)
			.list();
	}

	Optional<ChecklistItemView> find(long id) {
		return jdbc.sql("SELECT * FROM site_checklist_item WHERE id = ?").param(id).query(MAPPER).optional();
	}

	long insert(long certificateId, String category, String requirement, @Nullable String source, Instant now) {
		return jdbc.sql("""
				INSERT INTO site_checklist_item (certificate_id, category, requirement, source, position, created_at,
				  updated_at)
				VALUES (?, ?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM site_checklist_item
				  WHERE certificate_id = ?), ?, ?) RETURNING id""")
			.params(certificateId, category, requirement, source, certificateId, Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean update(long id, String category, String requirement, @Nullable String source, int expectedVersion,
			Instant now) {
		return jdbc.sql("""
				UPDATE site_checklist_item SET category = ?, requirement = ?, source = ?, updated_at = ?,
				  version = version + 1 WHERE id = ? AND version = ?""")
			.params(category, requirement, source, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM site_checklist_item WHERE id = ?").param(id).update();
	}

	void setPosition(long id, int position) {
		jdbc.sql("UPDATE site_checklist_item SET position = ?, version = version + 1 WHERE id = ?")
			.params(position, id)
			.update();
	}

	private static final RowMapper<ChecklistItemView> MAPPER = (rs, n) -> new ChecklistItemView(rs.getLong("id"),
			rs.getLong("certificate_id"), rs.getString("category"), rs.getString("requirement"), rs.getString("source"),
			rs.getInt("position"), rs.getInt("version"));
}
