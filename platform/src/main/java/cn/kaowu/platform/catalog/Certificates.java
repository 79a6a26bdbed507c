package cn.kaowu.platform.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certificate table. */
@Repository
class Certificates {

	/** A stored certificate without its levels. */
	record Row(long id, long organisationId, String name, boolean enabled, int version, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	Certificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long organisationId, String name, Instant now) {
		return jdbc.sql("""
				INSERT INTO catalog_certificate (organisation_id, name, created_at, updated_at)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(organisationId, name, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Renames when the version still matches; answers whether it did. */
	boolean rename(long id, String name, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE catalog_certificate SET name = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(name, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setEnabled(long id, boolean enabled, Instant now) {
		jdbc.sql("UPDATE catalog_certificate SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(enabled, Timestamp.from(now), id)
			.update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM catalog_certificate WHERE id = ?").param(id).query(MAPPER).optional();
	}

	Optional<Row> findByName(long organisationId, String name) {
		return jdbc.sql("SELECT * FROM catalog_certificate WHERE organisation_id = ? AND name = ?")
			.params(organisationId, name)
			.query(MAPPER)
			.optional();
	}

	/** Every certificate matching the filter, by name: for choices and checks, which must not stop at a page. */
	List<Row> all(CatalogManagement.CertificateFilter filter) {
		Where where = Where.start();
		where.andIf(filter.organisationId(), "c.organisation_id = ?").andIf(filter.enabled(), "c.enabled = ?");
		return jdbc.sql("SELECT c.* FROM catalog_certificate c" + where.sql() + " ORDER BY c.name, c.id")
			.params(where.params())
			.query(MAPPER)
			.list();
	}

	PageResult<Row> page(CatalogManagement.CertificateFilter filter, PageQuery page) {
		Where where = Where.start();
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String like = Where.like(filter.keyword());
			where.and("c.name LIKE ? OR EXISTS (SELECT 1 FROM catalog_level l WHERE l.certificate_id = c.id"
					+ " AND l.code LIKE ?)", like, like);
		}
		return where.andIf(filter.organisationId(), "c.organisation_id = ?")
			.andIf(filter.enabled(), "c.enabled = ?")
			.page(jdbc, "SELECT c.*", "FROM catalog_certificate c", "c.id", page, MAPPER);
	}


	private static final RowMapper<Row> MAPPER = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("organisation_id"),
			rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("version"),
			rs.getTimestamp("created_at").toInstant());
}
