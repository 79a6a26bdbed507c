package cn.kaowu.platform.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subject table, read as {@link SubjectView}s joined with their level and certificate. The ORG's name
 * comes from the organisation module, passed in as {@code orgName}.
 */
@Repository
class Subjects {

	private static final String SELECT_LIST = """
			SELECT s.*, l.level, l.code AS level_code, l.enabled AS level_enabled, l.certificate_id,
			  c.name AS certificate_name, c.organisation_id, c.enabled AS certificate_enabled""";

	private static final String FROM = """
			FROM catalog_subject s JOIN catalog_level l ON l.id = s.level_id
			  JOIN catalog_certificate c ON c.id = l.certificate_id""";

	private static final String SELECT = SELECT_LIST + " " + FROM;

	private final JdbcClient jdbc;

	Subjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long levelId, String name, String code, ExamMode mode, int passMark, Instant now) {
		return jdbc.sql("""
				INSERT INTO catalog_subject (level_id, name, code, exam_mode, pass_mark, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(levelId, name, code, mode.name(), passMark, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean update(long id, String name, String code, ExamMode mode, int passMark, int expectedVersion,
			Instant now) {
		return jdbc.sql("""
				UPDATE catalog_subject SET name = ?, code = ?, exam_mode = ?, pass_mark = ?, updated_at = ?,
				  version = version + 1 WHERE id = ? AND version = ?""")
			.params(name, code, mode.name(), passMark, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setEnabled(long id, boolean enabled, Instant now) {
		jdbc.sql("UPDATE catalog_subject SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(enabled, Timestamp.from(now), id)
			.update();
	}

	Optional<SubjectView> find(long id, LongFunction<String> orgName) {
		return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(mapper(orgName)).optional();
	}

	Optional<SubjectView> findByCode(String code, LongFunction<String> orgName) {
		return jdbc.sql(SELECT + " WHERE s.code = ?").param(code).query(mapper(orgName)).optional();
	}

	boolean codeTaken(String code, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM catalog_subject WHERE code = ? AND id <> ?")
			.params(code, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean nameTaken(long levelId, String name, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM catalog_subject WHERE level_id = ? AND name = ? AND id <> ?")
			.params(levelId, name, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	List<SubjectView> ofLevels(Collection<Long> levelIds, LongFunction<String> orgName) {
		if (levelIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE s.level_id = ANY (?) ORDER BY s.code")
			.param(levelIds.toArray(Long[]::new))
			.query(mapper(orgName))
			.list();
	}

	PageResult<SubjectView> page(CatalogManagement.SubjectFilter filter, PageQuery page,
			LongFunction<String> orgName) {
		Where where = Where.start()
			.andLike(filter.keyword(), "s.name", "s.code", "c.name")
			.andIf(filter.organisationId(), "c.organisation_id = ?")
			.andIf(filter.certificateId(), "c.id = ?")
			.andIf(filter.level(), "l.level = ?")
			.andIf(filter.examMode(), "s.exam_mode = ?");
		if (filter.enabled() != null) {
			// The status a college sees: enabled only when the subject, its level and certificate all are.
			where.and(filter.enabled() ? "s.enabled AND l.enabled AND c.enabled"
					: "NOT (s.enabled AND l.enabled AND c.enabled)");
		}
		return where.page(jdbc, SELECT_LIST, FROM, "s.code", page, mapper(orgName));
	}

	private static RowMapper<SubjectView> mapper(LongFunction<String> orgName) {
		return (rs, n) -> {
			CertificateLevel level = CertificateLevel.valueOf(rs.getString("level"));
			String certificateName = rs.getString("certificate_name");
			long organisationId = rs.getLong("organisation_id");
			return new SubjectView(rs.getLong("id"), rs.getLong("level_id"), level, rs.getString("level_code"),
					CatalogRules.displayName(certificateName, level), rs.getLong("certificate_id"), certificateName,
					organisationId, orgName.apply(organisationId), rs.getString("name"), rs.getString("code"),
					ExamMode.valueOf(rs.getString("exam_mode")), rs.getInt("full_marks"), rs.getInt("pass_mark"),
					rs.getBoolean("enabled"), rs.getBoolean("level_enabled"), rs.getBoolean("certificate_enabled"),
					rs.getInt("version"));
		};
	}
}
