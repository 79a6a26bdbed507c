package cn.kaowu.platform.room;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.calendar.WorkingCalendar;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.staff.Major;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffView;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Rooms and invigilators against the real database: the API, the edit rules per state, copy, import, scope. */
@IntegrationTest
class RoomIntegrationTest {

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
	PlanManagement plans;

	@Autowired
	StaffManagement staff;

	@Autowired
	RoomManagement rooms;

	@Autowired
	InvigilatorManagement invigilators;

	@Autowired
	ExamRooms examRooms;

	@Autowired
	Invigilators approvedInvigilators;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Jobs jobs;

	@Autowired
	AuditLog audit;

	@Autowired
	AdjustableClock clock;

	RoomMother mother;

	RoomMother.World w;

	PlanView plan;

	ApiClient college;

	@BeforeEach
	void setting() {
		mother = new RoomMother(world, pilot, catalog, sites, checklists, plans, staff, clock);
		w = mother.world();
		plan = mother.publishedPlan(w);
		college = new ApiClient(port).login(w.s().collegeAccount().username(), TestWorld.PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long theory() {
		return plan.subjects().get(0).id();
	}

	long practical() {
		return plan.subjects().get(1).id();
	}

	String rooms() {
		return "/api/v1/rooms?planId=" + plan.id() + "&siteId=" + w.site().id();
	}

	static Map<String, Object> body(String name, int seats, long... subjects) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("address", "江苏省南京市栖霞区");
		body.put("detailAddress", "明德楼");
		body.put("seats", seats);
		body.put("subjectIds", java.util.Arrays.stream(subjects).boxed().toList());
		return body;
	}

	@Test
	void theCollegeSetsRoomsBeforeSchedulingOnlyRaisesSeatsDuringAndNothingAfter() {
		var refused = college.post(rooms(), body(" ", 0));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("name")).isEqualTo("请填写考场名称");
		assertThat(refused.fieldError("seats")).isEqualTo("考位数须为 1 到 200 之间的整数");
		assertThat(refused.fieldError("subjectIds")).isEqualTo("请选择考试科目");

		var created = college.post(rooms(), body("明德楼 301 机房", 40, theory()));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.text("type")).isEqualTo("COMPUTER");
		assertThat(created.text("state")).isEqualTo("NOT_SCHEDULED");
		assertThat(created.body().path("invigilatorsRequired").asInt()).isEqualTo(2);
		long id = created.body().path("id").asLong();
		assertThat(college.post(rooms(), body("明德楼 301 机房", 10, theory())).fieldError("name"))
			.isEqualTo("本计划在该站点已有名为“明德楼 301 机房”的考场");

		var mixed = college.put("/api/v1/rooms/" + id, body("明德楼 302 机房", 45, theory(), practical()));
		assertThat(mixed.status()).isEqualTo(200);
		assertThat(mixed.text("type")).isEqualTo("MIXED");
		assertThat(mixed.body().path("invigilatorsRequired").asInt()).isEqualTo(3);
		long spare = college.post(rooms(), body("备用机房", 20, practical())).body().path("id").asLong();
		assertThat(college.delete("/api/v1/rooms/" + spare).status()).isEqualTo(204);

		// 排考中: first second of the window. Tokens live 12 hours: act through the service from here.
		clock.setInstant(plan.scheduling().opensAt());
		Scope c = w.s().collegeScope();
		assertThat(rooms.get(c, id).state()).isEqualTo(RoomState.SCHEDULING);
		RoomForm rename = RoomForm.of("新名字", "江苏省南京市栖霞区", "明德楼", 45, List.of(theory(), practical()));
		assertThatThrownBy(() -> rooms.update(c, id, rename)).isInstanceOfSatisfying(InvalidInputProblem.class,
				e -> assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::field)
					.containsExactly("name"));
		RoomForm fewer = RoomForm.of("明德楼 302 机房", "江苏省南京市栖霞区", "明德楼", 44, List.of(theory(), practical()));
		assertThatThrownBy(() -> rooms.update(c, id, fewer)).isInstanceOfSatisfying(InvalidInputProblem.class,
				e -> assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::messageKey)
					.containsExactly("room.seats.noDecrease"));
		RoomForm more = RoomForm.of("明德楼 302 机房", "江苏省南京市栖霞区", "明德楼", 46, List.of(theory(), practical()));
		assertThat(rooms.update(c, id, more).seats()).isEqualTo(46);
		assertThatThrownBy(() -> rooms.delete(c, id)).isInstanceOf(DomainException.class)
			.hasMessage("room.error.notDeletable");
		assertThatThrownBy(() -> rooms.create(c, plan.id(), w.site().id(), RoomForm.of("x", "y", null, 5, List.of(theory()))))
			.hasMessage("room.error.addClosed");

		// Last second of the window still counts; the next one ends it.
		clock.setInstant(plan.scheduling().closesAt().minusSeconds(1));
		more.setSeats(47);
		assertThat(rooms.update(c, id, more).seats()).isEqualTo(47);
		clock.setInstant(plan.scheduling().closesAt());
		more.setSeats(48);
		assertThat(rooms.get(c, id).state()).isEqualTo(RoomState.ENDED);
		assertThatThrownBy(() -> rooms.update(c, id, more)).hasMessage("room.error.ended");

		assertThat(audit.list(Scope.system(), "Room", Long.toString(id), PageQuery.of(1, 20)).items())
			.extracting(e -> e.action())
			.contains("room.create", "room.update");
		assertThat(examRooms.roomsOf(plan.id(), w.site().id())).extracting(RoomView::name, RoomView::seats)
			.containsExactly(tuple("明德楼 302 机房", 47));
		assertThat(examRooms.roomsOfPlan(plan.id())).hasSize(1);
	}

	@Test
	void otherCollegesAndOrgsGet404TheOwningOrgAndProvinceRead() {
		long id = college.post(rooms(), body("一号机房", 30, theory())).body().path("id").asLong();
		Scope other = w.pilots().anotherCollege(w.s());
		assertThatThrownBy(() -> rooms.get(other, id)).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> rooms.list(other, plan.id(), w.site().id())).isInstanceOf(NotFoundProblem.class);
		var otherApi = new ApiClient(port).login(world.account(Role.COLLEGE_ADMIN,
				world.college(w.s().province())).username(), TestWorld.PASSWORD);
		assertThat(otherApi.get("/api/v1/rooms/" + id).status()).isEqualTo(404);
		assertThat(otherApi.put("/api/v1/rooms/" + id, body("x", 3, theory())).status()).isEqualTo(404);

		assertThat(rooms.list(w.s().orgScope(), plan.id(), w.site().id())).hasSize(1);
		assertThat(rooms.list(w.s().provinceScope(), plan.id(), w.site().id())).hasSize(1);
		assertThatThrownBy(() -> rooms.delete(w.s().orgScope(), id)).isInstanceOf(AccessDeniedProblem.class);
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> rooms.get(otherOrg, id)).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> rooms.get(w.s().cityScope(), id)).isInstanceOf(NotFoundProblem.class);

		// The pages too: the ORG and the province read the room list of the site, without the college's buttons.
		for (var reader : List.of(w.s().orgAccount(), w.s().provinceAccount())) {
			var web = new cn.kaowu.platform.WebSession(port);
			web.login(reader.username(), TestWorld.PASSWORD);
			var page = web.get("/rooms?planId=" + plan.id() + "&siteId=" + w.site().id());
			assertThat(page.status()).as(reader.username()).isEqualTo(200);
			assertThat(page.body()).contains("一号机房").doesNotContain("设置考场");
		}
	}

	@Test
	void roomsOfAnEarlierPlanAreCopiedBySubjectAndTheSeatsCoverTheRegistrations() {
		college.post(rooms(), body("一号机房", 30, theory()));
		college.post(rooms(), body("实训室", 20, theory(), practical()));
		PlanView next = mother.publishedPlan(w);
		Scope c = w.s().collegeScope();
		rooms.create(c, next.id(), w.site().id(), RoomForm.of("一号机房", "南京", null, 10, List.of(next.subjects().get(0).id())));
		assertThat(rooms.copySources(c, next.id(), w.site().id())).extracting(PlanView::id).containsExactly(plan.id());
		assertThat(rooms.copy(c, plan.id(), next.id(), w.site().id())).isEqualTo(1);
		RoomView copied = rooms.list(c, next.id(), w.site().id()).get(1);
		assertThat(copied.name()).isEqualTo("实训室");
		assertThat(copied.subjects()).extracting(RoomView.Subject::planSubjectId)
			.containsExactlyInAnyOrderElementsOf(next.subjects().stream().map(PlanSubjectView::id).toList());

		// 理论: 30 + 20 seats; 实操: 20 seats.
		var full = rooms.coverage(c, plan.id(), w.site().id(), Map.of(theory(), 50, practical(), 21));
		assertThat(full).extracting(SubjectCoverage::registrations, SubjectCoverage::seats, SubjectCoverage::shortfall,
				SubjectCoverage::ok)
			.containsExactly(tuple(50, 50, 0, true), tuple(21, 20, 1, false));
		// Without a registration at the site every slot needs 0 seats.
		assertThat(rooms.coverage(c, plan.id(), w.site().id())).extracting(SubjectCoverage::registrations)
			.containsOnly(0);
	}

	@Test
	void anImportStoresTheGoodRowsAndReportsTheBadOneByRowAndColumn() throws Exception {
		List<List<String>> rows = List.of(List.of("一号机房", "南京市栖霞区", "明德楼 301", "40", plan.subjects().get(0).code()),
				List.of("二号机房", "南京市栖霞区", "", "四十", "初级理论"),
				List.of("实训室", "南京市栖霞区", "", "30", "初级理论、初级实操"));
		byte[] file = Spreadsheets.sheet("考场", ImportRooms.COLUMNS.values().stream().map(h -> new Spreadsheets.Column(h, 12))
			.toList(), rows);
		Multipart upload = new Multipart(port, w.s().collegeAccount().username(), TestWorld.PASSWORD);
		var r = upload.post("/api/v1/rooms/import?planId=" + plan.id() + "&siteId=" + w.site().id(), Map.of(), "考场.xlsx",
				file);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
		JobView job = await(UUID.fromString(r.body().path("id").asString()));
		assertThat(job.succeeded()).isEqualTo(2);
		assertThat(job.failed()).isEqualTo(1);
		List<List<String>> report = report(job);
		assertThat(report.get(1).get(0)).isEqualTo("二号机房");
		assertThat(report.get(1).get(5)).isEqualTo("第 3 行，考位数：考位数须为整数（填写的是“四十”）");
		assertThat(rooms.list(w.s().collegeScope(), plan.id(), w.site().id())).extracting(RoomView::name, RoomView::type)
			.containsExactly(tuple("一号机房", RoomType.COMPUTER), tuple("实训室", RoomType.MIXED));
		assertThat(upload.download("/api/v1/rooms/template.xlsx").statusCode()).isEqualTo(200);
		assertThat(upload.download("/api/v1/rooms/export.xlsx?planId=" + plan.id() + "&siteId=" + w.site().id())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void invigilatorsAreSubmittedReviewedWithinTwoWorkingDaysAndFlaggedWhenLate() {
		Scope c = w.s().collegeScope();
		rooms.create(c, plan.id(), w.site().id(), RoomForm.of("一号机房", "南京", null, 41, List.of(theory())));
		StaffView zhou = mother.invigilator(c, "周婷", "计算机与软件学院", new Major("软件技术", "510203"));
		StaffView zheng = mother.invigilator(c, "郑浩", "电气工程学院");
		assertThat(invigilators.choices(c, plan.id(), w.site().id())).extracting(StaffView::id)
			.containsExactly(zhou.id(), zheng.id());

		Instant submitted = clock.instant();
		var response = college.post("/api/v1/rooms/invigilators",
				Map.of("planId", plan.id(), "siteId", w.site().id(), "staffIds", List.of(zhou.id(), zheng.id())));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		assertThat(college.post("/api/v1/rooms/invigilators",
				Map.of("planId", plan.id(), "siteId", w.site().id(), "staffIds", List.of(zhou.id())))
			.fieldError("staffIds")).isEqualTo("周婷已提交过");
		List<InvigilatorView> list = invigilators.list(c, plan.id(), w.site().id());
		assertThat(list).extracting(InvigilatorView::name, InvigilatorView::department, InvigilatorView::status,
				InvigilatorView::late)
			.containsExactly(tuple("周婷", "计算机与软件学院", InvigilatorStatus.PENDING, false),
					tuple("郑浩", "电气工程学院", InvigilatorStatus.PENDING, false));
		assertThat(list.get(0).reviewDue()).isEqualTo(calendar.deadline(list.get(0).submittedAt(), 2));
		assertThat(list.get(0).submittedAt()).isAfterOrEqualTo(submitted.minusSeconds(1));
		assertThat(list.get(0).majorsText()).isEqualTo("软件技术(510203)");

		long first = list.get(0).id();
		long second = list.get(1).id();
		assertThatThrownBy(() -> invigilators.approve(c, first)).isInstanceOf(AccessDeniedProblem.class);
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> invigilators.approve(otherOrg, first)).isInstanceOf(NotFoundProblem.class);
		Scope org = w.s().orgScope();
		assertThat(invigilators.approve(org, first).status()).isEqualTo(InvigilatorStatus.APPROVED);
		assertThatThrownBy(() -> invigilators.returnForChanges(org, second, " "))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().get(0).messageKey()).isEqualTo("room.invigilator.reason.required"));
		assertThat(invigilators.returnForChanges(org, second, "同专业任课老师，请更换").returnReason())
			.isEqualTo("同专业任课老师，请更换");
		assertThatThrownBy(() -> invigilators.approve(org, second)).hasMessage("error.illegalState");

		// 41 seats need 3 invigilators; 1 approved.
		var staffing = invigilators.staffing(c, plan.id(), w.site().id());
		assertThat(staffing).isEqualTo(new InvigilatorManagement.Staffing(1, 41, 3, 1, 0));
		assertThat(staffing.shortOfInvigilators()).isTrue();
		assertThat(approvedInvigilators.approved(plan.id(), w.site().id()))
			.extracting(InvigilatorView::staffId, InvigilatorView::department)
			.containsExactly(tuple(zhou.id(), "计算机与软件学院"));

		// Resubmitted and not reviewed in time: late in the ORG's queue.
		InvigilatorView again = invigilators.resubmit(c, second);
		assertThat(again.status()).isEqualTo(InvigilatorStatus.PENDING);
		clock.setInstant(again.reviewDue());
		assertThat(invigilators.reviewQueue(org, InvigilatorStatus.PENDING)).singleElement().satisfies(i -> {
			assertThat(i.id()).isEqualTo(second);
			assertThat(i.late()).isTrue();
		});
		clock.setInstant(again.reviewDue().minusSeconds(1));
		assertThat(invigilators.reviewQueue(org, null).get(0).late()).isFalse();
		assertThat(invigilators.reviewQueue(org, null)).hasSize(2);
		assertThatThrownBy(() -> invigilators.reviewQueue(c, null)).isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> invigilators.withdraw(c, first)).hasMessage("room.invigilator.approvedStays");
	}

	JobView await(UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(w.s().collegeScope(), id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	List<List<String>> report(JobView job) throws IOException {
		byte[] report = jobs.read(jobs.file(w.s().collegeScope(), job.id(), "report"));
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
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
