package cn.kaowu.platform.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * World → a result package with practical work accepted → tasks → two graders mark, one task beyond the threshold →
 * a third grader → finals in {@link ResultIntake#subjectResults}; anonymity, scope, voiding and a later sequence.
 */
@IntegrationTest
class GradingIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	Delivery delivery;

	@Autowired
	ResultIntake intake;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoGradersMarkADisagreementGoesToAThirdAndTheFinalReachesTheSubjectResults() throws Exception {
		GradingMother mother = new GradingMother(schedules, scheduling, bank, delivery, intake, clock);
		GradingMother.World w = mother.world();
		assertThat(jdbc.sql("SELECT count(*) FROM grading_paper_item WHERE exam_package_id = ? AND item_id = ?")
			.params(w.packageId(), w.itemId()).query(Long.class).single()).as("every paper's practical item is known")
			.isEqualTo(w.seats().size());
		var a = w.seats().get(0);
		var b = w.seats().get(1);
		var absent = w.seats().get(2);
		byte[] work = "PNG-bytes-of-the-work".getBytes();
		var accepted = mother.upload(w, 1, List.of(
				GradingMother.candidate(a.ticketNumber(), true, w.itemId(), Map.of(a.name() + "-作品.png", work)),
				GradingMother.candidate(b.ticketNumber(), true, w.itemId(), Map.of()),
				GradingMother.candidate(absent.ticketNumber(), false, w.itemId(), Map.of())));
		assertThat(accepted.status()).isEqualTo(ResultIntake.Status.ACCEPTED);
		Map<String, String> codes = new java.util.HashMap<>();
		jdbc.sql("SELECT ticket_number, code FROM grading_task WHERE exam_package_id = ?").param(w.packageId())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
			.forEach(e -> codes.put(e.getKey(), e.getValue()));
		assertThat(codes).as("a task per candidate who sat, with or without a file").containsOnlyKeys(a.ticketNumber(),
				b.ticketNumber());
		assertThat(codes.get(a.ticketNumber())).matches("[A-Z2-9]{8}");

		// The ORG assigns three graders of its own; a grader of another ORG is refused; another ORG sees nothing.
		var org = w.setup().r().setting().org();
		AccountView g1 = world.account(Role.GRADER, org);
		AccountView g2 = world.account(Role.GRADER, org);
		AccountView g3 = world.account(Role.GRADER, org);
		AccountView idle = world.account(Role.GRADER, org);
		AccountView foreign = world.account(Role.GRADER, world.trainingOrg());
		ApiClient orgApi = new ApiClient(port).login(w.setup().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		String subjectPath = "/api/v1/grading/plans/" + w.planId() + "/subjects/" + w.practice().id();
		ApiClient.Response refused = orgApi.put(subjectPath,
				Map.of("graderIds", List.of(g1.id(), foreign.id()), "thresholdPercent", 10));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("graderIds")).contains("不是本组织的考评员");
		ApiClient.Response assigned = orgApi.put(subjectPath,
				Map.of("graderIds", List.of(g1.id(), g2.id(), g3.id()), "thresholdPercent", 10));
		assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
		assertThat(assigned.body().path("graders")).hasSize(3);
		ApiClient otherOrg = new ApiClient(port).login(world.account(Role.ORG, world.trainingOrg()).username(),
				TestWorld.PASSWORD);
		assertThat(otherOrg.get("/api/v1/grading/plans/" + w.planId()).status()).isEqualTo(404);
		assertThat(otherOrg.put(subjectPath, Map.of("graderIds", List.of(), "thresholdPercent", 10)).status())
			.isEqualTo(404);

		// A grader not assigned to the subject gets nothing; the assigned ones claim anonymised tasks.
		ApiClient idleApi = new ApiClient(port).login(idle.username(), TestWorld.PASSWORD);
		assertThat(idleApi.post("/api/v1/grading/claim", Map.of()).status()).isEqualTo(204);
		assertThat(idleApi.get("/api/v1/grading/tasks/" + codes.get(a.ticketNumber())).status()).isEqualTo(404);
		ApiClient api1 = new ApiClient(port).login(g1.username(), TestWorld.PASSWORD);
		ApiClient api2 = new ApiClient(port).login(g2.username(), TestWorld.PASSWORD);
		ApiClient api3 = new ApiClient(port).login(g3.username(), TestWorld.PASSWORD);
		assertThat(api1.post("/api/v1/grading/tasks/" + codes.get(a.ticketNumber()) + "/marks",
				Map.of("scores", List.of(1, 1))).status()).as("an unclaimed task is not the grader's").isEqualTo(404);

		ApiClient.Response first = api1.post("/api/v1/grading/claim", Map.of());
		assertThat(first.status()).isEqualTo(200);
		assertThat(api1.post("/api/v1/grading/claim", Map.of()).text("code")).as("the held task comes back")
			.isEqualTo(first.text("code"));
		assertAnonymous(first.body().toString(), a, b, w);
		assertThat(first.body().path("rubric")).hasSize(2);
		assertThat(first.body().path("rubric").get(0).path("text").asString()).isEqualTo("作品完整");

		// Criterion by criterion: out of range, not a half point, missing — each named.
		ApiClient.Response bad = api1.post("/api/v1/grading/tasks/" + first.text("code") + "/marks",
				Map.of("scores", java.util.Arrays.asList(61, null)));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.fieldError("scores[0]")).isEqualTo("评分项“作品完整”：得分应在 0 至 60 分之间");
		assertThat(bad.fieldError("scores[1]")).isEqualTo("评分项“页面美观”：请填写得分");
		assertThat(api1.post("/api/v1/grading/tasks/" + first.text("code") + "/marks",
				Map.of("scores", List.of(new BigDecimal("7.25"), 1))).fieldError("scores[0]"))
			.isEqualTo("评分项“作品完整”：得分只能是整数或 0.5 分");

		// Task A (with work): 80 and 70 — exactly at the threshold of 10: no third, final 75.
		// Task B (no work): 0 and 15 — beyond it: a third mark of 10 → mean of the two closest (10, 15) = 12.5.
		Map<ApiClient, Map<String, List<Number>>> plan = Map.of(
				api1, Map.of(a.ticketNumber(), List.of(60, 20), b.ticketNumber(), List.of(0, 0)),
				api2, Map.of(a.ticketNumber(), List.of(50, 20), b.ticketNumber(), List.of(10, 5)));
		for (ApiClient grader : List.of(api1, api2)) {
			for (int i = 0; i < 2; i++) {
				ApiClient.Response claimed = grader.post("/api/v1/grading/claim", Map.of());
				assertThat(claimed.status()).isEqualTo(200);
				String code = claimed.text("code");
				String ticket = codes.get(a.ticketNumber()).equals(code) ? a.ticketNumber() : b.ticketNumber();
				assertThat(claimed.body().path("files").isEmpty()).isEqualTo(ticket.equals(b.ticketNumber()));
				ApiClient.Response marked = grader.post("/api/v1/grading/tasks/" + code + "/marks",
						Map.of("scores", plan.get(grader).get(ticket), "comment", "按标准评分"));
				assertThat(marked.status()).as(marked.body().toString()).isEqualTo(200);
				assertAnonymous(marked.body().toString(), a, b, w);
			}
			assertThat(grader.post("/api/v1/grading/claim", Map.of()).status()).as("nothing left for this grader")
				.isEqualTo(204);
		}
		ApiClient.Response again = api1.post("/api/v1/grading/tasks/" + codes.get(a.ticketNumber()) + "/marks",
				Map.of("scores", List.of(1, 1)));
		assertThat(again.status()).as("a submitted mark cannot be changed").isEqualTo(409);
		assertThat(api1.get("/api/v1/grading/queue").body().path("markedByMe").asInt()).isEqualTo(2);

		Map<String, ResultIntake.SubjectResult> results = results(w);
		assertThat(results.get(a.ticketNumber()).practicalMark()).isEqualByComparingTo("75");
		assertThat(results.get(a.ticketNumber()).practicalPending()).isFalse();
		assertThat(results.get(b.ticketNumber()).practicalMark()).isNull();
		assertThat(results.get(b.ticketNumber()).practicalPending()).isTrue();
		assertThat(results.get(absent.ticketNumber()).practicalMark()).isNull();
		assertThat(results.get(absent.ticketNumber()).practicalPending()).isFalse();

		ApiClient.Response third = api3.post("/api/v1/grading/claim", Map.of());
		assertThat(third.text("code")).isEqualTo(codes.get(b.ticketNumber()));
		assertThat(api3.post("/api/v1/grading/tasks/" + third.text("code") + "/marks", Map.of("scores", List.of(10, 0)))
			.status()).isEqualTo(200);
		results = results(w);
		assertThat(results.get(b.ticketNumber()).practicalMark()).isEqualByComparingTo("12.5");
		assertThat(results.get(b.ticketNumber()).practicalPending()).isFalse();

		// The ORG's progress and agreement: g1 gave 80 (final 75) and 0 (final 12.5).
		JsonNode subject = subject(orgApi.get("/api/v1/grading/plans/" + w.planId()).body(), w);
		assertThat(subject.path("tasks").asInt()).isEqualTo(2);
		assertThat(subject.path("secondMarks").asInt()).isEqualTo(2);
		assertThat(subject.path("thirdsNeeded").asInt()).isEqualTo(1);
		assertThat(subject.path("thirdsDone").asInt()).isEqualTo(1);
		assertThat(subject.path("finals").asInt()).isEqualTo(2);
		JsonNode g1Stats = null;
		for (JsonNode s : subject.path("graderStats")) {
			if (s.path("accountId").asLong() == g1.id()) {
				g1Stats = s;
			}
		}
		assertThat(g1Stats.path("marks").asInt()).isEqualTo(2);
		assertThat(g1Stats.path("meanDeviation").decimalValue()).isEqualByComparingTo("8.75");
		assertThat(g1Stats.path("agreementPercent").decimalValue()).isEqualByComparingTo("50");

		// The ORG voids the third mark (reason required, audited): the task needs a third mark again.
		long thirdMark = jdbc.sql("SELECT id FROM grading_mark WHERE grader_id = ?").param(g3.id()).query(Long.class)
			.single();
		assertThat(orgApi.post("/api/v1/grading/marks/" + thirdMark + "/void", Map.of("reason", " ")).status())
			.isEqualTo(422);
		assertThat(otherOrg.post("/api/v1/grading/marks/" + thirdMark + "/void", Map.of("reason", "x")).status())
			.isEqualTo(404);
		assertThat(orgApi.post("/api/v1/grading/marks/" + thirdMark + "/void", Map.of("reason", "评分项看错")).status())
			.isEqualTo(204);
		assertThat(results(w).get(b.ticketNumber()).practicalPending()).isTrue();
		assertThat(audits("grading.mark", codes.values())).isEqualTo(5);
		assertThat(audits("grading.void", codes.values())).isEqualTo(1);

		// The page shows the task by its code and never who made it (the file keeps only an anonymous name).
		WebSession page = new WebSession(port);
		page.login(g1.username(), TestWorld.PASSWORD);
		var taskPage = page.get("/grading/tasks/" + codes.get(a.ticketNumber()));
		assertThat(taskPage.status()).isEqualTo(200);
		assertThat(taskPage.body()).contains(codes.get(a.ticketNumber())).contains("作品完整")
			.contains(codes.get(a.ticketNumber()) + "-1.png");
		assertAnonymous(taskPage.body(), a, b, w);
		assertThat(page.get("/grading/tasks/" + codes.get(b.ticketNumber())).body()).contains("未上传作品");

		// Sequence 2: A's work unchanged keeps its marks; B now has work, so B's marks are voided and it re-opens.
		mother.upload(w, 2, List.of(
				GradingMother.candidate(a.ticketNumber(), true, w.itemId(), Map.of(a.name() + "-作品.png", work)),
				GradingMother.candidate(b.ticketNumber(), true, w.itemId(), Map.of("work.jpg", new byte[] { 1, 2 }))));
		results = results(w);
		assertThat(results.get(a.ticketNumber()).practicalMark()).isEqualByComparingTo("75");
		assertThat(results.get(b.ticketNumber()).practicalPending()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM grading_mark m JOIN grading_task t ON t.id = m.task_id "
				+ "WHERE t.code = ? AND m.voided_at IS NULL").param(codes.get(b.ticketNumber())).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM grading_task_file f JOIN grading_task t ON t.id = f.task_id "
				+ "WHERE t.code = ?").param(codes.get(b.ticketNumber())).query(Long.class).single()).isEqualTo(1);
	}

	private Map<String, ResultIntake.SubjectResult> results(GradingMother.World w) {
		Map<String, ResultIntake.SubjectResult> out = new java.util.HashMap<>();
		intake.subjectResults(w.planId(), w.practice().id()).forEach(r -> out.put(r.ticketNumber(), r));
		return out;
	}

	private long audits(String action, java.util.Collection<String> codes) {
		long n = 0;
		for (String code : codes) {
			n += jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND entity_id = ?").params(action, code)
				.query(Long.class).single();
		}
		return n;
	}

	private static JsonNode subject(JsonNode overview, GradingMother.World w) {
		for (JsonNode s : overview) {
			if (s.path("planSubjectId").asLong() == w.practice().id()) {
				return s;
			}
		}
		throw new AssertionError("no subject in " + overview);
	}

	private static void assertAnonymous(String text, Scheduling.Seated a, Scheduling.Seated b, GradingMother.World w) {
		assertThat(text).doesNotContain(a.ticketNumber()).doesNotContain(b.ticketNumber()).doesNotContain(a.name())
			.doesNotContain(b.name()).doesNotContain(w.setup().r().site().code())
			.doesNotContain(w.setup().r().setting().college().name()).doesNotContain(w.packageId());
	}
}
