package cn.kaowu.platform.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PgCopy;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registration_record table. */
@Repository
class RegistrationRecords {

	/** A record to store: everything copied in at registration. */
	record NewRecord(long planId, String planName, int planYear, long organisationId, String organisationName,
			long certificateId, String certificateName, long levelId, CertificateLevel level, long planSubjectId,
			String subjectName, String subjectCode, ExamMode examMode, Instant startsAt, Instant endsAt,
			long candidateId, CandidateKind candidateKind, String name, String pinyin, String gender, String idType,
			String idNumber, PersonalData.Sealed sealed, String majorName, String majorCode, long collegeId,
			String collegeName, long provinceId, long siteId, String siteCode, String siteName, long siteCollegeId) {
	}

	/** A stored record with the full ID number; never leaves the module as such. */
	record Row(long id, long planId, String planName, long organisationId, String organisationName,
			long certificateId, String certificateName, CertificateLevel level, long planSubjectId,
			String subjectName, ExamMode examMode, Instant startsAt, Instant endsAt, long candidateId,
			CandidateKind candidateKind, String name, String pinyin, String idNumber, long collegeId,
			String collegeName, long provinceId, long siteId, String siteCode, String siteName, long siteCollegeId,
			@Nullable String ticketNumber, @Nullable String roomName, @Nullable Integer seatNumber,
			@Nullable Instant scheduledAt, @Nullable String attendance, Instant createdAt) {

		RecordStatus status(Instant now) {
			return RecordStatus.of(scheduledAt != null, "ABSENT".equals(attendance), startsAt, endsAt, now);
		}

		RecordView view(Instant now) {
			return new RecordView(id, planId, planName, organisationName, certificateId, certificateName, level,
					planSubjectId, subjectName, examMode, startsAt, endsAt, candidateId, candidateKind, name, pinyin,
					ChineseIdNumber.mask(idNumber), collegeId, collegeName, siteId, siteCode, siteName,
					siteCollegeId != collegeId, ticketNumber, roomName, seatNumber, status(now), createdAt);
		}
	}

	static final String COLUMNS = "plan_id, plan_name, plan_year, organisation_id, organisation_name, certificate_id, "
			+ "certificate_name, level_id, level, plan_subject_id, subject_name, subject_code, exam_mode, starts_at, "
			+ "ends_at, candidate_id, candidate_kind, name, pinyin, gender, id_type, id_number_enc, id_number_index, "
			+ "id_number_masked, phone_enc, phone_masked, major_name, "
			+ "major_code, college_id, college_name, province_id, site_id, site_code, site_name, site_college_id, "
			+ "import_job_id, created_at";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final PersonalData personalData;

	private final RowMapper<Row> mapper;

	RegistrationRecords(JdbcClient jdbc, DataSource dataSource, PersonalData personalData) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.personalData = personalData;
		this.mapper = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("plan_id"),
				rs.getString("plan_name"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getLong("certificate_id"), rs.getString("certificate_name"),
				CertificateLevel.valueOf(rs.getString("level")), rs.getLong("plan_subject_id"),
				rs.getString("subject_name"), ExamMode.valueOf(rs.getString("exam_mode")), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getLong("candidate_id"), CandidateKind.valueOf(rs.getString("candidate_kind")),
				rs.getString("name"), rs.getString("pinyin"),
				personalData.open(PersonalData.ID_NUMBER, rs.getBytes("id_number_enc")), rs.getLong("college_id"),
				rs.getString("college_name"), rs.getLong("province_id"), rs.getLong("site_id"), rs.getString("site_code"),
				rs.getString("site_name"), rs.getLong("site_college_id"), rs.getString("ticket_number"),
				rs.getString("room_name"), (Integer) rs.getObject("seat_number"), nullableInstant(rs, "scheduled_at"),
				rs.getString("attendance"), instant(rs, "created_at"));
	}

	/**
	 * Stores the records with one {@code COPY} on the caller's transaction's connection (all or nothing). The CSV is
	 * written to the server in chunks, so 100,000 records never sit in memory as one text.
	 */
	int copy(List<NewRecord> records, @Nullable UUID jobId, Instant now) {
		if (records.isEmpty()) {
			return 0;
		}
		String ts = now.toString();
		String job = jobId == null ? "" : jobId.toString();
		return (int) PgCopy.copy(dataSource, "COPY registration_record (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
				records, (csv, r) -> line(csv, r, job, ts));
	}

	private static void line(StringBuilder csv, NewRecord r, String job, String ts) {
		csv.append(r.planId()).append(',');
		PgCopy.quoted(csv, r.planName()).append(',').append(r.planYear()).append(',').append(r.organisationId()).append(',');
		PgCopy.quoted(csv, r.organisationName()).append(',').append(r.certificateId()).append(',');
		PgCopy.quoted(csv, r.certificateName()).append(',').append(r.levelId()).append(',').append(r.level().name())
			.append(',').append(r.planSubjectId()).append(',');
		PgCopy.quoted(csv, r.subjectName()).append(',');
		PgCopy.quoted(csv, r.subjectCode()).append(',').append(r.examMode().name()).append(',')
			.append(r.startsAt()).append(',').append(r.endsAt()).append(',').append(r.candidateId()).append(',')
			.append(r.candidateKind().name()).append(',');
		PgCopy.quoted(csv, r.name()).append(',');
		PgCopy.quoted(csv, r.pinyin()).append(',').append(r.gender()).append(',').append(r.idType()).append(',');
		// The candidate's sealed numbers, copied as they are (sealed for the field, not the table).
		bytea(csv, r.sealed().idNumber());
		bytea(csv, r.sealed().idNumberIndex());
		PgCopy.quoted(csv, r.sealed().idNumberMasked()).append(',');
		bytea(csv, r.sealed().phone());
		PgCopy.quoted(csv, r.sealed().phoneMasked()).append(',');
		PgCopy.quoted(csv, r.majorName()).append(',');
		PgCopy.quoted(csv, r.majorCode()).append(',').append(r.collegeId()).append(',');
		PgCopy.quoted(csv, r.collegeName()).append(',').append(r.provinceId()).append(',').append(r.siteId()).append(',');
		PgCopy.quoted(csv, r.siteCode()).append(',');
		PgCopy.quoted(csv, r.siteName()).append(',').append(r.siteCollegeId()).append(',').append(job).append(',')
			.append(ts).append('\n');
	}


	private static final java.util.HexFormat HEX = java.util.HexFormat.of();

	/** A value in COPY's csv format as PostgreSQL's hex bytea literal. */
	private static void bytea(StringBuilder csv, byte[] value) {
		csv.append("\\x");
		HEX.formatHex(csv, value);
		csv.append(',');
	}

	/**
	 * Serialises registrations of a college for a certificate until the transaction ends, so the quota read and
	 * the insert that relies on it cannot interleave with another registration of the same college and certificate.
	 */
	void lockQuota(long collegeId, long certificateId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params((int) collegeId, (int) certificateId)
			.query((rs, n) -> 1).list();
	}

	/** 院校考生 of the college registered for the certificate in plans of the year, each counted once. */
	int collegeCandidatesRegistered(long collegeId, long certificateId, int year) {
		return jdbc.sql("""
				SELECT count(DISTINCT candidate_id) FROM registration_record
				WHERE college_id = ? AND certificate_id = ? AND plan_year = ? AND candidate_kind = 'COLLEGE'""")
			.params(collegeId, certificateId, year)
			.query(Integer.class)
			.single();
	}

	/** Whether each 院校考生 already counts against the year's quota (registered in another plan of the year). */
	Set<Long> countedCandidates(long collegeId, long certificateId, int year, Collection<Long> candidateIds) {
		if (candidateIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT r.candidate_id FROM registration_record r JOIN unnest(?::bigint[]) AS u(id) ON r.candidate_id = u.id
				WHERE r.college_id = ? AND r.certificate_id = ? AND r.plan_year = ? AND r.candidate_kind = 'COLLEGE'""")
			.params(candidateIds.toArray(Long[]::new), collegeId, certificateId, year)
			.query(Long.class)
			.list());
	}

	/** Which of the candidates are already registered for the plan. */
	Set<Long> registeredInPlan(long planId, Collection<Long> candidateIds) {
		if (candidateIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT r.candidate_id FROM registration_record r JOIN unnest(?::bigint[]) AS u(id) ON r.candidate_id = u.id
				WHERE r.plan_id = ?""")
			.params(candidateIds.toArray(Long[]::new), planId)
			.query(Long.class)
			.list());
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM registration_record r WHERE id = ?").param(id).query(mapper).optional();
	}

	List<Row> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM registration_record r WHERE id = ANY(?) ORDER BY id")
			.param(ids.toArray(Long[]::new))
			.query(mapper)
			.list();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM registration_record WHERE id = ?").param(id).update();
	}

	PageResult<Row> page(Where where, PageQuery page) {
		return where.page(jdbc, "SELECT r.*", "FROM registration_record r", "r.plan_id DESC, r.college_id, r.name, r.id",
				page, mapper);
	}

	/** Every matching record in list order, one at a time (exports of a whole plan). */
	void each(Where where, Consumer<Row> consumer) {
		jdbc.sql("SELECT r.* FROM registration_record r" + where.sql() + " ORDER BY r.plan_id DESC, r.college_id, r.name, r.id")
			.params(where.params())
			.query((RowCallbackHandler) rs -> consumer.accept(mapper.mapRow(rs, rs.getRow())));
	}

	/** Plans per candidate (served by the unique key, which leads with candidate_id). */
	Map<Long, Integer> plansPerCandidate(Collection<Long> candidateIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (candidateIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT r.candidate_id, count(DISTINCT r.plan_id) AS n FROM registration_record r
				JOIN unnest(?::bigint[]) AS u(id) ON r.candidate_id = u.id GROUP BY r.candidate_id""")
			.param(candidateIds.toArray(Long[]::new))
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)));
		return counts;
	}

	/** Candidates of the college registered for the plan per level (the fee statement counts candidates). */
	Map<CertificateLevel, Integer> candidatesPerLevel(long planId, long collegeId) {
		Map<CertificateLevel, Integer> counts = new HashMap<>();
		jdbc.sql("""
				SELECT level, count(DISTINCT candidate_id) AS n FROM registration_record
				WHERE plan_id = ? AND college_id = ? GROUP BY level""")
			.params(planId, collegeId)
			.query((RowCallbackHandler) rs -> counts.put(CertificateLevel.valueOf(rs.getString("level")), rs.getInt("n")));
		return counts;
	}

	/** Records per plan subject at a site (what the site's rooms must seat). */
	Map<Long, Integer> recordsPerSubject(long planId, long siteId) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				SELECT plan_subject_id, count(*) AS n FROM registration_record
				WHERE plan_id = ? AND site_id = ? GROUP BY plan_subject_id""")
			.params(planId, siteId)
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong("plan_subject_id"), rs.getInt("n")));
		return counts;
	}

	/** Colleges with records in the plan (for the fee statement's chooser). */
	List<Long> collegesOf(long planId) {
		return jdbc.sql("SELECT DISTINCT college_id FROM registration_record WHERE plan_id = ?")
			.param(planId)
			.query(Long.class)
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
