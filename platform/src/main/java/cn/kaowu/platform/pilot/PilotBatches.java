package cn.kaowu.platform.pilot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The batch table. */
@Repository
class PilotBatches {

	private final JdbcClient jdbc;

	PilotBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long provinceId, String provinceName, String name, int year, SubmissionWindow window,
			boolean majorsRequired, boolean cityApprovalRequired, Instant now) {
		return jdbc.sql("""
				INSERT INTO pilot_batch (province_id, province_name, name, year, window_start, window_end,
				  majors_required, city_approval_required, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(provinceId, provinceName, name, year, Timestamp.from(window.opensAt()),
					Timestamp.from(window.end().atZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA).toInstant()),
					majorsRequired, cityApprovalRequired, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean update(long id, String name, int year, SubmissionWindow window, boolean majorsRequired,
			boolean cityApprovalRequired, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE pilot_batch SET name = ?, year = ?, window_start = ?, window_end = ?, majors_required = ?,
				  city_approval_required = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'DRAFT'""")
			.params(name, year, Timestamp.from(window.opensAt()),
					Timestamp.from(window.end().atZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA).toInstant()),
					majorsRequired, cityApprovalRequired, Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setStatus(long id, BatchStatus status, Instant now) {
		jdbc.sql("""
				UPDATE pilot_batch SET status = ?, published_at = ?, updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(status.name(), Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM pilot_batch WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	Optional<PilotBatchView> find(long id) {
		return jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query(MAPPER).optional();
	}

	/** Batches of a province ({@code null}: all), published only or all, newest first. */
	PageResult<PilotBatchView> page(@Nullable Long provinceId, boolean publishedOnly, @Nullable Integer year,
			PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		List<Object> params = new ArrayList<>();
		if (provinceId != null) {
			where.append(" AND b.province_id = ?");
			params.add(provinceId);
		}
		if (publishedOnly) {
			where.append(" AND b.status = 'PUBLISHED'");
		}
		if (year != null) {
			where.append(" AND b.year = ?");
			params.add(year);
		}
		long total = jdbc.sql("SELECT count(*) FROM pilot_batch b" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<PilotBatchView> items = jdbc
			.sql(SELECT + where + " ORDER BY b.window_start DESC, b.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(MAPPER)
			.list();
		return PageResult.of(items, page, total);
	}

	private static final String SELECT = """
			SELECT b.*, (SELECT count(*) FROM pilot_application a WHERE a.batch_id = b.id AND a.status <> 'DRAFT')
			  AS application_count FROM pilot_batch b""";

	private static final RowMapper<PilotBatchView> MAPPER = (rs, n) -> new PilotBatchView(rs.getLong("id"),
			rs.getLong("province_id"), rs.getString("province_name"), rs.getString("name"), rs.getInt("year"),
			SubmissionWindow.of(rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant()),
			rs.getBoolean("majors_required"), rs.getBoolean("city_approval_required"),
			BatchStatus.valueOf(rs.getString("status")),
			rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
			rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getLong("application_count"));
}
