package cn.kaowu.platform.pilot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotApplicationView.Attachment;
import cn.kaowu.platform.pilot.PilotApplicationView.Major;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application table with its majors and attachments; every list query carries the caller's scope. */
@Repository
class PilotApplications {

	/** The columns a college writes. */
	record Content(long certificateId, long organisationId, String certificateName, String organisationName,
			List<CertificateLevel> levels, List<Major> majors, int plannedTrainees, String teacherDescription,
			String facilityDescription) {
	}

	private final JdbcClient jdbc;

	PilotApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long batchId, long collegeId, String collegeName, long provinceId, @Nullable Long cityId, Content c,
			Instant now) {
		long id = jdbc.sql("""
				INSERT INTO pilot_application (batch_id, college_id, college_name, province_id, city_id, certificate_id,
				  org_id, certificate_name, org_name, levels, planned_trainees, teacher_description,
				  facility_description, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(batchId, collegeId, collegeName, provinceId, cityId, c.certificateId(), c.organisationId(),
					c.certificateName(), c.organisationName(), levels(c.levels()), c.plannedTrainees(),
					c.teacherDescription(), c.facilityDescription(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
		replaceMajors(id, c.majors());
		return id;
	}

	boolean update(long id, Content c, int expectedVersion, Instant now) {
		boolean done = jdbc.sql("""
				UPDATE pilot_application SET certificate_id = ?, org_id = ?, certificate_name = ?, org_name = ?,
				  levels = ?, planned_trainees = ?, teacher_description = ?, facility_description = ?, updated_at = ?,
				  version = version + 1
				WHERE id = ? AND version = ? AND status = 'DRAFT'""")
			.params(c.certificateId(), c.organisationId(), c.certificateName(), c.organisationName(),
					levels(c.levels()), c.plannedTrainees(), c.teacherDescription(), c.facilityDescription(),
					Timestamp.from(now), id, expectedVersion)
			.update() == 1;
		if (done) {
			replaceMajors(id, c.majors());
		}
		return done;
	}

	/** Moves the state if it is still {@code from}; answers whether it did (a concurrent move makes it fail). */
	boolean move(long id, PilotApplicationStatus from, PilotApplicationStatus to, @Nullable Integer approvedTrainees,
			@Nullable String rejectReason, Instant now) {
		String stamp = to == PilotApplicationStatus.SUBMITTED ? "submitted_at" : "reviewed_at";
		return jdbc.sql("UPDATE pilot_application SET status = ?, approved_trainees = ?, reject_reason = ?, " + stamp
				+ " = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
			.params(to.name(), approvedTrainees, rejectReason, Timestamp.from(now), Timestamp.from(now), id,
					from.name())
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM pilot_application WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	void addAttachment(long id, UUID fileId, String name, Instant now) {
		jdbc.sql("INSERT INTO pilot_application_attachment (application_id, file_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(id, fileId, name, Timestamp.from(now))
			.update();
	}

	boolean removeAttachment(long id, long attachmentId) {
		return jdbc.sql("DELETE FROM pilot_application_attachment WHERE application_id = ? AND id = ?")
			.params(id, attachmentId)
			.update() == 1;
	}

	Optional<PilotApplicationView> find(long id) {
		return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(MAPPER).optional().map(v -> complete(List.of(v)).getFirst());
	}

	boolean exists(long batchId, long collegeId, long certificateId, @Nullable Long exceptId) {
		return jdbc.sql("""
				SELECT count(*) FROM pilot_application WHERE batch_id = ? AND college_id = ? AND certificate_id = ?
				  AND id <> ?""")
			.params(batchId, collegeId, certificateId, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	PageResult<PilotApplicationView> page(Scope scope, PilotManagement.ApplicationFilter filter, PageQuery page) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = scopeWhere(scope, params);
		if (filter.batchId() != null) {
			where.append(" AND a.batch_id = ?");
			params.add(filter.batchId());
		}
		if (filter.status() != null) {
			where.append(" AND a.status = ?");
			params.add(filter.status().name());
		}
		if (filter.year() != null) {
			where.append(" AND b.year = ?");
			params.add(filter.year());
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String like = "%" + filter.keyword().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			where.append(" AND (a.college_name LIKE ? OR a.certificate_name LIKE ?)");
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("SELECT count(*) FROM pilot_application a JOIN pilot_batch b ON b.id = a.batch_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<PilotApplicationView> items = jdbc.sql(SELECT + where + " ORDER BY a.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(MAPPER)
			.list();
		return PageResult.of(complete(items), page, total);
	}

	/** How many applications the scope sees per state (the status tabs), within a batch if given. */
	Map<PilotApplicationStatus, Long> counts(Scope scope, @Nullable Long batchId) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = scopeWhere(scope, params);
		if (batchId != null) {
			where.append(" AND a.batch_id = ?");
			params.add(batchId);
		}
		Map<PilotApplicationStatus, Long> counts = new EnumMap<>(PilotApplicationStatus.class);
		Arrays.stream(PilotApplicationStatus.values()).forEach(s -> counts.put(s, 0L));
		jdbc.sql("SELECT a.status, count(*) FROM pilot_application a JOIN pilot_batch b ON b.id = a.batch_id" + where
				+ " GROUP BY a.status")
			.params(params)
			.query((rs, n) -> counts.put(PilotApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** The approved applications of a college in the batches of a year. */
	List<PilotApplicationView> approved(long collegeId, int year) {
		return complete(jdbc.sql(SELECT + " WHERE a.college_id = ? AND b.year = ? AND a.status = 'APPROVED' ORDER BY a.id")
			.params(collegeId, year)
			.query(MAPPER)
			.list());
	}

	private static StringBuilder scopeWhere(Scope scope, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		if (scope.isAdmin()) {
			return where;
		}
		if (scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL) {
			where.append(" AND a.college_id = ?");
			params.add(scope.organisationId() == null ? -1L : scope.organisationId());
		}
		else if (scope.role() == Role.PROVINCE) {
			// A draft is the college's own business until it is submitted.
			where.append(" AND a.province_id = ? AND a.status <> 'DRAFT'");
			params.add(scope.provinceId() == null ? -1L : scope.provinceId());
		}
		else if (scope.role() == Role.CITY) {
			where.append(" AND a.city_id = ? AND a.status <> 'DRAFT'");
			params.add(scope.cityId() == null ? -1L : scope.cityId());
		}
		else {
			where.append(" AND 1=0");
		}
		return where;
	}

	private void replaceMajors(long id, List<Major> majors) {
		jdbc.sql("DELETE FROM pilot_application_major WHERE application_id = ?").param(id).update();
		for (int i = 0; i < majors.size(); i++) {
			jdbc.sql("INSERT INTO pilot_application_major (application_id, position, name, code) VALUES (?, ?, ?, ?)")
				.params(id, i, majors.get(i).name(), majors.get(i).code())
				.update();
		}
	}

	/** Adds majors and attachments to the rows, two queries for the whole page. */
	private List<PilotApplicationView> complete(List<PilotApplicationView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(PilotApplicationView::id).toList();
		String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		Map<Long, List<Major>> majors = new HashMap<>();
		jdbc.sql("SELECT * FROM pilot_application_major WHERE application_id IN (" + in + ") ORDER BY position")
			.query((rs, n) -> majors.computeIfAbsent(rs.getLong("application_id"), k -> new ArrayList<>())
				.add(new Major(rs.getString("name"), rs.getString("code"))))
			.list();
		Map<Long, List<Attachment>> attachments = new HashMap<>();
		jdbc.sql("SELECT * FROM pilot_application_attachment WHERE application_id IN (" + in + ") ORDER BY id")
			.query((rs, n) -> attachments.computeIfAbsent(rs.getLong("application_id"), k -> new ArrayList<>())
				.add(new Attachment(rs.getLong("id"), rs.getObject("file_id", UUID.class), rs.getString("name"))))
			.list();
		return rows.stream()
			.map(v -> new PilotApplicationView(v.id(), v.batchId(), v.batchName(), v.year(), v.window(),
					v.majorsRequired(), v.cityApprovalRequired(), v.collegeId(), v.collegeName(), v.provinceId(),
					v.cityId(), v.certificateId(), v.certificateName(), v.organisationId(), v.organisationName(),
					v.levels(), majors.getOrDefault(v.id(), List.of()), v.plannedTrainees(), v.teacherDescription(),
					v.facilityDescription(), v.status(), v.approvedTrainees(), v.rejectReason(), v.submittedAt(),
					v.reviewedAt(), v.version(), v.createdAt(), attachments.getOrDefault(v.id(), List.of())))
			.toList();
	}

	private static String levels(List<CertificateLevel> levels) {
		return levels.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static final String SELECT = """
			SELECT a.*, b.name AS batch_name, b.year, b.window_start, b.window_end, b.majors_required,
			  b.city_approval_required FROM pilot_application a JOIN pilot_batch b ON b.id = a.batch_id""";

	private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static final RowMapper<PilotApplicationView> MAPPER = (rs, n) -> new PilotApplicationView(rs.getLong("id"),
			rs.getLong("batch_id"), rs.getString("batch_name"), rs.getInt("year"),
			SubmissionWindow.of(rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant()),
			rs.getBoolean("majors_required"), rs.getBoolean("city_approval_required"), rs.getLong("college_id"),
			rs.getString("college_name"), rs.getLong("province_id"), (Long) rs.getObject("city_id"),
			rs.getLong("certificate_id"), rs.getString("certificate_name"), rs.getLong("org_id"),
			rs.getString("org_name"),
			Arrays.stream(rs.getString("levels").split(",")).filter(s -> !s.isEmpty()).map(CertificateLevel::valueOf)
				.toList(),
			List.of(), rs.getInt("planned_trainees"), rs.getString("teacher_description"),
			rs.getString("facility_description"), PilotApplicationStatus.valueOf(rs.getString("status")),
			(Integer) rs.getObject("approved_trainees"), rs.getString("reject_reason"), instant(rs, "submitted_at"),
			instant(rs, "reviewed_at"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), List.of());
}
