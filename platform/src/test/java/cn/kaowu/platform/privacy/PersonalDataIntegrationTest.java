package cn.kaowu.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.certificate.CertificateMother;
import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.certificate.IssueView;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data at rest (issue 10 part 3) against PostgreSQL: after a whole plan (candidates with photos, staff with
 * a relative, registrations, schedule, scores, numbered certificates) no text column of any table holds one of the
 * people's ID or phone numbers, and no stored file is a readable image; exact lookups (duplicate check, portal score
 * lookup, certificate check, 回避) work through the blind index; each full view and each export is audited; the
 * export holds everything about the candidate.
 */
@IntegrationTest
class PersonalDataIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	Enrollments records;

	@Autowired
	ScoreManagement scores;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Environment environment;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * Columns where a contact phone is kept as typed (not a person's record: a review's contact, the exam site's
	 * arbitration panel in the room report); listed in docs/privacy.md as not encrypted.
	 */
	static final Set<String> TYPED_CONTACTS = Set.of("score_review.contact_phone", "result_room.report");

	record Issued(CertificateMother.World world, List<IssueView> issued) {
	}

	Issued issued() throws InterruptedException {
		CertificateMother.World w = certificateMother.lockedPlan();
		return new Issued(w, certificateMother.numbered(w));
	}

	@Test
	void noTextColumnHoldsAnIdOrPhoneNumberAndNoStoredFileIsAReadableImage() throws Exception {
		Issued issued = issued();
		// Everyone whose numbers are stored, as the platform opens them again.
		Set<String> numbers = new LinkedHashSet<>();
		for (String table : List.of("candidate", "registration_record", "staff_member")) {
			jdbc.sql("SELECT id_number_enc, phone_enc FROM " + table).query((rs, n) -> {
				numbers.add(personalData.open(PersonalData.ID_NUMBER, rs.getBytes(1)));
				numbers.add(personalData.open(PersonalData.PHONE, rs.getBytes(2)));
				return 1;
			}).list();
		}
		jdbc.sql("SELECT id_number_enc FROM staff_relative")
			.query((rs, n) -> numbers.add(personalData.open(PersonalData.ID_NUMBER, rs.getBytes(1))))
			.list();
		assertThat(numbers).as("the plan's candidates, invigilators and the declared relative")
			.hasSizeGreaterThan(100)
			.anyMatch(n -> n.length() == 18)
			.anyMatch(n -> n.length() == 11);
		assertThat(jdbc.sql("SELECT count(*) FROM staff_relative").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM certificate_issue WHERE certificate_number IS NOT NULL")
			.query(Long.class).single()).isPositive();

		// Every text-like column of every table, searched for every number.
		List<String[]> columns = jdbc.sql("""
				SELECT table_name, column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
				ORDER BY table_name, ordinal_position""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(columns).hasSizeGreaterThan(100);
		String[] idPatterns = numbers.stream().filter(n -> n.length() != 11).map(n -> "%" + n + "%").toArray(String[]::new);
		String[] allPatterns = numbers.stream().map(n -> "%" + n + "%").toArray(String[]::new);
		List<String> found = new ArrayList<>();
		for (String[] c : columns) {
			// ID numbers nowhere; phone numbers nowhere but where a phone is typed as a contact and kept as typed
			// (docs/privacy.md, "Not encrypted"): the suite's test data types the same 138… numbers there.
			String[] patterns = TYPED_CONTACTS.contains(c[0] + "." + c[1]) ? idPatterns : allPatterns;
			long hits = jdbc.sql("SELECT count(*) FROM \"" + c[0] + "\" WHERE \"" + c[1] + "\"::text LIKE ANY (?)")
				.param(patterns)
				.query(Long.class)
				.single();
			if (hits > 0) {
				found.add(c[0] + "." + c[1] + " (" + hits + ")");
			}
		}
		assertThat(found).as("columns holding a full ID or phone number").isEmpty();

		// Stored files: the candidates' photos (and every other file kept in memory-sized pieces) are sealed.
		assertThat(jdbc.sql("SELECT count(*) FROM candidate WHERE photo_file_id IS NOT NULL").query(Long.class).single())
			.isPositive();
		// This JVM's database is fresh: its stored_file rows name exactly the files this run wrote (the per-context
		// directories under target/test-files are resolved with a random name, so all of them are walked).
		Set<String> ids = new java.util.HashSet<>(jdbc.sql("SELECT id::text FROM stored_file").query(String.class).list());
		List<String> readable = new ArrayList<>();
		int files = 0;
		try (Stream<Path> walk = Files.walk(Path.of("target", "test-files"))) {
			for (Path f : walk.filter(Files::isRegularFile).filter(f -> ids.contains(f.getFileName().toString())).toList()) {
				files++;
				byte[] head = readHead(f);
				boolean jpeg = head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8
						&& (head[2] & 0xff) == 0xFF;
				boolean png = head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N'
						&& head[3] == 'G';
				if (jpeg || png) {
					readable.add(f.toString());
				}
			}
		}
		assertThat(files).as("stored files of this run").isPositive();
		assertThat(readable).as("stored files starting with JPEG or PNG magic bytes").isEmpty();
		// ...and read back whole.
		long candidateId = issued.issued().getFirst().candidateId();
		assertThat(candidates.photo(issued.world().admin(), candidateId)).get()
			.satisfies(p -> assertThat((p[0] & 0xff) == 0xFF || (p[0] & 0xff) == 0x89).isTrue());
	}

	private static byte[] readHead(Path f) throws IOException {
		try (var in = Files.newInputStream(f)) {
			return in.readNBytes(8);
		}
	}

	@Test
	void exactLookupsGoThroughTheBlindIndex() throws Exception {
		Issued issued = issued();
		CertificateMother.World w = issued.world();
		IssueView a = issued.issued().getFirst();
		String idNumber = enrollments.idNumber(a.candidateId());
		String ticket = jdbc.sql("SELECT ticket_number FROM registration_record WHERE candidate_id = ? AND plan_id = ? "
				+ "AND ticket_number IS NOT NULL LIMIT 1").params(a.candidateId(), a.planId()).query(String.class).single();

		// The index: normalised (spaces, lower-case x), keyed, and what the table holds.
		assertThat(personalData.index(" " + idNumber.toLowerCase() + " ")).isEqualTo(personalData.index(idNumber));
		assertThat(personalData.index(idNumber)).hasSize(32).isNotEqualTo(personalData.index(idNumber.substring(1) + "0"));
		assertThat(jdbc.sql("SELECT count(*) FROM candidate WHERE id_number_index = ?").param(personalData.index(idNumber))
			.query(Long.class).single()).isEqualTo(1);

		// Duplicate detection: the same person cannot be added again, in any college's list.
		List<String> r = CandidateMother.row(0);
		CandidateForm again = CandidateForm.of(r.get(0), r.get(1), r.get(2), r.get(3), idNumber, "13700000000",
				Integer.parseInt(r.get(6)), r.get(7), r.get(8), r.get(9));
		assertThatThrownBy(() -> candidates.create(w.otherAdmin(), CandidateKind.SOCIAL, again))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems()).extracting(p -> p.field()).contains("idNumber"));

		// The portal's score lookup by full ID number + ticket (the number typed in lower case still matches).
		List<ScoreView> found = scores.publishedScoresOf(idNumber.toLowerCase(), ticket, clock.instant());
		assertThat(found).isNotEmpty().allSatisfy(s -> assertThat(s.idNumberMasked()).contains("********"));
		assertThat(scores.publishedScoresOf(enrollments.idNumber(issued.issued().get(1).candidateId()), ticket,
				clock.instant())).isEmpty();

		// The public certificate check by number + full ID number.
		assertThat(registry.verify(a.certificateNumber(), idNumber)).isPresent();
		assertThat(registry.verify(a.certificateNumber(), enrollments.idNumber(issued.issued().get(1).candidateId())))
			.isEmpty();

		// 回避: the invigilator who declared a relative sitting the plan is still found (relatives are sealed too).
		assertThat(jdbc.sql("SELECT count(*) FROM staff_relative WHERE id_number_index = ?")
			.param(personalData.index(enrollments.idNumber(schedulesFirstPerson(w)))).query(Long.class).single())
			.isPositive();
	}

	private long schedulesFirstPerson(CertificateMother.World w) {
		// ScheduleMother declares person 0 of the plan as the relative of the first invigilator.
		return jdbc.sql("SELECT candidate_id FROM registration_record WHERE plan_id = ? ORDER BY id LIMIT 1")
			.param(w.plan().id()).query(Long.class).single();
	}

	@Test
	void aFullViewAndAnExportAreAuditedAndTheExportHoldsEverythingAboutTheCandidate() throws Exception {
		Issued issued = issued();
		CertificateMother.World w = issued.world();
		IssueView a = issued.issued().getFirst();
		long candidateId = a.candidateId();
		String idNumber = enrollments.idNumber(candidateId);

		// Lists show masked values; the edit form (an explicit action of the college) the full ones, audited.
		assertThat(candidates.get(w.admin(), candidateId).idNumberMasked()).isNotEqualTo(idNumber).contains("********");
		long before = viewed(w, candidateId).size();
		CandidateForm form = candidates.editForm(w.admin(), candidateId);
		assertThat(form.getIdNumber()).isEqualTo(idNumber);
		List<AuditEntry> views = viewed(w, candidateId);
		assertThat(views).hasSize((int) before + 1);
		assertThat(views.getFirst().actorName()).isEqualTo(w.admin().username());
		assertThat(views.getFirst().detail()).contains("id_number").contains("考生编辑页").doesNotContain(idNumber);

		// The export through the API (PIPL §45): the zip of candidate.json and the photo.
		ApiClient api = new ApiClient(port).login(w.admin().username(), TestWorld.PASSWORD);
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/candidates/" + candidateId + "/personal-data"))
			.header("Authorization", "Bearer " + api.token())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/zip");
		Map<String, byte[]> zip = unzip(response.body());
		assertThat(zip).containsKey("candidate.json");
		JsonNode json = JsonMapper.builder().build().readTree(new String(zip.get("candidate.json"), StandardCharsets.UTF_8));
		assertThat(json.path("candidate").path("idNumber").asString()).isEqualTo(idNumber);
		assertThat(json.path("candidate").path("phone").asString()).matches("1[0-9]{10}");
		assertThat(json.path("registrations").size()).isEqualTo(2);
		assertThat(json.path("scores").size()).isEqualTo(2);
		assertThat(json.path("certificates").size()).isEqualTo(1);
		assertThat(json.path("certificates").get(0).path("certificateNumber").asString()).isEqualTo(a.certificateNumber());
		List<String> actions = new ArrayList<>();
		json.path("auditEntries").forEach(e -> actions.add(e.path("action").asString()));
		assertThat(actions).contains(CandidateManagement.PERSONAL_DATA_VIEWED, "candidate.create");
		String photo = json.path("candidate").path("photo").asString();
		assertThat(zip).containsKey(photo);
		assertThat(zip.get(photo)).isEqualTo(candidates.photo(w.admin(), candidateId).orElseThrow());
		assertThat(audit.list(w.admin(), "Candidate", String.valueOf(candidateId), new PageQuery(1, 100)).items())
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo(CandidateDataExport.EXPORTED);
				assertThat(e.detail()).doesNotContain(idNumber);
			});

		// Only the candidate's own college exports; another college's admin is answered as for a missing candidate.
		ApiClient other = new ApiClient(port).login(w.otherAdmin().username(), TestWorld.PASSWORD);
		HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/candidates/" + candidateId + "/personal-data"))
			.header("Authorization", "Bearer " + other.token())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(refused.statusCode()).isEqualTo(404);
	}

	private List<AuditEntry> viewed(CertificateMother.World w, long candidateId) {
		return audit.list(w.admin(), "Candidate", String.valueOf(candidateId), new PageQuery(1, 100)).items().stream()
			.filter(e -> e.action().equals(CandidateManagement.PERSONAL_DATA_VIEWED))
			.toList();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> out = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				out.put(e.getName(), in.readAllBytes());
			}
		}
		return out;
	}
}
