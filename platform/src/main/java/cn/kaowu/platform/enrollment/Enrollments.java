package cn.kaowu.platform.enrollment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.kernel.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What rooms and scheduling read about registrations, and how scheduling writes its result back. Unscoped: callers
 * check their own caller first.
 */
@Component
public class Enrollments {

	/**
	 * A record as the scheduler needs it. The full ID number is for conflict checks against invigilators' declared
	 * relatives only; it is never shown.
	 */
	public record Seatable(long recordId, long candidateId, long siteId, String siteCode, long planSubjectId,
			long levelId, String name, String pinyin, String idNumber, String majorCode, String majorName) {
	}

	/** Where scheduling put a record. */
	public record Placement(long recordId, String ticketNumber, long roomId, String roomName, int seatNumber) {
	}

	private final RegistrationRecords records;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Enrollments(RegistrationRecords records, JdbcClient jdbc, PersonalData personalData) {
		this.records = records;
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	private String idNumber(byte[] sealed) {
		return personalData.open(PersonalData.ID_NUMBER, sealed);
	}

	/**
	 * A record as the score module needs it: who sits which subject of the plan, with the ticket scheduling gave and
	 * whether the site marked the candidate 缺考. The full ID number is for matching an imported score row (ticket +
	 * the last four characters); it is never shown.
	 */
	public record Registered(long recordId, long candidateId, long planSubjectId, long levelId,
			cn.kaowu.platform.catalog.CertificateLevel level, String subjectName, String subjectCode, String name, String idNumber,
			@org.jspecify.annotations.Nullable String ticketNumber, long collegeId, String collegeName,
			boolean absent, long planId) {
	}

	/** Every registration record of the plan, by ticket (unscheduled last), subject and record. */
	@Transactional(readOnly = true)
	/** A ticket's records in every plan (one ticket per candidate and plan; unscoped: the caller checks). */
	public List<Registered> byTicket(String ticketNumber) {
		return jdbc.sql("""
				SELECT id, candidate_id, plan_subject_id, level_id, level, subject_name, subject_code, name, id_number_enc,
				  ticket_number, college_id, college_name, attendance = 'ABSENT' AS absent, plan_id
				FROM registration_record WHERE ticket_number = ? ORDER BY id""")
			.param(ticketNumber)
			.query((rs, n) -> new Registered(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					cn.kaowu.platform.catalog.CertificateLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), idNumber(rs.getBytes(9)),
					rs.getString(10), rs.getLong(11), rs.getString(12), rs.getBoolean(13), rs.getLong(14)))
			.list();
	}

	/**
	 * The ID number the candidate registered for the plan with (one index probe of
	 * {@code registration_record_once}); empty when there is no such record. Unscoped: the caller checks (the public
	 * 证书查验 compares it with what the visitor typed).
	 */
	public java.util.Optional<String> idNumberOf(long planId, long candidateId) {
		return jdbc.sql("SELECT id_number_enc FROM registration_record WHERE candidate_id = ? AND plan_id = ? LIMIT 1")
			.params(candidateId, planId)
			.query((rs, n) -> idNumber(rs.getBytes(1)))
			.optional();
	}

	/**
	 * The ticket's records whose holder has this ID number, found through the blind index (the numbers are stored
	 * sealed); the returned records carry the number as typed, normalised. Unscoped: the portal's lookups call it.
	 */
	@Transactional(readOnly = true)
	public List<Registered> holding(String ticketNumber, String idNumber) {
		String normalised = PersonalData.normalise(idNumber);
		return jdbc.sql("""
				SELECT id, candidate_id, plan_subject_id, level_id, level, subject_name, subject_code, name,
				  ticket_number, college_id, college_name, attendance = 'ABSENT' AS absent, plan_id
				FROM registration_record WHERE ticket_number = ? AND id_number_index = ? ORDER BY id""")
			.params(ticketNumber, personalData.index(normalised))
			.query((rs, n) -> new Registered(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					cn.kaowu.platform.catalog.CertificateLevel.valueOf(rs.getString(5)), rs.getString(6),
					rs.getString(7), rs.getString(8), normalised, rs.getString(9), rs.getLong(10), rs.getString(11),
					rs.getBoolean(12), rs.getLong(13)))
			.list();
	}

	public List<Registered> registered(long planId) {
		return jdbc.sql("""
				SELECT id, candidate_id, plan_subject_id, level_id, level, subject_name, subject_code, name, id_number_enc,
				  ticket_number, college_id, college_name, attendance = 'ABSENT' AS absent, plan_id
				FROM registration_record WHERE plan_id = ?
				ORDER BY ticket_number NULLS LAST, id_number_masked, plan_subject_id, id""")
			.param(planId)
			.query((rs, n) -> new Registered(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					cn.kaowu.platform.catalog.CertificateLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), idNumber(rs.getBytes(9)),
					rs.getString(10), rs.getLong(11), rs.getString(12), rs.getBoolean(13), rs.getLong(14)))
			.list();
	}

	/** Registration records per plan subject (slot) at a site: what the site's rooms must seat. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> recordsPerSubject(long planId, long siteId) {
		return records.recordsPerSubject(planId, siteId);
	}

	/** A site of the plan with its registrations. */
	public record SiteCount(long siteId, String siteCode, String siteName, long siteCollegeId, int records,
			int candidates) {
	}

	/** The sites with registrations in the plan, by site code. */
	@Transactional(readOnly = true)
	public List<SiteCount> sites(long planId) {
		return jdbc.sql("""
				SELECT site_id, min(site_code) AS code, min(site_name) AS name, min(site_college_id) AS college,
				  count(*) AS records, count(DISTINCT candidate_id) AS candidates
				FROM registration_record WHERE plan_id = ? GROUP BY site_id ORDER BY code""")
			.param(planId)
			.query((rs, n) -> new SiteCount(rs.getLong("site_id"), rs.getString("code"), rs.getString("name"),
					rs.getLong("college"), rs.getInt("records"), rs.getInt("candidates")))
			.list();
	}

	/** Every record of the plan (or of one site of it), by site, subject and ID number. */
	@Transactional(readOnly = true)
	public List<Seatable> seatable(long planId, @org.jspecify.annotations.Nullable Long siteId) {
		return jdbc.sql("""
				SELECT id, candidate_id, site_id, site_code, plan_subject_id, level_id, name, pinyin, id_number_enc, major_code,
				  major_name
				FROM registration_record WHERE plan_id = ? AND (?::bigint IS NULL OR site_id = ?)
				ORDER BY site_id, plan_subject_id, id_number_masked, id""")
			.params(planId, siteId, siteId)
			.query((rs, n) -> new Seatable(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
					rs.getLong(6), rs.getString(7), rs.getString(8), idNumber(rs.getBytes(9)), rs.getString(10), rs.getString(11)))
			.list();
	}

	/**
	 * Writes the published schedule of a site into its records: ticket, room, seat; the records become 待考试. One
	 * statement for the whole site.
	 */
	@Transactional
	public int applySchedule(long planId, long siteId, List<Placement> placements, Instant at) {
		if (placements.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				UPDATE registration_record r SET ticket_number = u.ticket, room_id = u.room, room_name = u.room_name,
				  seat_number = u.seat, scheduled_at = ?
				FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::int[]) AS u(id, ticket, room, room_name, seat)
				WHERE r.id = u.id AND r.plan_id = ? AND r.site_id = ?""")
			.params(Timestamp.from(at), placements.stream().map(Placement::recordId).toArray(Long[]::new),
					placements.stream().map(Placement::ticketNumber).toArray(String[]::new),
					placements.stream().map(Placement::roomId).toArray(Long[]::new),
					placements.stream().map(Placement::roomName).toArray(String[]::new),
					placements.stream().map(Placement::seatNumber).toArray(Integer[]::new), planId, siteId)
			.update();
	}
}
