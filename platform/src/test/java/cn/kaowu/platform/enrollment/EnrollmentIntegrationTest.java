package cn.kaowu.platform.enrollment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.enrollment.EnrollmentMother.Ready;
import cn.kaowu.platform.job.JobState;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class EnrollmentIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	EnrollmentManagement enrollment;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@Autowired
	EnrollmentMother mother;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aSingleRegistrationMakesOneRecordPerSubjectAndGuardsTheCandidate() {
		Ready r = mother.ready(200);
		CandidateView c = mother.verified(r.college(), CandidateKind.COLLEGE, 0);
		ApiClient api = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);

		ApiClient.Response created = api.post("/api/v1/registrations", Map.of("planId", r.plan().id(), "candidateId",
				c.id(), "levelId", r.level(CertificateLevel.JUNIOR), "siteId", r.site().id()));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body()).hasSize(2);
		assertThat(created.body().get(0).path("status").asString()).isEqualTo("UNSCHEDULED");
		assertThat(created.body().get(0).path("idNumberMasked").asString()).contains("*").doesNotContain(
				mother.idNumber(c.id()));
		assertThat(candidates.get(r.college(), c.id()).registrations()).isEqualTo(1);

		// Twice is refused, in Chinese, naming the plan.
		ApiClient.Response again = api.post("/api/v1/registrations", Map.of("planId", r.plan().id(), "candidateId",
				c.id(), "levelId", r.level(CertificateLevel.INTERMEDIATE), "siteId", r.site().id()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("detail")).isEqualTo("该考生已报考“" + r.plan().name() + "”");

		// A registered candidate cannot be deleted, alone or in a batch (nothing is deleted then).
		assertThat(api.delete("/api/v1/candidates/" + c.id()).status()).isEqualTo(409);
		CandidateView free = mother.verified(r.college(), CandidateKind.COLLEGE, 2);
		ApiClient.Response batch = api.post("/api/v1/candidates/batch-delete", Map.of("ids", List.of(free.id(), c.id())));
		assertThat(batch.status()).isEqualTo(409);
		assertThat(batch.text("detail")).isEqualTo("考生“" + c.name() + "”已报考 1 个考核计划，不能删除（先删除其报考记录）");
		assertThat(api.get("/api/v1/candidates/" + free.id()).status()).isEqualTo(200);

		// An unverified candidate is refused naming the field.
		CandidateView unverified = mother.unverified(r.college(), CandidateKind.COLLEGE, 1);
		ApiClient.Response refused = api.post("/api/v1/registrations", Map.of("planId", r.plan().id(), "candidateId",
				unverified.id(), "levelId", r.level(CertificateLevel.JUNIOR), "siteId", r.site().id()));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("candidateId")).isEqualTo("考生信息尚未认证通过（当前状态：无照片），不能报考");
		assertThat(audit(r, "enrollment.register")).isEqualTo(1);
	}

	@Test
	void collegeCandidatesStopAtTheApprovedScaleSocialCandidatesDoNot() {
		Ready r = mother.ready(2);
		long level = r.level(CertificateLevel.JUNIOR);
		for (int i = 0; i < 2; i++) {
			CandidateView c = mother.verified(r.college(), CandidateKind.COLLEGE, i);
			enrollment.register(r.college(), RegistrationForm.of(r.plan().id(), c.id(), level, r.site().id()));
		}
		CandidateView third = mother.verified(r.college(), CandidateKind.COLLEGE, 2);
		assertThatThrownBy(() -> enrollment.register(r.college(),
				RegistrationForm.of(r.plan().id(), third.id(), level, r.site().id())))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.messageKey()).isEqualTo("enrollment.error.quota"));
		CandidateView social = mother.verified(r.college(), CandidateKind.SOCIAL, 3);
		assertThat(enrollment.register(r.college(), RegistrationForm.of(r.plan().id(), social.id(), level,
				r.site().id()))).hasSize(2);
		// A candidate already counted this year does not take a second place in another plan of the year.
		var second = mother.openPlan(r.setting());
		CandidateView counted = candidates.get(r.college(), jdbc
			.sql("SELECT candidate_id FROM registration_record WHERE plan_id = ? AND candidate_kind = 'COLLEGE' LIMIT 1")
			.param(r.plan().id()).query(Long.class).single());
		assertThat(enrollment.register(r.college(), RegistrationForm.of(second.id(), counted.id(),
				second.levels().getFirst().levelId(), r.site().id()))).hasSize(2);
	}

	@Test
	void theTemplateImportStoresGoodRowsReportsBadOnesAndTheSameFileAddsNothing() throws Exception {
		Ready r = mother.ready(200);
		SiteView borrowed = mother.otherCollegesSite(r.setting());
		String juniorCode = code(r, CertificateLevel.JUNIOR);
		String certificate = r.setting().certificate().name() + "职业技能等级证书";
		List<List<String>> rows = new ArrayList<>();
		List<CandidateView> good = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			CandidateView c = mother.verified(r.college(), i == 3 ? CandidateKind.SOCIAL : CandidateKind.COLLEGE, i);
			good.add(c);
			SiteView site = i == 2 ? borrowed : r.site();
			rows.add(List.of(c.name(), mother.idNumber(c.id()), i == 3 ? "社会考生" : "院校考生", juniorCode, certificate,
					"初级", site.code(), site.name()));
		}
		CandidateView unverified = mother.unverified(r.college(), CandidateKind.COLLEGE, 5);
		CandidateView other = mother.verified(r.college(), CandidateKind.COLLEGE, 6);
		String otherId = mother.idNumber(other.id());
		rows.add(List.of("某某", "110101200001010015", "院校考生", juniorCode, certificate, "初级", r.site().code(),
				r.site().name()));
		rows.add(List.of(unverified.name(), mother.idNumber(unverified.id()), "院校考生", juniorCode, certificate, "初级",
				r.site().code(), r.site().name()));
		rows.add(List.of("别名", otherId, "院校考生", juniorCode, certificate, "初级", r.site().code(), r.site().name()));
		rows.add(List.of(other.name(), otherId, "院校考生", "1500000000000000", certificate, "初级", r.site().code(),
				r.site().name()));
		rows.add(List.of(other.name(), otherId, "院校考生", juniorCode, certificate, "初级", "S-NONE", "无此站点"));
		rows.add(List.of(other.name(), otherId, "社会考生", juniorCode, certificate, "初级", r.site().code(),
				r.site().name()));
		rows.add(List.of(good.get(0).name(), mother.idNumber(good.get(0).id()), "院校考生", juniorCode, certificate, "初级",
				r.site().code(), r.site().name()));
		rows.add(List.of(other.name(), otherId, "院校考生", juniorCode, certificate, "中级", r.site().code(), ""));
		byte[] file = xlsx(rows);

		JobView first = runImport(r, file);
		assertThat(first.state()).as(first.message()).isEqualTo(JobState.SUCCEEDED);
		assertThat(first.succeeded()).isEqualTo(4);
		assertThat(first.failed()).isEqualTo(8);
		assertThat(first.message()).isEqualTo("导入完成：4 名考生报考成功（8 条报考记录），8 行失败，请下载失败记录查看原因");
		List<List<String>> report = report(r, first);
		assertThat(report.get(0)).containsExactly("*考生姓名", "*证件号码", "*考生类型", "*证书编号", "*报考证书", "*证书等级",
				"*考核站点编号", "*考核站点", "失败原因");
		assertThat(report.subList(1, report.size())).extracting(row -> row.get(8)).containsExactly(
				"证件号码：本校考生名单中没有此证件号码的考生，请先在“考生管理”中导入",
				"证件号码：考生信息尚未认证通过（当前状态：无照片），不能报考",
				"考生姓名：与考生管理中的姓名“" + other.name() + "”不一致",
				"证书编号：不是考核计划“" + r.plan().name() + "”中的证书等级",
				"考核站点编号：没有编号为“S-NONE”的考核站点",
				"考生类型：该考生在“院校考生”名单中，考生类型不一致",
				"与第 2 行是同一考生",
				"考核站点：必填");
		Scope college = r.college();
		var page = enrollment.list(college, EnrollmentManagement.RecordFilter.ofPlan(r.plan().id()), PageQuery.of(1, 50));
		assertThat(page.total()).isEqualTo(8);
		assertThat(page.items()).filteredOn(RecordView::borrowed).hasSize(2)
			.allMatch(v -> v.siteId() == borrowed.id());
		// The host college of the borrowed site sees the two records of the candidate sitting with it.
		Scope host = world.scopeOf(world.account(cn.kaowu.platform.kernel.Role.COLLEGE_ADMIN,
				world.orgById(borrowed.collegeId())));
		assertThat(enrollment.list(host, EnrollmentManagement.RecordFilter.ofPlan(r.plan().id()), PageQuery.of(1, 50))
			.total()).isEqualTo(2);
		assertThat(enrollments.recordsPerSubject(r.plan().id(), r.site().id()).values()).containsOnly(3);

		JobView again = runImport(r, file);
		assertThat(again.succeeded()).isZero();
		assertThat(report(r, again)).extracting(row -> row.get(8)).contains("该考生已报考“" + r.plan().name() + "”");
		assertThat(enrollment.list(college, EnrollmentManagement.RecordFilter.ofPlan(r.plan().id()), PageQuery.of(1, 1))
			.total()).isEqualTo(8);
	}

	@Test
	void anImportOverTheScaleStoresUpToItAndReportsTheRest() throws Exception {
		Ready r = mother.ready(3);
		String juniorCode = code(r, CertificateLevel.JUNIOR);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			CandidateView c = mother.verified(r.college(), CandidateKind.COLLEGE, i);
			rows.add(List.of(c.name(), mother.idNumber(c.id()), "院校考生", juniorCode, r.setting().certificate().name(),
					"初级", r.site().code(), r.site().name()));
		}
		JobView job = runImport(r, xlsx(rows));
		assertThat(job.succeeded()).isEqualTo(3);
		assertThat(report(r, job)).extracting(row -> row.get(8)).containsExactly("失败原因",
				"院校考生报考人数已达 " + r.plan().year() + " 年度试点规模 3 人（已报考 3 人），请按社会考生报考或联系省教育厅",
				"院校考生报考人数已达 " + r.plan().year() + " 年度试点规模 3 人（已报考 3 人），请按社会考生报考或联系省教育厅");
	}

	@Test
	void recordsAreDeletedOneByOneUntilRegistrationClosesThenNothingChanges() throws Exception {
		Ready r = mother.ready(200);
		CandidateView c = mother.verified(r.college(), CandidateKind.COLLEGE, 0);
		List<RecordView> records = enrollment.register(r.college(),
				RegistrationForm.of(r.plan().id(), c.id(), r.level(CertificateLevel.JUNIOR), r.site().id()));
		ApiClient api = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);

		// Another college cannot see or delete them.
		Scope stranger = new cn.kaowu.platform.pilot.PilotMother(world, pilot, catalog, clock)
			.anotherCollege(r.setting());
		assertThatThrownBy(() -> enrollment.get(stranger, records.get(0).id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> enrollment.delete(stranger, List.of(records.get(0).id())))
			.isInstanceOf(NotFoundProblem.class);

		assertThat(api.delete("/api/v1/registrations/" + records.get(0).id()).status()).isEqualTo(204);
		assertThat(candidates.get(r.college(), c.id()).registrations()).as("one record left").isEqualTo(1);

		clock.setInstant(r.plan().registration().closesAt());
		api = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		ApiClient.Response late = api.delete("/api/v1/registrations/" + records.get(1).id());
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.text("detail")).startsWith("报名已截止");
		Multipart upload = new Multipart(port, r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(upload.post("/api/v1/registrations/imports?planId=" + r.plan().id(), Map.of(), "报考.xlsx",
				xlsx(List.of())).status()).isEqualTo(409);

		clock.setInstant(r.plan().registration().closesAt().minusSeconds(1));
		api = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(api.delete("/api/v1/registrations/" + records.get(1).id()).status()).isEqualTo(204);
		assertThat(candidates.get(r.college(), c.id()).registrations()).isZero();
		assertThat(audit(r, "enrollment.delete")).isEqualTo(2);
	}

	@Test
	void theExportMasksIdNumbersAndTheFeesFollowTheProvinceOrTheDefault() throws Exception {
		Ready r = mother.ready(200);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			CandidateView c = mother.verified(r.college(), CandidateKind.COLLEGE, i);
			ids.add(c.id());
			enrollment.register(r.college(), RegistrationForm.of(r.plan().id(), c.id(),
					r.level(i < 2 ? CertificateLevel.JUNIOR : CertificateLevel.INTERMEDIATE), r.site().id()));
		}
		Multipart download = new Multipart(port, r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		var response = download.download("/api/v1/registrations/export?planId=" + r.plan().id());
		assertThat(response.statusCode()).isEqualTo(200);
		List<List<String>> sheet = read(response.body());
		assertThat(sheet.get(0)).containsExactlyElementsOf(EnrollmentManagement.EXPORT_HEADERS);
		assertThat(sheet).hasSize(7);
		for (long id : ids) {
			String number = mother.idNumber(id);
			assertThat(sheet).noneMatch(row -> String.join("|", row).contains(number));
		}
		assertThat(sheet.get(1).get(2)).matches("\\d{6}\\*{8}[0-9X]{4}");
		assertThat(sheet.subList(1, 7)).allMatch(row -> row.get(12).equals("未排考"));

		FeeStatement fees = enrollment.fees(r.college(), r.plan().id(), null);
		assertThat(fees.candidates()).isEqualTo(3);
		assertThat(fees.total()).isEqualByComparingTo(new BigDecimal("1120"));
		assertThat(fees.usesDefault()).isTrue();
		// The ORG of the plan reads it for the college; another college cannot.
		assertThat(enrollment.fees(r.setting().orgScope(), r.plan().id(), r.setting().college().id()).total())
			.isEqualByComparingTo(new BigDecimal("1120"));
		Scope stranger = new cn.kaowu.platform.pilot.PilotMother(world, pilot, catalog, clock)
			.anotherCollege(r.setting());
		assertThatThrownBy(() -> enrollment.fees(stranger, r.plan().id(), r.setting().college().id()))
			.isInstanceOf(NotFoundProblem.class);
	}

	// ---- helpers ----

	private String code(Ready r, CertificateLevel level) {
		return catalog.findLevel(r.level(level)).orElseThrow().code();
	}

	private long audit(Ready r, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND organisation_id = ?")
			.params(action, r.setting().college().id())
			.query(Long.class)
			.single();
	}

	static byte[] xlsx(List<List<String>> rows) {
		return Spreadsheets.sheet("报考", ImportRegistrations.COLUMNS.values().stream()
			.map(h -> new Spreadsheets.Column(h, 12)).toList(), rows);
	}

	JobView runImport(Ready r, byte[] file) throws InterruptedException {
		Multipart upload = new Multipart(port, r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		Multipart.Response response = upload.post("/api/v1/registrations/imports?planId=" + r.plan().id(), Map.of(),
				"报考.xlsx", file);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
		UUID id = UUID.fromString(response.body().path("id").asString());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(r.college(), id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	List<List<String>> report(Ready r, JobView job) throws IOException {
		return read(jobs.read(jobs.file(r.college(), job.id(), "report")));
	}

	static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(row.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
