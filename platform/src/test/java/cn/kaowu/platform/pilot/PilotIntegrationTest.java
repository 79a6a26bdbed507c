package cn.kaowu.platform.pilot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pilot workflow through the REST API on PostgreSQL: every transition and every refusal. */
@IntegrationTest
class PilotIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	PilotColleges colleges;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AdjustableClock clock;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	PilotMother mother;

	Setting s;

	ApiClient province;

	ApiClient city;

	ApiClient college;

	@BeforeEach
	void setUp() {
		mother = new PilotMother(world, pilot, catalog, clock);
		s = mother.setting();
		province = login(s.provinceAccount());
		city = login(s.cityAccount());
		college = login(s.collegeAccount());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	ApiClient login(AccountView account) {
		return new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
	}

	Map<String, Object> batchBody(String name, boolean city) {
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		return Map.of("name", name, "year", today.getYear(), "windowStart", today.minusDays(1) + "T00:00",
				"windowEnd", today.plusDays(1) + "T23:59", "majorsRequired", true, "cityApprovalRequired", city);
	}

	@Test
	void provincePublishesCollegeAppliesCityAndProvinceApprove() {
		var created = province.post("/api/v1/pilot/batches", batchBody(TestWorld.unique("批次"), true));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("status")).isEqualTo("DRAFT");
		long batchId = created.body().path("id").asLong();
		// A draft batch is the province's own: the college does not see it.
		assertThat(college.get("/api/v1/pilot/batches/" + batchId).status()).isEqualTo(404);
		assertThat(province.put("/api/v1/pilot/batches/" + batchId, batchBody("改名" + batchId, true)).status())
			.isEqualTo(200);
		assertThat(province.post("/api/v1/pilot/batches/" + batchId + "/publish", Map.of()).text("status"))
			.isEqualTo("PUBLISHED");
		var edit = province.put("/api/v1/pilot/batches/" + batchId, batchBody("再改", true));
		assertThat(edit.status()).isEqualTo(409);
		assertThat(edit.text("detail")).isEqualTo("申报批次当前状态为“已发布”，不能编辑");
		assertThat(province.delete("/api/v1/pilot/batches/" + batchId).status()).isEqualTo(409);

		var draft = college.post("/api/v1/pilot/applications", PilotMother.body(batchId, s.certificate().id()));
		assertThat(draft.status()).isEqualTo(201);
		long id = draft.body().path("id").asLong();
		assertThat(draft.text("status")).isEqualTo("DRAFT");
		assertThat(draft.body().path("majors").get(0).path("code").asString()).isEqualTo("530701");
		// Drafts stay with the college.
		assertThat(province.get("/api/v1/pilot/applications/" + id).status()).isEqualTo(404);

		assertThat(college.post("/api/v1/pilot/applications/" + id + "/submit", Map.of()).text("status"))
			.isEqualTo("SUBMITTED");
		var early = province.post("/api/v1/pilot/applications/" + id + "/approve", Map.of("approvedTrainees", 100));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("detail")).isEqualTo("该申报须先经地市教育局初审通过，省级才能审核");
		assertThat(college.put("/api/v1/pilot/applications/" + id, PilotMother.body(batchId, s.certificate().id()))
			.text("detail")).isEqualTo("试点申报当前状态为“待审核”，不能编辑");
		assertThat(college.delete("/api/v1/pilot/applications/" + id).status()).isEqualTo(409);

		assertThat(city.post("/api/v1/pilot/applications/" + id + "/city-approve", Map.of()).text("status"))
			.isEqualTo("CITY_APPROVED");
		assertThat(city.post("/api/v1/pilot/applications/" + id + "/approve", Map.of("approvedTrainees", 1)).status())
			.isEqualTo(403);
		var tooMany = province.post("/api/v1/pilot/applications/" + id + "/approve", Map.of("approvedTrainees", 201));
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.fieldError("approvedTrainees")).isEqualTo("已批准培训人数须在 1～200（拟申报人数）之间");
		var approved = province.post("/api/v1/pilot/applications/" + id + "/approve", Map.of("approvedTrainees", 150));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(approved.body().path("approvedTrainees").asInt()).isEqualTo(150);
		assertThat(province.post("/api/v1/pilot/applications/" + id + "/reject", Map.of("reason", "迟了")).text("detail"))
			.isEqualTo("试点申报当前状态为“审核通过”，不能审核不通过");

		assertThat(colleges.isPilotCollege(s.college().id(), mother.year())).isTrue();
		assertThat(colleges.isPilotCollege(s.college().id(), mother.year() + 1)).isFalse();
		assertThat(colleges.approvedScale(s.college().id(), s.certificate().id(), mother.year())).isEqualTo(150);
		assertThat(colleges.approvedMajors(s.college().id(), mother.year()))
			.extracting(PilotApplicationView.Major::code)
			.containsExactly("530701");
		var status = college.get("/api/v1/pilot/colleges/" + s.college().id() + "/status?year=" + mother.year());
		assertThat(status.body().path("pilotCollege").asBoolean()).isTrue();

		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'PilotApplication' AND entity_id = ? ORDER BY seq")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("pilot.application.create", "pilot.application.submit",
					"pilot.application.cityApprove", "pilot.application.approve");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'PilotBatch' AND entity_id = ?")
			.param(String.valueOf(batchId))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void provinceRejectsWithAReasonWhenNoCityReviewIsNeeded() {
		PilotBatchView batch = mother.openBatch(s, false);
		long id = college.post("/api/v1/pilot/applications", PilotMother.body(batch.id(), s.certificate().id()))
			.body()
			.path("id")
			.asLong();
		college.post("/api/v1/pilot/applications/" + id + "/submit", Map.of());
		var cityTry = city.post("/api/v1/pilot/applications/" + id + "/city-approve", Map.of());
		assertThat(cityTry.status()).isEqualTo(409);
		assertThat(cityTry.text("detail")).isEqualTo("“" + batch.name() + "”不需要地市教育局审批");
		var noReason = province.post("/api/v1/pilot/applications/" + id + "/reject", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.fieldError("reason")).isEqualTo("请填写不通过的原因");
		var rejected = province.post("/api/v1/pilot/applications/" + id + "/reject", Map.of("reason", "师资不足"));
		assertThat(rejected.text("status")).isEqualTo("REJECTED");
		assertThat(rejected.text("rejectReason")).isEqualTo("师资不足");
		assertThat(colleges.isPilotCollege(s.college().id(), mother.year())).isFalse();
		// The college is told: the inbox row is written after the commit.
		awaitNotice(s.college().id(), "notice.pilot.rejected");
	}

	void awaitNotice(long organisationId, String key) {
		long deadline = System.currentTimeMillis() + 5000;
		while (jdbc.sql("SELECT count(*) FROM notification WHERE recipient_org_id = ? AND message_key = ?")
			.params(organisationId, key)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.currentTimeMillis()).as("notice " + key).isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Test
	void rolesAndScopesAreEnforced() {
		PilotBatchView batch = mother.openBatch(s, false);
		assertThat(college.post("/api/v1/pilot/batches", batchBody("学校批次", false)).status()).isEqualTo(403);
		assertThat(province.post("/api/v1/pilot/applications", PilotMother.body(batch.id(), s.certificate().id()))
			.status()).isEqualTo(403);
		long id = college.post("/api/v1/pilot/applications", PilotMother.body(batch.id(), s.certificate().id()))
			.body()
			.path("id")
			.asLong();
		// The same certificate twice in one batch.
		var twice = college.post("/api/v1/pilot/applications", PilotMother.body(batch.id(), s.certificate().id()));
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.fieldError("certificateId")).isEqualTo("本院校在“" + batch.name() + "”中已申报过该证书");

		// Another college of the same province: 404 for the application, like a missing id.
		ApiClient other = login(world.account(Role.COLLEGE_ADMIN,
				world.org(cn.kaowu.platform.org.OrganisationType.COLLEGE, TestWorld.unique("学院"), s.province().id(),
						null)));
		assertThat(other.get("/api/v1/pilot/applications/" + id).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/pilot/applications/" + id + "/submit", Map.of()).status()).isEqualTo(404);
		assertThat(other.delete("/api/v1/pilot/applications/" + id).status()).isEqualTo(404);

		// Another province: neither its batch nor its province's applications.
		Setting elsewhere = mother.setting();
		ApiClient foreignCollege = login(elsewhere.collegeAccount());
		var foreign = foreignCollege.post("/api/v1/pilot/applications",
				PilotMother.body(batch.id(), s.certificate().id()));
		assertThat(foreign.status()).isEqualTo(404);
		college.post("/api/v1/pilot/applications/" + id + "/submit", Map.of());
		ApiClient foreignProvince = login(elsewhere.provinceAccount());
		assertThat(foreignProvince.post("/api/v1/pilot/applications/" + id + "/approve", Map.of("approvedTrainees", 1))
			.status()).isEqualTo(404);
		assertThat(foreignProvince.get("/api/v1/pilot/applications?batchId=" + batch.id()).body().path("total").asLong())
			.isZero();
		assertThat(province.get("/api/v1/pilot/applications?batchId=" + batch.id()).body().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void majorsAreRequiredWhenTheBatchSaysSo() {
		PilotBatchView batch = mother.openBatch(s, false);
		var body = new java.util.HashMap<>(PilotMother.body(batch.id(), s.certificate().id()));
		body.put("majors", List.of(Map.of("name", "电子商务", "code", "5307")));
		var badCode = college.post("/api/v1/pilot/applications", body);
		assertThat(badCode.fieldError("majors[0].code")).isEqualTo("专业代码须为 6 位数字，例如 530701");
		body.put("majors", List.of());
		assertThat(college.post("/api/v1/pilot/applications", body).fieldError("majors"))
			.isEqualTo("本批次要求按专业填报，请至少填写一个专业");
	}

	@Test
	void submittingIsRefusedOutsideTheWindowToTheSecond() {
		LocalDateTime start = LocalDateTime.of(2030, 4, 1, 0, 0);
		LocalDateTime end = LocalDateTime.of(2030, 4, 4, 23, 59);
		clock.setInstant(start.minusDays(10).atZone(AdjustableClock.CHINA).toInstant());
		PilotBatchView batch = pilot.publishBatch(s.provinceScope(), pilot.createBatch(s.provinceScope(),
				PilotBatchForm.of(TestWorld.unique("批次"), 2030, start, end, true, false)).id());
		long a = pilot.createApplication(s.collegeScope(), mother.form(batch.id(), s.certificate().id()), List.of()).id();
		long b = pilot.createApplication(s.collegeScope(), mother.form(batch.id(), mother.certificate(s.orgScope()).id()),
				List.of()).id();

		clock.setInstant(start.minusSeconds(1).atZone(AdjustableClock.CHINA).toInstant());
		// Bearer tokens live 12 hours: log in again after each jump of the clock.
		college = login(s.collegeAccount());
		var before = college.post("/api/v1/pilot/applications/" + a + "/submit", Map.of());
		assertThat(before.status()).isEqualTo(409);
		assertThat(before.text("detail"))
			.isEqualTo("“" + batch.name() + "”尚未开始申报，申报时间为 2030-04-01 00:00 ~ 2030-04-04 23:59");
		clock.setInstant(start.atZone(AdjustableClock.CHINA).toInstant());
		assertThat(college.post("/api/v1/pilot/applications/" + a + "/submit", Map.of()).text("status"))
			.isEqualTo("SUBMITTED");

		clock.setInstant(end.plusSeconds(60).atZone(AdjustableClock.CHINA).toInstant());
		college = login(s.collegeAccount());
		var after = college.post("/api/v1/pilot/applications/" + b + "/submit", Map.of());
		assertThat(after.status()).isEqualTo(409);
		assertThat(after.text("detail"))
			.isEqualTo("“" + batch.name() + "”的申报时间已结束（2030-04-01 00:00 ~ 2030-04-04 23:59），不能再提交");
		clock.setInstant(end.plusSeconds(59).atZone(AdjustableClock.CHINA).toInstant());
		assertThat(college.post("/api/v1/pilot/applications/" + b + "/submit", Map.of()).text("status"))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void attachmentsAreCheckedByContentAndSize() {
		PilotBatchView batch = mother.openBatch(s, false);
		byte[] pdf;
		try (PdfCanvas canvas = PdfCanvas.create("佐证")) {
			canvas.newPage(PdfCanvas.A4);
			canvas.text("佐证材料", 20, 20, 12);
			pdf = canvas.toBytes();
		}
		PilotApplicationView a = pilot.createApplication(s.collegeScope(),
				mother.form(batch.id(), s.certificate().id()), List.of(new PilotUpload("师资证明.pdf", pdf)));
		assertThat(a.attachments()).extracting(PilotApplicationView.Attachment::name).containsExactly("师资证明.pdf");
		assertThat(pilot.attachment(s.collegeScope(), a.id(), a.attachments().getFirst().id()).content())
			.isEqualTo(pdf);

		byte[] text = "这不是 PDF".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> pilot.addAttachments(s.collegeScope(), a.id(), List.of(new PilotUpload("假.pdf", text))))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.wrongType"));
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(pdf, 0, big, 0, pdf.length);
		assertThatThrownBy(() -> pilot.addAttachments(s.collegeScope(), a.id(), List.of(new PilotUpload("大.pdf", big))))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.tooLarge"));
		assertThat(pilot.getApplication(s.collegeScope(), a.id()).attachments()).hasSize(1);
		assertThat(pilot.listApplications(s.provinceScope(), PilotManagement.ApplicationFilter.none(),
				PageQuery.of(1, 10)).items()).noneMatch(x -> x.id() == a.id());
	}
}
