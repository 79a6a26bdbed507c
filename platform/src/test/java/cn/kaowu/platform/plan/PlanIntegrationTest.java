package cn.kaowu.platform.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.notification.Inbox;
import cn.kaowu.platform.notification.InboxEntry;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteMother;
import cn.kaowu.platform.site.SiteView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Plans through the REST API against the real database: validation, scope, publishing, locking, audit. */
@IntegrationTest
class PlanIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	SiteManagement sites;

	@Autowired
	QualificationChecklists checklists;

	@Autowired
	ExamPlans examPlans;

	@Autowired
	PlanManagement plans;

	@Autowired
	AuditLog audit;

	@Autowired
	Inbox inbox;

	@Autowired
	AdjustableClock clock;

	Setting s;

	ApiClient org;

	/** Registration opens tomorrow at midnight. */
	LocalDate day;

	@BeforeEach
	void setting() {
		s = new PilotMother(world, pilot, catalog, clock).setting();
		org = new ApiClient(port).login(s.orgAccount().username(), TestWorld.PASSWORD);
		day = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).plusDays(1);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void createEditSetSubjectsPublishAndDeleteThroughTheApi() {
		Map<String, Object> bad = body("  ");
		bad.put("schedulingStart", at(day.plusDays(20).plusDays(7), "00:00"));
		bad.put("schedulingEnd", at(day.plusDays(35), "23:59"));
		bad.put("scoreRegistrationStart", at(day.plusDays(35), "23:59"));
		var refused = org.post("/api/v1/plans", bad);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("name")).isEqualTo("请填写计划名称");
		assertThat(refused.fieldError("schedulingStart")).isEqualTo("排考时间须在报名结束后一周内开始：报名结束于 "
				+ day.plusDays(19) + " 23:59，排考最迟 " + day.plusDays(26) + " 23:59 开始");
		assertThat(refused.fieldError("scoreRegistrationStart"))
			.isEqualTo("成绩登记时间须在排考时间结束（" + day.plusDays(35) + " 23:59）之后开始，两段时间不能重叠");

		Map<String, Object> noEnd = body("计划");
		noEnd.remove("publicationEnd");
		noEnd.put("registrationEnd", noEnd.get("registrationStart"));
		var missing = org.post("/api/v1/plans", noEnd);
		assertThat(missing.fieldError("publicationEnd")).isEqualTo("请填写成绩公示结束时间");
		assertThat(missing.fieldError("registrationEnd")).isEqualTo("报名结束时间须晚于报名开始时间");

		String name = TestWorld.unique("全国统考");
		var created = org.post("/api/v1/plans", body(name));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("status")).isEqualTo("DRAFT");
		assertThat(created.text("phase")).isEqualTo("NOT_STARTED");
		assertThat(created.body().path("registration").path("end").asString()).isEqualTo(day.plusDays(19) + "T23:59:00");
		long id = created.body().path("id").asLong();
		assertThat(org.post("/api/v1/plans", body(name)).fieldError("name")).isEqualTo("本机构已有同名的考核计划");

		Map<String, Object> renamed = body(name + "（修订）");
		var updated = org.put("/api/v1/plans/" + id, renamed);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.text("name")).isEqualTo(name + "（修订）");

		// Publishing needs subjects.
		assertThat(org.post("/api/v1/plans/" + id + "/publish", Map.of()).text("detail"))
			.isEqualTo("考核计划尚未设置任何科目，不能发布");

		LevelView junior = level(CertificateLevel.JUNIOR);
		LocalDate examDay = day.plusDays(28);
		var slotInScheduling = org.put("/api/v1/plans/" + id + "/subjects",
				Map.of("subjects", List.of(row(junior.subjects().get(0).id(), day.plusDays(26), "14:00", "15:00"))));
		assertThat(slotInScheduling.status()).isEqualTo(422);
		assertThat(slotInScheduling.fieldError("subjects[0].examDate")).isEqualTo("科目“" + junior.displayName()
				+ " 理论”的考试时间须在排考时间结束（" + day.plusDays(26) + " 23:59）之后、成绩登记时间开始（" + day.plusDays(30)
				+ " 00:00）之前");
		var endBeforeStart = org.put("/api/v1/plans/" + id + "/subjects",
				Map.of("subjects", List.of(row(junior.subjects().get(0).id(), examDay, "15:00", "14:00"))));
		assertThat(endBeforeStart.fieldError("subjects[0].endTime"))
			.isEqualTo("科目“" + junior.displayName() + " 理论”的结束时间须晚于开始时间");
		var foreign = org.put("/api/v1/plans/" + id + "/subjects",
				Map.of("subjects", List.of(row(999_999_999L, examDay, "14:00", "15:00"))));
		assertThat(foreign.fieldError("subjects[0].subjectId"))
			.isEqualTo("该科目不属于证书“" + s.certificate().name() + "”或已停用");

		Map<String, Object> theory = row(junior.subjects().get(0).id(), examDay, "14:00", "15:00");
		theory.put("code", "491217");
		Map<String, Object> practice = row(junior.subjects().get(1).id(), examDay, "15:30", "17:00");
		practice.put("passMark", 70);
		practice.put("examMode", "COMPUTER_PRACTICAL");
		var withSubjects = org.put("/api/v1/plans/" + id + "/subjects", Map.of("subjects", List.of(theory, practice)));
		assertThat(withSubjects.status()).isEqualTo(200);
		assertThat(withSubjects.body().path("subjects")).hasSize(2);

		List<PlanSubjectView> subjects = examPlans.subjectsOf(id, junior.id());
		assertThat(subjects).extracting(PlanSubjectView::code, PlanSubjectView::passMark, PlanSubjectView::slot)
			.containsExactly(tuple("491217", 60, examDay + " 14:00-15:00"),
					tuple(junior.subjects().get(1).code(), 70, examDay + " 15:30-17:00"));
		assertThat(examPlans.levelsInPlan(id)).extracting(PlanLevel::level).containsExactly(CertificateLevel.JUNIOR);
		assertThat(examPlans.subjectsOf(id, level(CertificateLevel.INTERMEDIATE).id())).isEmpty();

		// Scope: another ORG does not see it; a college may not create; a college does not see drafts.
		OrgClient other = otherOrg();
		assertThat(other.api().get("/api/v1/plans/" + id).status()).isEqualTo(404);
		assertThat(other.api().put("/api/v1/plans/" + id, renamed).status()).isEqualTo(404);
		ApiClient college = new ApiClient(port).login(s.collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(college.post("/api/v1/plans", body("院校的计划")).status()).isEqualTo(403);
		assertThat(college.get("/api/v1/plans/" + id).status()).isEqualTo(404);

		var published = org.post("/api/v1/plans/" + id + "/publish", Map.of());
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.text("status")).isEqualTo("PUBLISHED");
		assertThat(college.get("/api/v1/plans/" + id).status()).isEqualTo(200);
		assertThat(college.post("/api/v1/plans/" + id + "/publish", Map.of()).status()).isEqualTo(403);
		assertThat(org.post("/api/v1/plans/" + id + "/publish", Map.of()).text("detail"))
			.isEqualTo("考核计划当前状态为“已发布”，不能发布");
		assertThat(org.delete("/api/v1/plans/" + id).text("detail")).isEqualTo("考核计划当前状态为“已发布”，不能删除");

		// Filters: by certificate and phase (the clock says registration has not started).
		var listed = college.get("/api/v1/plans?certificateId=" + s.certificate().id() + "&phase=NOT_STARTED");
		assertThat(listed.body().path("items").findValuesAsString("name")).containsExactly(name + "（修订）");
		assertThat(college.get("/api/v1/plans?certificateId=" + s.certificate().id() + "&phase=REGISTRATION")
			.body()
			.path("total")
			.asLong()).isZero();

		assertThat(audit.list(Scope.system(), "ExamPlan", Long.toString(id), PageQuery.of(1, 20)).items())
			.extracting(e -> e.action())
			.containsExactlyInAnyOrder("plan.create", "plan.update", "plan.subjects", "plan.publish");

		var draft = org.post("/api/v1/plans", body(TestWorld.unique("草稿")));
		long draftId = draft.body().path("id").asLong();
		assertThat(org.delete("/api/v1/plans/" + draftId).status()).isEqualTo(204);
		assertThat(org.get("/api/v1/plans/" + draftId).status()).isEqualTo(404);
		assertThat(audit.list(Scope.system(), "ExamPlan", Long.toString(draftId), PageQuery.of(1, 20)).items())
			.extracting(e -> e.action())
			.containsExactlyInAnyOrder("plan.create", "plan.delete");
	}

	@Test
	void onceRegistrationHasOpenedWindowsAndSubjectsAreLocked() {
		String name = TestWorld.unique("统考");
		long id = org.post("/api/v1/plans", body(name)).body().path("id").asLong();
		LevelView junior = level(CertificateLevel.JUNIOR);
		org.put("/api/v1/plans/" + id + "/subjects",
				Map.of("subjects", List.of(row(junior.subjects().get(0).id(), day.plusDays(28), "14:00", "15:00"))));
		org.post("/api/v1/plans/" + id + "/publish", Map.of());

		// Published but registration not yet open: still editable.
		Map<String, Object> later = body(name);
		later.put("registrationEnd", at(day.plusDays(19), "12:00"));
		assertThat(org.put("/api/v1/plans/" + id, later).status()).isEqualTo(200);

		clock.setInstant(day.atStartOfDay(AdjustableClock.CHINA).toInstant());
		// Up to a day later by the clock: a new token (the first may have expired, depending on the time of day).
		org = new ApiClient(port).login(s.orgAccount().username(), TestWorld.PASSWORD);
		assertThat(examPlans.phaseAt(id, clock.instant())).isEqualTo(PlanPhase.REGISTRATION);
		assertThat(examPlans.require(id).isRegistrationOpen(clock.instant())).isTrue();
		String window = day + " 00:00 ~ " + day.plusDays(19) + " 12:00";
		var refused = org.put("/api/v1/plans/" + id, body(name));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("detail")).isEqualTo("报名时间（" + window + "）已开始，考核计划的时间与科目不能再修改");
		assertThat(org.put("/api/v1/plans/" + id + "/subjects", Map.of("subjects", List.of())).text("detail"))
			.isEqualTo("报名时间（" + window + "）已开始，考核计划的时间与科目不能再修改");
		assertThat(org.post("/api/v1/plans/" + id + "/archive", Map.of()).text("detail"))
			.startsWith("成绩公示时间（");

		// At the end of publication scores lock and the plan can be archived.
		PlanView plan = examPlans.require(id);
		clock.setInstant(plan.publication().closesAt().minusSeconds(1));
		assertThat(examPlans.require(id).scoresLocked(clock.instant())).isFalse();
		assertThat(examPlans.require(id).phase()).isEqualTo(PlanPhase.PUBLICATION);
		clock.setInstant(plan.publication().closesAt());
		assertThat(examPlans.require(id).scoresLocked(clock.instant())).isTrue();
		// Tokens live 12 hours and the clock jumped weeks ahead: act through the service.
		assertThat(plans.archive(s.orgScope(), id).status()).isEqualTo(PlanStatus.ARCHIVED);
		assertThat(audit.list(Scope.system(), "ExamPlan", Long.toString(id), PageQuery.of(1, 20)).items())
			.extracting(e -> e.action())
			.contains("plan.archive");
	}

	@Test
	void publishingTellsTheCollegesWithAnApprovedSite() throws Exception {
		PilotMother mother = new PilotMother(world, pilot, catalog, clock);
		mother.approvedPilot(s, s.collegeScope(), s.certificate());
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		SiteView applied = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		sites.submit(s.collegeScope(), applied.id());
		sites.approve(s.orgScope(), applied.id(), SiteMother.allMet(checklists.of(s.orgScope(), s.certificate().id())));

		String name = TestWorld.unique("统考");
		long id = org.post("/api/v1/plans", body(name)).body().path("id").asLong();
		org.put("/api/v1/plans/" + id + "/subjects", Map.of("subjects",
				List.of(row(level(CertificateLevel.JUNIOR).subjects().get(0).id(), day.plusDays(28), "14:00", "15:00"))));
		assertThat(org.post("/api/v1/plans/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		awaitNotice(s.collegeScope(), "新的考核计划：" + name);
		assertThat(examPlans.published(s.certificate().id())).extracting(PlanView::id).containsExactly(id);
	}

	/**
	 * Registration day+0 00:00 ~ day+19 23:59, scheduling day+20 ~ day+26, score registration day+30 ~ day+40,
	 * publication day+41 ~ day+47.
	 */
	private Map<String, Object> body(String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("year", day.getYear());
		body.put("certificateId", s.certificate().id());
		body.put("registrationStart", at(day, "00:00"));
		body.put("registrationEnd", at(day.plusDays(19), "23:59"));
		body.put("schedulingStart", at(day.plusDays(20), "00:00"));
		body.put("schedulingEnd", at(day.plusDays(26), "23:59"));
		body.put("scoreRegistrationStart", at(day.plusDays(30), "00:00"));
		body.put("scoreRegistrationEnd", at(day.plusDays(40), "23:59"));
		body.put("publicationStart", at(day.plusDays(41), "00:00"));
		body.put("publicationEnd", at(day.plusDays(47), "23:59"));
		return body;
	}

	private static Map<String, Object> row(long subjectId, LocalDate date, String start, String end) {
		Map<String, Object> row = new HashMap<>();
		row.put("subjectId", subjectId);
		row.put("examDate", date.toString());
		row.put("startTime", start);
		row.put("endTime", end);
		return row;
	}

	private static String at(LocalDate date, String time) {
		return LocalDateTime.of(date, LocalTime.parse(time)).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private LevelView level(CertificateLevel kind) {
		CertificateView certificate = catalog.getCertificate(s.orgScope(), s.certificate().id());
		return certificate.levels().stream().filter(l -> l.level() == kind).findFirst().orElseThrow();
	}

	record OrgClient(ApiClient api) {
	}

	private OrgClient otherOrg() {
		var account = world.account(Role.ORG, world.trainingOrg());
		return new OrgClient(new ApiClient(port).login(account.username(), TestWorld.PASSWORD));
	}

	private void awaitNotice(Scope scope, String titlePart) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (inbox.list(scope, PageQuery.of(1, 50)).items().stream().map(InboxEntry::title)
			.noneMatch(t -> t.contains(titlePart))) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("no notice containing " + titlePart);
			}
			Thread.sleep(100);
		}
	}
}
