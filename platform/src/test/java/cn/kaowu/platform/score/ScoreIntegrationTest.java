package cn.kaowu.platform.score;

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
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.enrollment.EnrollmentMother;
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
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scores against PostgreSQL: the import with bad and duplicate rows, the windows' first and last second, publication
 * to colleges, a correction with its history, 考证结果 at the pass mark, and the lock the database enforces.
 */
@IntegrationTest
class ScoreIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	Scheduling scheduling;

	@Autowired
	ScoreManagement scores;

	@Autowired
	ScoreLocks locks;

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A scheduled plan: 44 初级 and 4 中级 candidates with tickets. */
	record Scheduled(ScheduleMother.Setup s, PlanView plan, Scope org, Scope college, PlanSubjectView theory,
			PlanSubjectView practice, Map<String, String> tickets) {

		String ticket(int person, PlanSubjectView subject) {
			return tickets.get(s.people().get(person).id() + ":" + subject.id());
		}

		CandidateView person(int i) {
			return s.people().get(i);
		}
	}

	Scheduled scheduled() {
		ScheduleMother.Setup s = schedules.setup();
		PlanView plan = s.r().plan();
		Scope org = s.r().setting().orgScope();
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());
		Map<String, String> tickets = new HashMap<>();
		scheduling.publishedSeats(plan.id(), s.r().site().id())
			.forEach(st -> tickets.put(st.candidateId() + ":" + st.planSubjectId(), st.ticketNumber()));
		return new Scheduled(s, plan, org, s.r().college(), subject(plan, "初级", "理论"), subject(plan, "初级", "实操"),
				tickets);
	}

	static PlanSubjectView subject(PlanView plan, String level, String name) {
		return plan.subjects().stream().filter(x -> x.level().label().equals(level) && x.subjectName().equals(name))
			.findFirst().orElseThrow();
	}

	String last4(long candidateId) {
		String id = enrollments.idNumber(candidateId);
		return id.substring(id.length() - 4);
	}

	@Test
	void importsRegistersPublishesCorrectsAndLocksForGood() throws Exception {
		Scheduled w = scheduled();
		PlanView plan = w.plan();
		PlanSubjectView theory = w.theory();
		PlanSubjectView practice = w.practice();
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(w.ticket(0, theory), last4(w.person(0).id()), "初级理论", "60", ""));
		rows.add(List.of(w.ticket(0, practice), enrollments.idNumber(w.person(0).id()), practice.code(), "60", ""));
		rows.add(List.of(w.ticket(1, theory), last4(w.person(1).id()), "理论", "59", ""));
		rows.add(List.of(w.ticket(1, practice), last4(w.person(1).id()), "实操", "100", ""));
		rows.add(List.of(w.ticket(2, theory), last4(w.person(2).id()), "初级理论", "", "缺考"));
		rows.add(List.of(w.ticket(2, practice), last4(w.person(2).id()), "初级实操", "80", ""));
		rows.add(List.of(w.ticket(3, theory), last4(w.person(3).id()), "初级理论", "59.55", "")); // row 8: two decimals
		rows.add(List.of(w.ticket(4, theory), "0000".equals(last4(w.person(4).id())) ? "1111" : "0000", "初级理论", "70",
				"")); // row 9: another person's ID
		rows.add(List.of(w.ticket(5, theory), last4(w.person(5).id()), "初级理论", "70", "")); // row 10: duplicate
		rows.add(List.of(w.ticket(5, theory), last4(w.person(5).id()), theory.code(), "71", "")); // row 11: duplicate
		rows.add(List.of(w.ticket(6, theory), last4(w.person(6).id()), "初级理论", "100.1", "")); // row 12: range
		rows.add(List.of(w.ticket(7, theory), last4(w.person(7).id()), "初级理论", "100", ""));
		rows.add(List.of(w.ticket(7, practice), last4(w.person(7).id()), "初级实操", "60.0", ""));
		rows.add(List.of("2699999999999999", "1234", "初级理论", "60", "")); // row 15: unknown ticket
		byte[] file = Spreadsheets.sheet("成绩", ImportScores.COLUMNS.values().stream()
			.map(h -> new Spreadsheets.Column(h, 12)).toList(), rows);
		String importPath = "/api/v1/scores/plans/" + plan.id() + "/import";

		// One second before the registration window: refused, naming the window.
		// (API tokens last 12 hours of the platform's clock: log in after moving it, and before the last second, since
		// the clock keeps ticking and a slow login would carry the request into the window.)
		clock.setInstant(plan.scoreRegistration().opensAt().minusSeconds(60));
		Multipart orgUpload = new Multipart(port, w.s().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		clock.setInstant(plan.scoreRegistration().opensAt().minusSeconds(1));
		var early = orgUpload.post(importPath, Map.of(), "成绩.xlsx", file);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body().path("detail").asString()).contains(plan.scoreRegistration().toString());

		// Its first second: the import runs; good rows stored, bad ones reported by row and column.
		clock.setInstant(plan.scoreRegistration().opensAt());
		Multipart collegeUpload = new Multipart(port, w.s().r().setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(collegeUpload.post(importPath, Map.of(), "成绩.xlsx", file).status()).isEqualTo(403);
		var started = orgUpload.post(importPath, Map.of(), "成绩.xlsx", file);
		assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
		JobView job = await(w.org(), UUID.fromString(started.body().path("id").asString()));
		assertThat(job.message()).as(job.toString()).contains("成功 8 条，失败 6 条");
		Map<Integer, String> reasons = new HashMap<>();
		for (List<String> r : report(w.org(), job)) {
			reasons.put(Integer.parseInt(r.getLast().replaceAll("^第 (\\d+) 行.*$", "$1")), r.getLast());
		}
		assertThat(reasons).containsOnlyKeys(8, 9, 10, 11, 12, 15);
		assertThat(reasons.get(8)).isEqualTo("第 8 行，成绩：成绩须为数字，最多一位小数（填写的是“59.55”）");
		assertThat(reasons.get(9)).isEqualTo("第 9 行，身份证号：身份证号与该准考证号的考生不符");
		assertThat(reasons.get(10)).isEqualTo("第 10 行，科目：同一考生同一科目在文件中重复（另见第 11 行），均未导入");
		assertThat(reasons.get(11)).contains("另见第 10 行");
		assertThat(reasons.get(12)).isEqualTo("第 12 行，成绩：成绩须在 0 到 100 之间（填写的是“100.1”）");
		assertThat(reasons.get(15)).contains("准考证号：本考核计划没有准考证号为“2699999999999999”的考生");
		var theoryRow = scores.subjects(w.org(), plan.id()).stream().filter(x -> x.subject().id() == theory.id())
			.findFirst().orElseThrow();
		assertThat(theoryRow.registrations()).isEqualTo(44);
		assertThat(theoryRow.scored()).isEqualTo(3);
		assertThat(theoryRow.absent()).isEqualTo(1);
		assertThat(theoryRow.missing()).isEqualTo(40);

		// A 缺考 record stays 缺考: a later file cannot give it a score.
		byte[] again = Spreadsheets.sheet("成绩", ImportScores.COLUMNS.values().stream()
			.map(h -> new Spreadsheets.Column(h, 12)).toList(),
				List.of(List.of(w.ticket(2, theory), last4(w.person(2).id()), "初级理论", "75", "")));
		JobView second = await(w.org(), UUID.fromString(orgUpload.post(importPath, Map.of(), "补录.xlsx", again).body()
			.path("id").asString()));
		assertThat(second.failed()).isEqualTo(1);
		assertThat(report(w.org(), second).getFirst().getLast()).isEqualTo("第 2 行，成绩：该考生本科目缺考，不能登记成绩");

		// The window's last second still registers (here: nothing uploaded, so everybody is reported missing); the
		// minute after refuses.
		JobView second2 = second;
		assertThat(second2.succeeded()).isZero();
		clock.setInstant(plan.scoreRegistration().closesAt().minusSeconds(1));
		var report = scores.registerFromResults(w.org(), plan.id(), practice.id());
		assertThat(report.missing()).hasSize(44);
		assertThat(report.created() + report.changed()).isZero();
		clock.setInstant(plan.scoreRegistration().closesAt());
		assertThatThrownBy(() -> scores.registerFromResults(w.org(), plan.id(), practice.id()))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.messageKey()).isEqualTo("score.error.registrationClosed"));

		// Before publication the college sees nothing; from its first second its own candidates, masked.
		clock.setInstant(plan.publication().opensAt().minusSeconds(1));
		assertThatThrownBy(() -> scores.list(w.college(), plan.id(), new ScoreManagement.Filter(null, null),
				PageQuery.of(1, 100))).isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.messageKey()).isEqualTo("score.error.notPublished"));
		clock.setInstant(plan.publication().opensAt());
		var list = scores.list(w.college(), plan.id(), new ScoreManagement.Filter(null, null), PageQuery.of(1, 100));
		assertThat(list.total()).isEqualTo(8);
		assertThat(list.items()).allSatisfy(s -> assertThat(s.idNumberMasked()).contains("********"));
		ScoreView p1Theory = list.items().stream().filter(s -> s.ticketNumber().equals(w.ticket(1, theory)))
			.findFirst().orElseThrow();
		assertThat(p1Theory.score()).isEqualByComparingTo("59");
		assertThat(p1Theory.passed()).isFalse();
		Scope otherCollege = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(w.s().r().setting().province())));
		assertThatThrownBy(() -> scores.get(otherCollege, p1Theory.id())).isInstanceOf(NotFoundProblem.class);
		assertThat(scores.list(otherCollege, plan.id(), new ScoreManagement.Filter(null, null), PageQuery.of(1, 10))
			.total()).isZero();
		assertThatThrownBy(() -> scores.list(w.s().r().setting().provinceScope(), plan.id(),
				new ScoreManagement.Filter(null, null), PageQuery.of(1, 10))).isInstanceOf(AccessDeniedProblem.class);
		ApiClient otherApi = new ApiClient(port).login(
				world.account(Role.COLLEGE_ADMIN, world.college(w.s().r().setting().province())).username(),
				TestWorld.PASSWORD);
		assertThat(otherApi.get("/api/v1/scores/" + p1Theory.id()).status()).isEqualTo(404);

		// 考证结果 at the pass mark 60: 60 + 60 passes, 59 + 100 fails, 缺考 fails.
		var certificates = scores.certificates(w.college(), plan.id());
		var junior = certificates.levels().stream().filter(l -> l.level().equals("初级")).findFirst().orElseThrow();
		assertThat(junior.candidates()).isEqualTo(44);
		assertThat(junior.passed()).isEqualTo(2);
		assertThat(junior.failed()).isEqualTo(42);
		assertThat(junior.incomplete()).isEqualTo(40);
		assertThat(certificates.passers()).extracting(ScoreManagement.Passer::name)
			.containsExactlyInAnyOrder(w.person(0).name(), w.person(7).name());

		// The ORG corrects during publication, with a reason; the college cannot.
		assertThatThrownBy(() -> scores.correct(w.college(), p1Theory.id(), CorrectionForm.of("60", false, "复查")))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> scores.correct(w.org(), p1Theory.id(), CorrectionForm.of("60", false, " ")))
			.isInstanceOf(InvalidInputProblem.class);
		ApiClient orgApi = new ApiClient(port).login(w.s().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		var corrected = orgApi.put("/api/v1/scores/" + p1Theory.id(),
				Map.of("score", "60", "absent", false, "reason", "复查：漏评一题"));
		assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
		assertThat(corrected.body().path("score").decimalValue()).isEqualByComparingTo("60");
		assertThat(corrected.body().path("version").asInt()).isEqualTo(2);
		var history = scores.history(w.college(), p1Theory.id());
		assertThat(history).extracting(ScoreHistoryView::source).containsExactly(ScoreSource.IMPORT, ScoreSource.CORRECTION);
		assertThat(history.getLast().scoreBefore()).isEqualByComparingTo("59");
		assertThat(history.getLast().scoreAfter()).isEqualByComparingTo("60");
		assertThat(history.getLast().reason()).isEqualTo("复查：漏评一题");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'score.correct' AND entity_id = ?")
			.param(String.valueOf(p1Theory.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(scores.certificates(w.org(), plan.id()).passers()).hasSize(3);

		// The last second of publication still corrects; then the scores are locked, by the service and by SQL.
		clock.setInstant(plan.publication().closesAt().minusSeconds(1));
		scores.correct(w.org(), p1Theory.id(), CorrectionForm.of("61", false, "复查：加分错误"));
		clock.setInstant(plan.publication().closesAt());
		locks.sweep();
		assertThat(locks.isLocked(plan.id())).isTrue();
		assertThatThrownBy(() -> scores.correct(w.org(), p1Theory.id(), CorrectionForm.of("62", false, "再改")))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("score.error.locked");
				assertThat(e.status().value()).isEqualTo(409);
			});
		orgApi = new ApiClient(port).login(w.s().r().setting().orgAccount().username(), TestWorld.PASSWORD);
		assertThat(orgApi.put("/api/v1/scores/" + p1Theory.id(), Map.of("score", "62", "absent", false, "reason", "再改"))
			.status()).isEqualTo(409);
		assertThatThrownBy(() -> jdbc.sql("UPDATE score_record SET score = 99 WHERE id = ?").param(p1Theory.id()).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("locked");
		assertThatThrownBy(() -> jdbc.sql("UPDATE score_record SET locked = false WHERE id = ?").param(p1Theory.id())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM score_record WHERE id = ?").param(p1Theory.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM score_plan_lock WHERE plan_id = ?").param(plan.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE score_history SET reason = 'x' WHERE score_record_id = ?")
			.param(p1Theory.id()).update()).isInstanceOf(DataAccessException.class);
		assertThat(scores.get(w.org(), p1Theory.id()).score()).isEqualByComparingTo("61");
		assertThat(scores.get(w.org(), p1Theory.id()).locked()).isTrue();
		// Reading still works after the lock (the college's 科目成绩 stays available).
		assertThat(scores.list(w.college(), plan.id(), new ScoreManagement.Filter(null, null), PageQuery.of(1, 10))
			.total()).isEqualTo(8);
	}

	JobView await(Scope scope, UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(scope, id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	List<List<String>> report(Scope scope, JobView job) throws IOException {
		byte[] report = jobs.read(jobs.file(scope, job.id(), "report"));
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
		rows.removeFirst(); // the header row
		return rows;
	}
}
