package cn.kaowu.platform.candidate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PgCopy;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The candidate table. */
@Repository
class Candidates {

	/** A stored candidate with the full ID and phone numbers; never leaves the module as such. */
	record Row(long id, long collegeId, CandidateKind kind, String name, String pinyin, CandidateGender gender,
			IdType idType, String idNumber, String phone, int enrolmentYear, String educationLevel, String majorName,
			String majorCode, @Nullable UUID photoFileId, VerificationState state, @Nullable String stateNote,
			int version, Instant createdAt) {

		Registrant registrant() {
			return new Registrant(id, collegeId, kind, name, pinyin, gender, idType, idNumber, phone, majorName,
					majorCode, state);
		}

		CandidateView view(int registrations) {
			return new CandidateView(id, collegeId, kind, name, pinyin, gender, idType, ChineseIdNumber.mask(idNumber),
					ChineseIdNumber.maskPhone(phone), enrolmentYear, educationLevel, majorName, majorCode,
					photoFileId != null, state, stateNote, registrations, version, createdAt);
		}
	}

	/** Filter of the lists; {@code name} and {@code major} match parts, {@code idNumber} the whole or a part. */
	record Filter(CandidateKind kind, @Nullable String name, @Nullable String idNumber,
			@Nullable VerificationState state, @Nullable String major) {
	}

	static final String COLUMNS = "college_id, kind, name, pinyin, gender, id_type, id_number, phone, enrolment_year, "
			+ "education_level, major_name, major_code, state, import_job_id, created_at, updated_at";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	Candidates(JdbcClient jdbc, DataSource dataSource, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.jdbcTemplate = jdbcTemplate;
	}

	long insert(long collegeId, CandidateKind kind, CandidateRules.Values v, Instant now) {
		return jdbc.sql("INSERT INTO candidate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(collegeId, kind.name(), v.name(), v.pinyin(), v.gender().name(), v.idType().name(), v.idNumber(),
					v.phone(), v.enrolmentYear(), v.educationLevel(), v.majorName(), v.majorCode(),
					VerificationState.NO_PHOTO.name(), null, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts many candidates with {@code COPY} on the caller's transaction's connection (one transaction: all or
	 * nothing).
	 */
	int copy(long collegeId, CandidateKind kind, List<CandidateRules.Values> values, UUID jobId, Instant now) {
		if (values.isEmpty()) {
			return 0;
		}
		String ts = now.toString();
		return (int) PgCopy.copy(dataSource, "COPY candidate (" + COLUMNS + ") FROM STDIN (FORMAT csv)", values,
				(csv, v) -> {
					csv.append(collegeId).append(',').append(kind.name()).append(',');
					PgCopy.quoted(csv, v.name()).append(',');
					PgCopy.quoted(csv, v.pinyin()).append(',').append(v.gender().name()).append(',')
						.append(v.idType().name()).append(',');
					PgCopy.quoted(csv, v.idNumber()).append(',');
					PgCopy.quoted(csv, v.phone()).append(',').append(v.enrolmentYear()).append(',');
					PgCopy.quoted(csv, v.educationLevel()).append(',');
					PgCopy.quoted(csv, v.majorName()).append(',');
					PgCopy.quoted(csv, v.majorCode()).append(',').append(VerificationState.NO_PHOTO.name()).append(',')
						.append(jobId).append(',').append(ts).append(',').append(ts).append('\n');
				});
	}


	/** Which of the identities ({@code TYPE:number}) are already stored. */
	Set<String> existingIdentities(Collection<CandidateRules.Values> values) {
		if (values.isEmpty()) {
			return Set.of();
		}
		String[] types = values.stream().map(v -> v.idType().name()).toArray(String[]::new);
		String[] numbers = values.stream().map(CandidateRules.Values::idNumber).toArray(String[]::new);
		return new HashSet<>(jdbc.sql("""
				SELECT c.id_type || ':' || c.id_number FROM candidate c
				JOIN unnest(?::text[], ?::text[]) AS u(t, n) ON c.id_type = u.t AND c.id_number = u.n""")
			.params(types, numbers)
			.query(String.class)
			.list());
	}

	boolean identityTaken(IdType type, String number, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM candidate WHERE id_type = ? AND id_number = ? AND id <> ?")
			.params(type.name(), number, exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean update(long id, CandidateRules.Values v, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE candidate SET name = ?, pinyin = ?, gender = ?, id_type = ?, id_number = ?, phone = ?,
				  enrolment_year = ?, education_level = ?, major_name = ?, major_code = ?, updated_at = ?,
				  version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.pinyin(), v.gender().name(), v.idType().name(), v.idNumber(), v.phone(),
					v.enrolmentYear(), v.educationLevel(), v.majorName(), v.majorCode(), Timestamp.from(now), id,
					expectedVersion)
			.update() == 1;
	}

	void setState(long id, VerificationState state, @Nullable String note, Instant now) {
		jdbc.sql("UPDATE candidate SET state = ?, state_note = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(state.name(), note, Timestamp.from(now), id)
			.update();
	}

	void setPhoto(long id, UUID fileId, VerificationState state, Instant now) {
		jdbc.sql("""
				UPDATE candidate SET photo_file_id = ?, state = ?, state_note = NULL, updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(fileId, state.name(), Timestamp.from(now), id)
			.update();
	}

	/** The college's candidates of the list with these identities, by {@code TYPE:number}. */
	java.util.Map<String, Row> byIdentities(long collegeId, CandidateKind kind, Collection<CandidateRules.Values> values) {
		java.util.Map<String, Row> map = new java.util.HashMap<>();
		if (values.isEmpty()) {
			return map;
		}
		String[] types = values.stream().map(v -> v.idType().name()).toArray(String[]::new);
		String[] numbers = values.stream().map(CandidateRules.Values::idNumber).toArray(String[]::new);
		jdbc.sql("""
				SELECT c.* FROM candidate c JOIN unnest(?::text[], ?::text[]) AS u(t, n) ON c.id_type = u.t AND c.id_number = u.n
				WHERE c.college_id = ? AND c.kind = ?""")
			.params(types, numbers, collegeId, kind.name())
			.query(MAPPER)
			.list()
			.forEach(r -> map.put(r.idType().name() + ":" + r.idNumber(), r));
		return map;
	}

	/** Replaces the values of many candidates (批量修改), one batch of statements. */
	int updateAll(List<Long> ids, List<CandidateRules.Values> values, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		List<Object[]> args = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			CandidateRules.Values v = values.get(i);
			args.add(new Object[] { v.name(), v.pinyin(), v.gender().name(), v.phone(), v.enrolmentYear(),
					v.educationLevel(), v.majorName(), v.majorCode(), Timestamp.from(now), ids.get(i) });
		}
		int[][] counts = jdbcTemplate.batchUpdate("""
				UPDATE candidate SET name = ?, pinyin = ?, gender = ?, phone = ?, enrolment_year = ?, education_level = ?,
				  major_name = ?, major_code = ?, updated_at = ?, version = version + 1
				WHERE id = ?""", args, 1000, (ps, a) -> {
			for (int k = 0; k < a.length; k++) {
				ps.setObject(k + 1, a[k]);
			}
		});
		return java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).sum();
	}

	/** The college's candidates with these ID numbers (any type, either list). */
	List<Row> ofCollegeByIdNumbers(long collegeId, Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return List.of();
		}
		// A join, not "= ANY(array)": the array holds up to 60,000 numbers and ANY would scan it for every row.
		return jdbc.sql("SELECT c.* FROM candidate c JOIN unnest(?::text[]) AS u(n) ON c.id_number = u.n WHERE c.college_id = ?")
			.params(idNumbers.toArray(String[]::new), collegeId)
			.query(MAPPER)
			.list();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM candidate WHERE id = ?").param(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM candidate WHERE id = ?").param(id).query(MAPPER).optional();
	}

	/** The college's candidates by ID number (of any type), for matching photo file names. */
	java.util.Map<String, Row> byIdNumber(long collegeId) {
		java.util.Map<String, Row> map = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM candidate WHERE college_id = ?").param(collegeId).query(MAPPER).list()
			.forEach(r -> map.put(r.idNumber(), r));
		return map;
	}

	List<Row> byIds(long collegeId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM candidate WHERE college_id = :college AND id IN (:ids) ORDER BY id")
			.param("college", collegeId)
			.param("ids", ids)
			.query(MAPPER)
			.list();
	}

	PageResult<Row> page(long collegeId, Filter filter, PageQuery page) {
		return where(collegeId, filter).page(jdbc, "SELECT *", "FROM candidate", "id", page, MAPPER);
	}

	private static Where where(long collegeId, Filter filter) {
		Where where = Where.start().and("college_id = ?", collegeId).and("kind = ?", filter.kind().name());
		where.andLike(filter.name(), "name", "pinyin");
		if (filter.idNumber() != null && !filter.idNumber().isBlank()) {
			where.and("id_number LIKE ?", Where.like(filter.idNumber().toUpperCase(java.util.Locale.ROOT)));
		}
		where.andIf(filter.state(), "state = ?");
		where.andLike(filter.major(), "major_name", "major_code");
		return where;
	}

	static final RowMapper<Row> MAPPER = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("college_id"),
			CandidateKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("pinyin"),
			CandidateGender.valueOf(rs.getString("gender")), IdType.valueOf(rs.getString("id_type")),
			rs.getString("id_number"), rs.getString("phone"), rs.getInt("enrolment_year"),
			rs.getString("education_level"), rs.getString("major_name"), rs.getString("major_code"),
			rs.getObject("photo_file_id", UUID.class), VerificationState.valueOf(rs.getString("state")),
			rs.getString("state_note"), rs.getInt("version"),
			rs.getTimestamp("created_at").toInstant());

	static List<Long> distinct(List<Long> ids) {
		return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
	}
}
