package cn.kaowu.platform.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The level table, read together with what the views need of the certificate. */
@Repository
class Levels {

	/** A stored level with its certificate's name, owner and status. */
	record Row(long id, long certificateId, String certificateName, long organisationId, boolean certificateEnabled,
			CertificateLevel level, String code, boolean enabled, int version) {
	}

	private static final String SELECT = """
			SELECT l.*, c.name AS certificate_name, c.organisation_id, c.enabled AS certificate_enabled
			FROM catalog_level l JOIN catalog_certificate c ON c.id = l.certificate_id""";

	private final JdbcClient jdbc;

	Levels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long certificateId, CertificateLevel level, String code, Instant now) {
		return jdbc.sql("""
				INSERT INTO catalog_level (certificate_id, level, code, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(certificateId, level.name(), code, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean changeCode(long id, String code, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE catalog_level SET code = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(code, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setEnabled(long id, boolean enabled, Instant now) {
		jdbc.sql("UPDATE catalog_level SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(enabled, Timestamp.from(now), id)
			.update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(MAPPER).optional();
	}

	Optional<Row> findByCode(String code) {
		return jdbc.sql(SELECT + " WHERE l.code = ?").param(code).query(MAPPER).optional();
	}

	boolean codeTaken(String code, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM catalog_level WHERE code = ? AND id <> ?")
			.params(code, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	List<Row> ofCertificates(Collection<Long> certificateIds) {
		if (certificateIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE l.certificate_id = ANY (?) ORDER BY l.certificate_id, l.id")
			.param(certificateIds.toArray(Long[]::new))
			.query(MAPPER)
			.list();
	}

	/** Levels of one ORG's certificates, or of every certificate when {@code organisationId} is null. */
	List<Row> all(@Nullable Long organisationId) {
		if (organisationId == null) {
			return jdbc.sql(SELECT + " ORDER BY c.id, l.id").query(MAPPER).list();
		}
		return jdbc.sql(SELECT + " WHERE c.organisation_id = ? ORDER BY c.id, l.id")
			.param(organisationId)
			.query(MAPPER)
			.list();
	}

	private static final RowMapper<Row> MAPPER = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("certificate_id"),
			rs.getString("certificate_name"), rs.getLong("organisation_id"), rs.getBoolean("certificate_enabled"),
			CertificateLevel.valueOf(rs.getString("level")), rs.getString("code"), rs.getBoolean("enabled"),
			rs.getInt("version"));
}
