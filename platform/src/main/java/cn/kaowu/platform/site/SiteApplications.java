package cn.kaowu.platform.site;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.site.SiteView.Photo;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The site table with its photos; list queries carry the caller's scope in their WHERE clause. */
@Repository
class SiteApplications {

	/** Who applies, fixed at creation. */
	record Owner(long collegeId, String collegeName, long provinceId, String provinceName, @Nullable Long cityId) {
	}

	/** The certificate applied for. */
	record Certificate(long id, String name, long organisationId, String organisationName) {
	}

	/** The columns a college writes. */
	record Content(String contactName, String contactPhone, int roomCount, int seatCount,
			@Nullable String description) {
	}

	private final JdbcClient jdbc;

	SiteApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, Owner o, Certificate c, Content content, Instant now) {
		return jdbc.sql("""
				INSERT INTO exam_site (college_id, college_name, province_id, province_name, city_id, certificate_id,
				  certificate_name, org_id, org_name, name, contact_name, contact_phone, room_count, seat_count,
				  description, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(o.collegeId(), o.collegeName(), o.provinceId(), o.provinceName(), o.cityId(), c.id(), c.name(),
					c.organisationId(), c.organisationName(), name, content.contactName(), content.contactPhone(),
					content.roomCount(), content.seatCount(), content.description(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean update(long id, Content c, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE exam_site SET contact_name = ?, contact_phone = ?, room_count = ?, seat_count = ?,
				  description = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ? AND status IN ('DRAFT', 'RETURNED')""")
			.params(c.contactName(), c.contactPhone(), c.roomCount(), c.seatCount(), c.description(),
					Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setApplicationForm(long id, UUID fileId, String name) {
		jdbc.sql("UPDATE exam_site SET application_form_file_id = ?, application_form_name = ? WHERE id = ?")
			.params(fileId, name, id)
			.update();
	}

	void addPhoto(long id, UUID fileId, String name, Instant now) {
		jdbc.sql("INSERT INTO exam_site_photo (site_id, file_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(id, fileId, name, Timestamp.from(now))
			.update();
	}

	boolean removePhoto(long id, long photoId) {
		return jdbc.sql("DELETE FROM exam_site_photo WHERE site_id = ? AND id = ?").params(id, photoId).update() == 1;
	}

	/** Moves the application state if it is still {@code from}. */
	boolean move(long id, SiteApplicationStatus from, SiteApplicationStatus to, @Nullable String returnReason,
			Instant now) {
		String stamp = to == SiteApplicationStatus.SUBMITTED ? ", submitted_at = ?"
				: to == SiteApplicationStatus.DRAFT ? ", submitted_at = NULL, updated_at = ?" : ", reviewed_at = ?";
		return jdbc.sql("UPDATE exam_site SET status = ?, return_reason = COALESCE(?, return_reason)" + stamp
				+ ", version = version + 1 WHERE id = ? AND status = ?")
			.params(to.name(), returnReason, Timestamp.from(now), id, from.name())
			.update() == 1;
	}

	boolean approve(long id, String code, UUID certificateFileId, Instant now, LocalDate validUntil) {
		return jdbc.sql("""
				UPDATE exam_site SET status = 'APPROVED', code = ?, operating_status = 'ACTIVE', approved_at = ?,
				  reviewed_at = ?, valid_until = ?, certificate_file_id = ?, return_reason = NULL,
				  version = version + 1
				WHERE id = ? AND status = 'SUBMITTED'""")
			.params(code, Timestamp.from(now), Timestamp.from(now), Date.valueOf(validUntil), certificateFileId, id)
			.update() == 1;
	}

	boolean setOperatingStatus(long id, SiteStatus from, SiteStatus to, Instant now) {
		return jdbc.sql("""
				UPDATE exam_site SET operating_status = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND operating_status = ?""")
			.params(to.name(), Timestamp.from(now), id, from.name())
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM exam_site WHERE id = ? AND status IN ('DRAFT', 'RETURNED')").param(id).update();
	}

	Optional<SiteView> find(long id) {
		return jdbc.sql("SELECT * FROM exam_site WHERE id = ?").param(id).query(MAPPER).optional()
			.map(s -> withPhotos(List.of(s)).getFirst());
	}

	Optional<SiteView> findByCode(String code) {
		return jdbc.sql("SELECT * FROM exam_site WHERE code = ?").param(code).query(MAPPER).optional()
			.map(s -> withPhotos(List.of(s)).getFirst());
	}

	List<SiteView> approvedOfCollege(long collegeId) {
		return withPhotos(jdbc.sql("SELECT * FROM exam_site WHERE college_id = ? AND status = 'APPROVED' ORDER BY code")
			.param(collegeId).query(MAPPER).list());
	}

	/** Approved, active sites of a certificate, by college name. */
	List<SiteView> activeOf(long certificateId) {
		return withPhotos(jdbc.sql("""
				SELECT * FROM exam_site WHERE certificate_id = ? AND status = 'APPROVED' AND operating_status = 'ACTIVE'
				ORDER BY college_name, id""").param(certificateId).query(MAPPER).list());
	}

	boolean exists(long collegeId, long certificateId) {
		return jdbc.sql("SELECT count(*) FROM exam_site WHERE college_id = ? AND certificate_id = ?")
			.params(collegeId, certificateId)
			.query(Long.class)
			.single() > 0;
	}

	List<String> codesStartingWith(String prefix) {
		return jdbc.sql("SELECT code FROM exam_site WHERE code LIKE ?").param(prefix.replace("_", "\\_") + "%")
			.query(String.class)
			.list();
	}

	/**
	 * A page of sites the scope may see: a college its own, an ORG those of its certificates once submitted,
	 * a province the approved ones in it. {@code queue} orders oldest submission first (the ORG's review
	 * queue); otherwise newest first.
	 */
	PageResult<SiteView> page(Scope scope, SiteManagement.SiteFilter filter, boolean queue, PageQuery page) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = scopeWhere(scope, params);
		if (filter.status() != null) {
			where.append(" AND s.status = ?");
			params.add(filter.status().name());
		}
		if (filter.certificateId() != null) {
			where.append(" AND s.certificate_id = ?");
			params.add(filter.certificateId());
		}
		if (filter.operatingStatus() != null) {
			where.append(" AND s.operating_status = ?");
			params.add(filter.operatingStatus().name());
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			String like = "%" + filter.keyword().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			where.append(" AND (s.name LIKE ? OR s.code LIKE ?)");
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("SELECT count(*) FROM exam_site s" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		String order = queue ? " ORDER BY s.submitted_at ASC NULLS LAST, s.id ASC"
				: " ORDER BY COALESCE(s.approved_at, s.submitted_at, s.created_at) DESC, s.id DESC";
		List<SiteView> items = jdbc.sql("SELECT s.* FROM exam_site s" + where + order + " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(MAPPER)
			.list();
		return PageResult.of(withPhotos(items), page, total);
	}

	private static StringBuilder scopeWhere(Scope scope, List<Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		if (scope.isAdmin()) {
			return where;
		}
		if (scope.role().isCollege()) {
			where.append(" AND s.college_id = ?");
			params.add(scope.organisationId() == null ? -1L : scope.organisationId());
		}
		else if (scope.role() == Role.ORG) {
			where.append(" AND s.org_id = ? AND s.status <> 'DRAFT'");
			params.add(scope.organisationId() == null ? -1L : scope.organisationId());
		}
		else if (scope.role() == Role.PROVINCE) {
			where.append(" AND s.province_id = ? AND s.status = 'APPROVED'");
			params.add(scope.provinceId() == null ? -1L : scope.provinceId());
		}
		else {
			where.append(" AND 1=0");
		}
		return where;
	}

	private List<SiteView> withPhotos(List<SiteView> sites) {
		if (sites.isEmpty()) {
			return sites;
		}
		String in = sites.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(","));
		Map<Long, List<Photo>> photos = new HashMap<>();
		jdbc.sql("SELECT * FROM exam_site_photo WHERE site_id IN (" + in + ") ORDER BY id")
			.query((rs, n) -> photos.computeIfAbsent(rs.getLong("site_id"), k -> new ArrayList<>())
				.add(new Photo(rs.getLong("id"), rs.getObject("file_id", UUID.class), rs.getString("name"))))
			.list();
		return sites.stream()
			.map(s -> new SiteView(s.id(), s.name(), s.collegeId(), s.collegeName(), s.provinceId(), s.provinceName(),
					s.cityId(), s.certificateId(), s.certificateName(), s.organisationId(), s.organisationName(),
					s.contactName(), s.contactPhone(), s.roomCount(), s.seatCount(), s.description(),
					s.applicationFormFileId(), s.applicationFormName(), s.status(), s.returnReason(), s.submittedAt(),
					s.reviewedAt(), s.code(), s.operatingStatus(), s.approvedAt(), s.validUntil(),
					s.certificateFileId(), s.version(), s.createdAt(), photos.getOrDefault(s.id(), List.of())))
			.toList();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static final RowMapper<SiteView> MAPPER = (rs, n) -> new SiteView(rs.getLong("id"), rs.getString("name"),
			rs.getLong("college_id"), rs.getString("college_name"), rs.getLong("province_id"),
			rs.getString("province_name"), (Long) rs.getObject("city_id"), rs.getLong("certificate_id"),
			rs.getString("certificate_name"), rs.getLong("org_id"), rs.getString("org_name"),
			rs.getString("contact_name"), rs.getString("contact_phone"), rs.getInt("room_count"),
			rs.getInt("seat_count"), rs.getString("description"),
			rs.getObject("application_form_file_id", UUID.class), rs.getString("application_form_name"),
			SiteApplicationStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
			instant(rs, "submitted_at"), instant(rs, "reviewed_at"), rs.getString("code"),
			rs.getString("operating_status") == null ? null : SiteStatus.valueOf(rs.getString("operating_status")),
			instant(rs, "approved_at"), rs.getDate("valid_until") == null ? null : rs.getDate("valid_until").toLocalDate(),
			rs.getObject("certificate_file_id", UUID.class), rs.getInt("version"),
			rs.getTimestamp("created_at").toInstant(), List.of());
}
