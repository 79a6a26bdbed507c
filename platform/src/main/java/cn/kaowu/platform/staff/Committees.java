package cn.kaowu.platform.staff;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The committee tables. */
@Repository
class Committees {

	record Row(long id, long collegeId, long certificateId, int version) {
	}

	/** A stored member; for staff members name and years come from the staff table. */
	record MemberRow(long id, long committeeId, CommitteeGroup group, boolean leader, @Nullable Long staffId,
			@Nullable String externalName, @Nullable String externalOrganisation, @Nullable BigDecimal externalYears,
			boolean orgAppointed) {
	}

	private final JdbcClient jdbc;

	Committees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long collegeId, long certificateId, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_committee (college_id, certificate_id, created_at, updated_at)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(collegeId, certificateId, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM staff_committee WHERE id = ?").param(id).query(MAPPER).optional();
	}

	Optional<Row> findBySite(long collegeId, long certificateId) {
		return jdbc.sql("SELECT * FROM staff_committee WHERE college_id = ? AND certificate_id = ?")
			.params(collegeId, certificateId)
			.query(MAPPER)
			.optional();
	}

	List<Row> ofCollege(long collegeId) {
		return jdbc.sql("SELECT * FROM staff_committee WHERE college_id = ? ORDER BY id").param(collegeId)
			.query(MAPPER)
			.list();
	}

	/** Marks a change of the committee (its members) for optimistic locking and the list's order. */
	void touch(long id, Instant now) {
		jdbc.sql("UPDATE staff_committee SET version = version + 1, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	long insertMember(long committeeId, CommitteeGroup group, boolean leader, @Nullable Long staffId,
			@Nullable String externalName, @Nullable String externalOrganisation, @Nullable BigDecimal externalYears,
			boolean orgAppointed, Instant now) {
		return jdbc.sql("""
				INSERT INTO staff_committee_member (committee_id, group_code, leader, staff_id, external_name,
				  external_organisation, external_years, org_appointed, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(committeeId, group.name(), leader, staffId, externalName, externalOrganisation, externalYears,
					orgAppointed, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<MemberRow> members(long committeeId) {
		return jdbc.sql("SELECT * FROM staff_committee_member WHERE committee_id = ? ORDER BY id")
			.param(committeeId)
			.query(MEMBER_MAPPER)
			.list();
	}

	void clearLeader(long committeeId, CommitteeGroup group) {
		jdbc.sql("UPDATE staff_committee_member SET leader = FALSE WHERE committee_id = ? AND group_code = ?")
			.params(committeeId, group.name())
			.update();
	}

	void setLeader(long memberId) {
		jdbc.sql("UPDATE staff_committee_member SET leader = TRUE WHERE id = ?").param(memberId).update();
	}

	void deleteMember(long memberId) {
		jdbc.sql("DELETE FROM staff_committee_member WHERE id = ?").param(memberId).update();
	}

	private static final RowMapper<Row> MAPPER = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("college_id"),
			rs.getLong("certificate_id"), rs.getInt("version"));

	private static final RowMapper<MemberRow> MEMBER_MAPPER = (rs, n) -> new MemberRow(rs.getLong("id"),
			rs.getLong("committee_id"), CommitteeGroup.valueOf(rs.getString("group_code")), rs.getBoolean("leader"),
			(Long) rs.getObject("staff_id"), rs.getString("external_name"), rs.getString("external_organisation"),
			rs.getBigDecimal("external_years"), rs.getBoolean("org_appointed"));
}
