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
import cn.kaowu.platform.kernel.PersonalData;
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
			int version, Instant createdAt, PersonalData.Sealed sealed) {

		Registrant registrant() {
			return new Registrant(id, collegeId, kind, name, pinyin, gender, idType, idNumber, sealed, majorName,
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

	static final String COLUMNS = "college_id, kind, name, pinyin, gender, id_type, id_number_enc, id_number_index, "
			+ "id_number_masked, phone_enc, phone_masked, enrolment_year, education_level, major_name, major_code, state, "
			+ "import_job_id, created_at, updated_at";

	private static final java.util.HexFormat HEX = java.util.HexFormat.of();

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	private final PersonalData personalData;

	private final RowMapper<Row> mapper;

	Candidates(JdbcClient jdbc, DataSource dataSource, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate,
			PersonalData personalData) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.jdbcTemplate = jdbcTemplate;
		this.personalData = personalData;
		this.mapper = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("college_id"),
				CandidateKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("pinyin"),
				CandidateGender.valueOf(rs.getString("gender")), IdType.valueOf(rs.getString("id_type")),
				personalData.open(PersonalData.ID_NUMBER, rs.getBytes("id_number_enc")),
				personalData.open(PersonalData.PHONE, rs.getBytes("phone_enc")), rs.getInt("enrolment_year"),
				rs.getString("education_level"), rs.getString("major_name"), rs.getString("major_code"),
				rs.getObject("photo_file_id", UUID.class), VerificationState.valueOf(rs.getString("state")),
				rs.getString("state_note"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				sealed(rs));
	}

	private static PersonalData.Sealed sealed(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PersonalData.Sealed(rs.getBytes("id_number_enc"), rs.getBytes("id_number_index"),
				rs.getString("id_number_masked"), rs.getBytes("phone_enc"), rs.getString("phone_masked"));
	}

	long insert(long collegeId, CandidateKind kind, CandidateRules.Values v, Instant now) {
		return jdbc.sql("INSERT INTO candidate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(collegeId, kind.name(), v.name(), v.pinyin(), v.gender().name(), v.idType().name(),
					personalData.seal(PersonalData.ID_NUMBER, v.idNumber()), personalData.index(v.idNumber()),
					ChineseIdNumber.mask(v.idNumber()), personalData.seal(PersonalData.PHONE, v.phone()),
					ChineseIdNumber.maskPhone(v.phone()), v.enrolmentYear(), v.educationLevel(), v.majorName(), v.majorCode(),
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
					bytea(csv, personalData.seal(PersonalData.ID_NUMBER, v.idNumber()));
					bytea(csv, personalData.index(v.idNumber()));
					PgCopy.quoted(csv, ChineseIdNumber.mask(v.idNumber())).append(',');
					bytea(csv, personalData.seal(PersonalData.PHONE, v.phone()));
					PgCopy.quoted(csv, ChineseIdNumber.maskPhone(v.phone())).append(',').append(v.enrolmentYear()).append(',');
					PgCopy.quoted(csv, v.educationLevel()).append(',');
					PgCopy.quoted(csv, v.majorName()).append(',');
					PgCopy.quoted(csv, v.majorCode()).append(',').append(VerificationState.NO_PHOTO.name()).append(',')
						.append(jobId).append(',').append(ts).append(',').append(ts).append('\n');
				});
	}


	/** A value in COPY's csv format as PostgreSQL's hex bytea literal. */
	static void bytea(StringBuilder csv, byte[] value) {
		csv.append("\\x");
		HEX.formatHex(csv, value);
		csv.append(',');
	}

	/**
	 * Which of the identities ({@code TYPE:number}) are already stored, found through the blind index (the numbers
	 * are stored sealed).
	 */
	Set<String> existingIdentities(Collection<CandidateRules.Values> values) {
		if (values.isEmpty()) {
			return Set.of();
		}
		java.util.Map<String, String> byIndex = new java.util.HashMap<>();
		String[] types = new String[values.size()];
		String[] indexes = new String[values.size()];
		int i = 0;
		for (CandidateRules.Values v : values) {
			types[i] = v.idType().name();
			indexes[i] = HEX.formatHex(personalData.index(v.idNumber()));
			byIndex.put(types[i] + ":" + indexes[i], types[i] + ":" + v.idNumber());
			i++;
		}
		Set<String> found = new HashSet<>();
		jdbc.sql("""
				SELECT c.id_type || ':' || encode(c.id_number_index, 'hex') FROM candidate c
				JOIN unnest(?::text[], ?::text[]) AS u(t, n) ON c.id_type = u.t AND c.id_number_index = decode(u.n, 'hex')""")
			.params(types, indexes)
			.query(String.class)
			.list()
			.forEach(k -> found.add(byIndex.get(k)));
		return found;
	}

	boolean identityTaken(IdType type, String number, @Nullable Long exceptId) {
		return jdbc.sql("SELECT count(*) FROM candidate WHERE id_type = ? AND id_number_index = ? AND id <> ?")
			.params(type.name(), personalData.index(number), exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean update(long id, CandidateRules.Values v, int expectedVersion, Instant now) {
		return jdbc.sql("""
				UPDATE candidate SET name = ?, pinyin = ?, gender = ?, id_type = ?, id_number_enc = ?, id_number_index = ?,
				  id_number_masked = ?, phone_enc = ?, phone_masked = ?,
				  enrolment_year = ?, education_level = ?, major_name = ?, major_code = ?, updated_at = ?,
				  version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.pinyin(), v.gender().name(), v.idType().name(),
					personalData.seal(PersonalData.ID_NUMBER, v.idNumber()), personalData.index(v.idNumber()),
					ChineseIdNumber.mask(v.idNumber()), personalData.seal(PersonalData.PHONE, v.phone()),
					ChineseIdNumber.maskPhone(v.phone()),
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
		String[] indexes = values.stream().map(v -> HEX.formatHex(personalData.index(v.idNumber())))
			.toArray(String[]::new);
		jdbc.sql("""
				SELECT c.* FROM candidate c
				JOIN unnest(?::text[], ?::text[]) AS u(t, n) ON c.id_type = u.t AND c.id_number_index = decode(u.n, 'hex')
				WHERE c.college_id = ? AND c.kind = ?""")
			.params(types, indexes, collegeId, kind.name())
			.query(mapper)
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
			args.add(new Object[] { v.name(), v.pinyin(), v.gender().name(),
					personalData.seal(PersonalData.PHONE, v.phone()), ChineseIdNumber.maskPhone(v.phone()), v.enrolmentYear(),
					v.educationLevel(), v.majorName(), v.majorCode(), Timestamp.from(now), ids.get(i) });
		}
		int[][] counts = jdbcTemplate.batchUpdate("""
				UPDATE candidate SET name = ?, pinyin = ?, gender = ?, phone_enc = ?, phone_masked = ?, enrolment_year = ?,
				  education_level = ?,
				  major_name = ?, major_code = ?, updated_at = ?, version = version + 1
				WHERE id = ?""", args, 1000, (ps, a) -> {
			for (int k = 0; k < a.length; k++) {
				ps.setObject(k + 1, a[k]);
			}
		});
		return java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).sum();
	}

	/**
	 * The college's candidates with these ID numbers (any type, either list) as registration copies them: found
	 * through the blind index, their numbers left sealed (registration copies them as they are).
	 */
	List<Registrant> registrantsByIdNumbers(long collegeId, Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return List.of();
		}
		java.util.Map<String, String> byIndex = new java.util.HashMap<>();
		for (String n : idNumbers) {
			byIndex.put(HEX.formatHex(personalData.index(n)), n);
		}
		// A join, not "= ANY(array)": the array holds up to 60,000 numbers and ANY would scan it for every row.
		return jdbc.sql("""
				SELECT c.*, u.n FROM candidate c JOIN unnest(?::text[]) AS u(n) ON c.id_number_index = decode(u.n, 'hex')
				WHERE c.college_id = ?""")
			.params(byIndex.keySet().toArray(String[]::new), collegeId)
			.query((rs, n) -> new Registrant(rs.getLong("id"), rs.getLong("college_id"),
					CandidateKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("pinyin"),
					CandidateGender.valueOf(rs.getString("gender")), IdType.valueOf(rs.getString("id_type")),
					byIndex.get(rs.getString("n")), sealed(rs), rs.getString("major_name"), rs.getString("major_code"),
					VerificationState.valueOf(rs.getString("state"))))
			.list();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM candidate WHERE id = ?").param(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM candidate WHERE id = ?").param(id).query(mapper).optional();
	}

	/** The college's candidates by ID number (of any type), for matching photo file names. */
	java.util.Map<String, Row> byIdNumber(long collegeId) {
		java.util.Map<String, Row> map = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM candidate WHERE college_id = ?").param(collegeId).query(mapper).list()
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
			.query(mapper)
			.list();
	}

	PageResult<Row> page(long collegeId, Filter filter, PageQuery page) {
		return where(collegeId, filter).page(jdbc, "SELECT *", "FROM candidate", "id", page, mapper);
	}

	/**
	 * A whole ID number is found through the blind index; a part only among the characters the masked number shows
	 * (the first 6 and last 4): the stored numbers are sealed.
	 */
	private Where where(long collegeId, Filter filter) {
		Where where = Where.start().and("college_id = ?", collegeId).and("kind = ?", filter.kind().name());
		where.andLike(filter.name(), "name", "pinyin");
		if (filter.idNumber() != null && !filter.idNumber().isBlank()) {
			String wanted = PersonalData.normalise(filter.idNumber());
			if (wanted.length() >= ChineseIdNumber.LENGTH) {
				where.and("id_number_index = ?", personalData.index(wanted));
			}
			else {
				where.and("id_number_masked LIKE ?", Where.like(wanted));
			}
		}
		where.andIf(filter.state(), "state = ?");
		where.andLike(filter.major(), "major_name", "major_code");
		return where;
	}

	static List<Long> distinct(List<Long> ids) {
		return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
	}
}
