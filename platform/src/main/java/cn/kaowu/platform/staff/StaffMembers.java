package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PersonalData;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff database table and the declared relatives. */
@Repository
class StaffMembers {

	/** A stored person with the full ID and phone numbers; never leaves the module as such. */
	record Row(long id, long collegeId, String name, Gender gender, String idNumber, String phone, String department,
			StaffRole role, TrainingStatus trainingStatus, @Nullable LocalDate trainedOn,
			@Nullable String trainingCertificateNo, BigDecimal experienceYears, List<Major> majors, boolean active,
			int version) {

		StaffView view() {
			return new StaffView(id, collegeId, name, gender, ChineseIdNumber.mask(idNumber),
					ChineseIdNumber.maskPhone(phone), department, role, trainingStatus, trainedOn,
					trainingCertificateNo, experienceYears, majors, active, version);
		}

		StaffRules.StaffFact fact() {
			return new StaffRules.StaffFact(id, name, role, trainingStatus, active);
		}
	}

	/** The validated values of a create or update. */
	record Values(String name, Gender gender, String idNumber, String phone, String department, StaffRole role,
			TrainingStatus trainingStatus, @Nullable LocalDate trainedOn, @Nullable String trainingCertificateNo,
			BigDecimal experienceYears, List<Major> majors, boolean active) {
	}

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final RowMapper<Row> mapper;

	StaffMembers(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.mapper = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("college_id"), rs.getString("name"),
				Gender.valueOf(rs.getString("gender")),
				personalData.open(PersonalData.ID_NUMBER, rs.getBytes("id_number_enc")),
				personalData.open(PersonalData.PHONE, rs.getBytes("phone_enc")), rs.getString("department"),
				StaffRole.valueOf(rs.getString("role")), TrainingStatus.valueOf(rs.getString("training_status")),
				rs.getDate("trained_on") == null ? null : rs.getDate("trained_on").toLocalDate(),
				rs.getString("training_certificate_no"), rs.getBigDecimal("experience_years"),
				parseMajors(rs.getString("majors")), rs.getBoolean("active"), rs.getInt("version"));
	}

	long insert(long collegeId, Values v, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_member (college_id, name, gender, id_number_enc, id_number_index, id_number_masked,
				  phone_enc, phone_masked, department, role, training_status,
				  trained_on, training_certificate_no, experience_years, majors, active, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(collegeId, v.name(), v.gender().name(), personalData.seal(PersonalData.ID_NUMBER, v.idNumber()),
					personalData.index(v.idNumber()), ChineseIdNumber.mask(v.idNumber()),
					personalData.seal(PersonalData.PHONE, v.phone()), ChineseIdNumber.maskPhone(v.phone()),
					v.department(), v.role().name(),
					v.trainingStatus().name(), date(v.trainedOn()), v.trainingCertificateNo(), v.experienceYears(),
					majorsText(v.majors()), v.active(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean update(long id, Values v, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE staff_member SET name = ?, gender = ?, id_number_enc = ?, id_number_index = ?,
				  id_number_masked = ?, phone_enc = ?, phone_masked = ?, department = ?, role = ?,
				  training_status = ?, trained_on = ?, training_certificate_no = ?, experience_years = ?, majors = ?,
				  active = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.gender().name(), personalData.seal(PersonalData.ID_NUMBER, v.idNumber()),
					personalData.index(v.idNumber()), ChineseIdNumber.mask(v.idNumber()),
					personalData.seal(PersonalData.PHONE, v.phone()), ChineseIdNumber.maskPhone(v.phone()),
					v.department(), v.role().name(),
					v.trainingStatus().name(), date(v.trainedOn()), v.trainingCertificateNo(), v.experienceYears(),
					majorsText(v.majors()), v.active(), Timestamp.from(now), id, expectedVersion)
			.update() == 1;
	}

	void setActive(long id, boolean active, Instant now) {
		jdbc.sql("UPDATE staff_member SET active = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(active, Timestamp.from(now), id)
			.update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM staff_member WHERE id = ?").param(id).update();
	}

	/** Whether a committee or a responsibility letter refers to the person. */
	boolean inUse(long id) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM staff_committee_member WHERE staff_id = :id)
				    OR EXISTS (SELECT 1 FROM staff_letter WHERE staff_id = :id)""")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean idNumberTaken(long collegeId, String idNumber, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM staff_member WHERE college_id = ? AND id_number_index = ? AND id <> ?")
			.params(collegeId, personalData.index(idNumber), exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM staff_member WHERE id = ?").param(id).query(mapper).optional();
	}

	List<Row> ofCollege(long collegeId) {
		return jdbc.sql("SELECT * FROM staff_member WHERE college_id = ? ORDER BY id").param(collegeId).query(mapper)
			.list();
	}

	List<Row> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM staff_member WHERE id IN (:ids) ORDER BY id").param("ids", ids).query(mapper)
			.list();
	}

	PageResult<Row> page(long collegeId, StaffManagement.StaffFilter filter, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE college_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(collegeId);
		if (filter.name() != null && !filter.name().isBlank()) {
			where.append(" AND name LIKE ?");
			params.add(like(filter.name()));
		}
		if (filter.department() != null && !filter.department().isBlank()) {
			where.append(" AND department LIKE ?");
			params.add(like(filter.department()));
		}
		if (filter.role() != null) {
			where.append(" AND role = ?");
			params.add(filter.role().name());
		}
		if (filter.training() != null) {
			where.append(" AND training_status = ?");
			params.add(filter.training().name());
		}
		if (filter.active() != null) {
			where.append(" AND active = ?");
			params.add(filter.active());
		}
		long total = jdbc.sql("SELECT count(*) FROM staff_member" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<Row> items = jdbc.sql("SELECT * FROM staff_member" + where + " ORDER BY id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(mapper)
			.list();
		return PageResult.of(items, page, total);
	}

	// ---- relatives -----------------------------------------------------------------------------------

	long insertRelative(long staffId, String name, String idNumber, String relation, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_relative (staff_id, name, id_number_enc, id_number_index, id_number_masked, relation,
				  created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(staffId, name, personalData.seal(PersonalData.ID_NUMBER, idNumber), personalData.index(idNumber),
					ChineseIdNumber.mask(idNumber), relation, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean deleteRelative(long staffId, long relativeId) {
		return jdbc.sql("DELETE FROM staff_relative WHERE id = ? AND staff_id = ?").params(relativeId, staffId)
			.update() == 1;
	}

	List<StaffRules.RelativeFact> relatives(Collection<Long> staffIds) {
		if (staffIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM staff_relative WHERE staff_id IN (:ids) ORDER BY id")
			.param("ids", staffIds)
			.query((rs, n) -> new StaffRules.RelativeFact(rs.getLong("staff_id"), rs.getString("name"),
					personalData.open(PersonalData.ID_NUMBER, rs.getBytes("id_number_enc")), rs.getString("relation")))
			.list();
	}

	List<RelativeView> relativeViews(long staffId) {
		return jdbc.sql("SELECT * FROM staff_relative WHERE staff_id = ? ORDER BY id")
			.param(staffId)
			.query((rs, n) -> new RelativeView(rs.getLong("id"), staffId, rs.getString("name"),
					rs.getString("id_number_masked"), rs.getString("relation")))
			.list();
	}

	static String like(String keyword) {
		return "%" + keyword.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Majors are stored one per line as {@code name<TAB>code}. */
	static String majorsText(List<Major> majors) {
		return String.join("\n", majors.stream().map(m -> m.name() + "\t" + m.code()).toList());
	}

	static List<Major> parseMajors(@Nullable String text) {
		List<Major> majors = new ArrayList<>();
		if (text == null) {
			return majors;
		}
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				String[] parts = line.split("\t", 2);
				majors.add(new Major(parts[0], parts.length > 1 ? parts[1] : ""));
			}
		}
		return majors;
	}

	private static @Nullable Date date(@Nullable LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}
}
