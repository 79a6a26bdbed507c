package cn.kaowu.platform.schedule;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.RecordStatus;
import cn.kaowu.platform.enrollment.RecordView;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.RelativeForm;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScheduleIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	EnrollmentManagement enrollment;

	@Autowired
	Scheduling scheduling;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theOrgSchedulesRerunsStablyPublishesAndTheCollegeSeesRoomsAndMaterials() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		EnrollmentMother.Ready r = s.r();
		long plan = r.plan().id();
		ApiClient org = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		ApiClient college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);

		// Only the plan's ORG schedules.
		assertThat(college.post("/api/v1/schedule/" + plan + "/run", Map.of()).status()).isEqualTo(403);
		ApiClient.Response run = org.post("/api/v1/schedule/" + plan + "/run", Map.of());
		assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
		assertThat(run.body().path("sites").asInt()).isEqualTo(1);
		assertThat(run.body().path("records").asInt()).isEqualTo(96);
		List<Map<String, Object>> first = seats(plan);

		// A college does not see a draft; a re-run gives the same seats and numbers.
		assertThat(college.get("/api/v1/schedule/" + plan + "/sites/" + r.site().id() + "/rooms").status()).isEqualTo(409);
		assertThat(org.post("/api/v1/schedule/" + plan + "/run", Map.of()).status()).isEqualTo(200);
		assertThat(seats(plan)).isEqualTo(first);

		// Tickets: one per candidate, the same on theory and practice, 16 digits, unique.
		Map<Long, Set<String>> ticketsOf = new HashMap<>();
		first.forEach(row -> ticketsOf.computeIfAbsent((Long) row.get("candidate_id"), k -> new HashSet<>())
			.add((String) row.get("ticket_number")));
		assertThat(ticketsOf).hasSize(48).allSatisfy((c, t) -> assertThat(t).singleElement().asString().hasSize(16));
		assertThat(ticketsOf.values().stream().map(t -> t.iterator().next()).distinct()).hasSize(48);

		// The invigilator with a relative among the candidates never invigilates that candidate's rooms.
		List<Long> roomsOfRelative = jdbc.sql("""
				SELECT s.room_id FROM schedule_seat s WHERE s.plan_id = ? AND s.candidate_id = ?""")
			.params(plan, s.people().get(0).id()).query(Long.class).list();
		assertThat(jdbc.sql("SELECT count(*) FROM schedule_invigilation WHERE staff_id = ? AND room_id = ANY(?)")
			.params(s.conflicted().id(), roomsOfRelative.toArray(Long[]::new)).query(Long.class).single()).isZero();
		// 44 初级 in 一号机房 (30) and 二号机房 (14): 2 each; 实训室 with 44 at once: 3.
		assertThat(jdbc.sql("SELECT count(*) FROM schedule_invigilation WHERE plan_id = ?").param(plan)
			.query(Long.class).single()).isEqualTo(2 + 2 + 3 + 2 + 2);

		assertThat(org.post("/api/v1/schedule/" + plan + "/publish", Map.of()).body().path("sites").asInt()).isEqualTo(1);
		List<RecordView> records = enrollment.list(r.college(), EnrollmentManagement.RecordFilter.ofPlan(plan),
				PageQuery.of(1, 100)).items();
		assertThat(records).hasSize(96).allMatch(v -> v.status() == RecordStatus.SCHEDULED && v.ticketNumber() != null);

		ApiClient.Response roomsSeen = college.get("/api/v1/schedule/" + plan + "/sites/" + r.site().id() + "/rooms");
		assertThat(roomsSeen.status()).isEqualTo(200);
		assertThat(roomsSeen.body()).hasSize(5);
		assertThat(roomsSeen.body().get(0).path("seats").get(0).path("idNumberMasked").asString()).contains("*");

		// After publication a run leaves the published site alone.
		assertThat(org.post("/api/v1/schedule/" + plan + "/run", Map.of()).body().path("sites").asInt()).isZero();
		assertThat(seats(plan)).isEqualTo(first);

		// The materials: one zip with the site forms and, per room and slot, tickets, labels and sign-in sheets.
		Multipart download = new Multipart(port, r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		HttpResponse<byte[]> zip = download.download("/schedule/" + plan + "/sites/" + r.site().id() + "/materials.zip");
		assertThat(zip.statusCode()).isEqualTo(200);
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/schedule-materials.zip"), zip.body());
		List<String> entries = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.add(e.getName());
			}
		}
		assertThat(entries).anyMatch(e -> e.endsWith("准考证.pdf")).anyMatch(e -> e.endsWith("考场签到表.pdf"))
			.anyMatch(e -> e.contains("承诺书"));
		assertThat(entries.stream().filter(e -> e.endsWith("准考证.pdf"))).hasSizeGreaterThanOrEqualTo(2);

		// Each material also as its own PDF: the door label of the first room, a site form.
		var firstRoom = roomsSeen.body().get(0);
		HttpResponse<byte[]> door = download.download("/schedule/" + plan + "/sites/" + r.site().id()
				+ "/materials/DOOR_LABEL.pdf?roomId=" + firstRoom.path("roomId").asLong() + "&subjectId="
				+ firstRoom.path("planSubjectId").asLong());
		assertThat(door.statusCode()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(door.body())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(firstRoom.path("roomName").asString());
		}
		HttpResponse<byte[]> pledge = download.download("/schedule/" + plan + "/sites/" + r.site().id()
				+ "/materials/STAFF_PLEDGE.pdf");
		assertThat(pledge.statusCode()).isEqualTo(200);
		assertThat(new String(pledge.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void anotherOrgCannotSeeThePlanAndNothingRunsOutsideTheWindow() {
		ScheduleMother.Setup s = schedules.setup();
		long plan = s.r().plan().id();
		Scope other = world.scopeOf(world.account(cn.kaowu.platform.kernel.Role.ORG, world.trainingOrg()));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduling.run(other, plan, null))
			.isInstanceOf(cn.kaowu.platform.kernel.NotFoundProblem.class);
		clock.setInstant(s.r().plan().scheduling().closesAt());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduling.run(s.r().setting().orgScope(), plan, null))
			.isInstanceOfSatisfying(cn.kaowu.platform.kernel.DomainException.class,
					e -> assertThat(e.messageKey()).isEqualTo("schedule.error.windowClosed"));
	}

	private List<Map<String, Object>> seats(long plan) {
		return jdbc.sql("SELECT record_id, candidate_id, room_id, seat_number, ticket_number FROM schedule_seat WHERE plan_id = ? ORDER BY record_id")
			.param(plan).query().listOfRows();
	}
}
