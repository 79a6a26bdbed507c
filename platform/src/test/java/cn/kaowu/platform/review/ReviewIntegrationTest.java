package cn.kaowu.platform.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.calendar.WorkingCalendar;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreLocks;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreSource;
import cn.kaowu.platform.score.ScoreView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Score review against PostgreSQL: the scope rules, one request per candidate, the 7-working-day window (its last
 * second and the next), the ORG's answer with a correction that shows in the scores and their history, the 3-day due
 * date and the 逾期 flag, the lock refusing a late correction, the PDFs and the case file.
 */
@IntegrationTest
class ReviewIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	ScoreManagement scores;

	@Autowired
	ScoreLocks locks;

	@Autowired
	Jobs jobs;

	@Autowired
	ReviewManagement reviews;

	@Autowired
	cn.kaowu.platform.enrollment.Enrollments registrations;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	ReviewMother mother() {
		return new ReviewMother(schedules, scheduling, enrollments, scores, jobs, clock);
	}

	long record(ReviewMother.World w, int person, boolean theory) {
		long subject = theory ? w.theory().id() : w.practice().id();
		return registrations.registered(w.plan().id()).stream()
			.filter(r -> r.candidateId() == w.person(person) && r.planSubjectId() == subject).findFirst().orElseThrow()
			.recordId();
	}

	ReviewManagement.ReviewForm form(long candidate, ReviewManagement.SubjectRequest... subjects) {
		return new ReviewManagement.ReviewForm(candidate, "考生认为成绩有误，申请复查。", "王老师", "010-12345678",
				List.of(subjects));
	}

	@Test
	void collegeRequestsOrgAnswersAndTheCorrectionShowsInScoresAndHistory() throws Exception {
		ReviewMother.World w = mother().inPublication();
		long planId = w.plan().id();
		Scope college = w.college();
		Instant start = w.plan().publication().opensAt();
		Instant deadline = reviews.window(w.plan()).deadline();
		assertThat(deadline).isEqualTo(calendar.deadline(start, 7));

		// Before publication: nothing to request.
		clock.setInstant(start.minusSeconds(1));
		assertThatThrownBy(() -> reviews.create(college, planId, form(w.person(0),
				new ReviewManagement.SubjectRequest(record(w, 0, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT))))
			.isInstanceOf(DomainException.class);
		clock.setInstant(start);

		// Scope rules: an objective 70 and re-marking are refused with their reasons.
		assertThatThrownBy(() -> reviews.create(college, planId, form(w.person(1),
				new ReviewManagement.SubjectRequest(record(w, 1, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT),
				new ReviewManagement.SubjectRequest(record(w, 1, false), ReviewReason.REMARKING))))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::messageKey)
				.containsExactly("review.rule.objectiveNotZero", "review.rule.remarking"));

		// Person 0: theory 0 (objective) and practice 55 (missed marking). The ORG, the province and another college.
		ReviewView a = reviews.create(college, planId, form(w.person(0),
				new ReviewManagement.SubjectRequest(record(w, 0, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT),
				new ReviewManagement.SubjectRequest(record(w, 0, false), ReviewReason.MISSED_MARKING)));
		assertThat(a.status()).isEqualTo(ReviewStatus.DRAFT);
		assertThat(a.idNumberMasked()).contains("********");
		assertThatThrownBy(() -> reviews.create(w.org(), planId, form(w.person(0))))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> reviews.get(w.org(), a.id())).as("the ORG does not see drafts")
			.isInstanceOf(NotFoundProblem.class);
		Scope other = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(w.s().r().setting().province())));
		assertThatThrownBy(() -> reviews.get(other, a.id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> reviews.create(other, planId, form(w.person(0),
				new ReviewManagement.SubjectRequest(record(w, 0, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT))))
			.isInstanceOf(NotFoundProblem.class);
		ApiClient otherApi = new ApiClient(port).login(
				world.account(Role.COLLEGE_ADMIN, world.college(w.s().r().setting().province())).username(),
				TestWorld.PASSWORD);
		assertThat(otherApi.get("/api/v1/reviews/" + a.id()).status()).isEqualTo(404);

		// Submitted (API): the answer is due at the end of the third working day.
		ApiClient collegeApi = new ApiClient(port).login(w.s().r().setting().collegeAccount().username(),
				TestWorld.PASSWORD);
		var submitted = collegeApi.post("/api/v1/reviews/submit", Map.of("ids", List.of(a.id())));
		assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
		ReviewView sa = reviews.get(w.org(), a.id());
		assertThat(sa.status()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(sa.answerDue()).isEqualTo(calendar.deadline(start, 3));

		// A second request for the same candidate in this publication: 409 (and the database would refuse it too).
		var second = collegeApi.post("/api/v1/reviews/plans/" + planId, Map.of("candidateId", w.person(0),
				"statement", "再次申请", "contactPerson", "王老师", "contactPhone", "13800000000", "subjects",
				List.of(Map.of("registrationRecordId", record(w, 0, true), "reason", "OBJECTIVE_ZERO_OR_ABSENT"))));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().path("detail").asString()).contains("仅可申请一次");

		// The ORG answers: theory corrected to 12.5, practice upheld.
		ReviewView answered = reviews.answer(w.org(), a.id(), List.of(
				new ReviewManagement.SubjectAnswer(sa.subjects().get(0).id(), ReviewResult.CORRECTED, "12.5", false,
						"答题数据核对后重新合分"),
				new ReviewManagement.SubjectAnswer(sa.subjects().get(1).id(), ReviewResult.UPHELD, null, false,
						"经核查无漏评")));
		assertThat(answered.status()).isEqualTo(ReviewStatus.ANSWERED);
		assertThat(answered.answeredLate()).isFalse();
		assertThat(answered.subjects().get(0).scoreAfter()).isEqualByComparingTo("12.5");
		ScoreView theory0 = scores.ofCandidate(college, planId, w.person(0)).stream()
			.filter(s -> s.planSubjectId() == w.theory().id()).findFirst().orElseThrow();
		assertThat(theory0.score()).isEqualByComparingTo("12.5");
		var history = scores.history(college, theory0.id());
		assertThat(history.getLast().source()).isEqualTo(ScoreSource.CORRECTION);
		assertThat(history.getLast().scoreBefore()).isEqualByComparingTo("0");
		assertThat(history.getLast().reason()).isEqualTo("成绩复查：答题数据核对后重新合分");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action LIKE 'review.%' AND entity_id = ?")
			.param(String.valueOf(a.id())).query(Long.class).single()).isEqualTo(3);
		assertThatThrownBy(() -> reviews.answer(w.org(), a.id(), List.of())).isInstanceOf(DomainException.class);

		// A subject without any score (person 3 was not imported): 无成绩; the ORG registers the score by its answer.
		assertThatThrownBy(() -> reviews.create(college, planId, form(w.person(3),
				new ReviewManagement.SubjectRequest(record(w, 3, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT))))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems().getFirst().messageKey())
				.isEqualTo("review.rule.useMissing"));
		ReviewView d = reviews.submit(college, List.of(reviews.create(college, planId, form(w.person(3),
				new ReviewManagement.SubjectRequest(record(w, 3, true), ReviewReason.MISSING_SCORE))).id())).getFirst();
		assertThat(d.subjects().getFirst().missingBefore()).isTrue();
		reviews.answer(w.org(), d.id(), List.of(new ReviewManagement.SubjectAnswer(d.subjects().getFirst().id(),
				ReviewResult.CORRECTED, "66", false, "补登漏登的成绩")));
		ScoreView theory3 = scores.ofCandidate(college, planId, w.person(3)).getFirst();
		assertThat(theory3.score()).isEqualByComparingTo("66");
		assertThat(scores.history(w.org(), theory3.id())).singleElement()
			.satisfies(h -> assertThat(h.source()).isEqualTo(ScoreSource.CORRECTION));

		// The receipt names the result; the request form is 附件1.
		String receipt = text(reviews.receipt(college, a.id()));
		assertThat(receipt).contains("成绩复查回执", w.name(0), "更正为 12.5", "维持原成绩", "经核查无漏评");
		assertThat(receipt).doesNotContain(enrollments.idNumber(w.person(0)));
		assertThat(text(reviews.requestForm(college, a.id()))).contains("成绩复查申请表", "客观题：成绩为 0 或缺考", "王老师");

		// Case file: the ORG sees the reason, the college the summary.
		var orgCase = reviews.caseFile(w.org(), planId, w.person(0));
		assertThat(orgCase).extracting(ReviewManagement.CaseEntry::messageKey).contains("review.case.score.detail",
				"review.case.created", "review.case.submitted", "review.case.answered.detail");
		assertThat(orgCase.stream().map(e -> e.args().toString()).toList())
			.anyMatch(t -> t.contains("成绩复查：答题数据核对后重新合分"));
		var collegeCase = reviews.caseFile(college, planId, w.person(0));
		assertThat(collegeCase).extracting(ReviewManagement.CaseEntry::messageKey)
			.contains("review.case.score.summary", "review.case.answered.summary")
			.doesNotContain("review.case.score.detail");
		assertThatThrownBy(() -> reviews.caseFile(other, planId, w.person(0))).isInstanceOf(NotFoundProblem.class);

		// Person 1 (practice 80, adding-up) and person 2 (theory 缺考): drafts now, submitted at the window's edges.
		ReviewView b = reviews.create(college, planId, form(w.person(1),
				new ReviewManagement.SubjectRequest(record(w, 1, false), ReviewReason.ADDING_UP)));
		ReviewView c = reviews.create(college, planId, form(w.person(2),
				new ReviewManagement.SubjectRequest(record(w, 2, true), ReviewReason.OBJECTIVE_ZERO_OR_ABSENT)));
		clock.setInstant(deadline);
		assertThatThrownBy(() -> reviews.submit(college, List.of(c.id()))).as("day 8")
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.messageKey()).isEqualTo("review.error.windowClosed"));
		clock.setInstant(deadline.minusSeconds(1));
		ReviewView sb = reviews.submit(college, List.of(b.id())).getFirst();
		assertThat(sb.answerDue()).isEqualTo(calendar.deadline(deadline.minusSeconds(1), 3));
		assertThat(reviews.list(w.org(), planId)).extracting(ReviewView::id).containsExactlyInAnyOrder(a.id(), b.id(), d.id());
		assertThat(reviews.list(college, planId)).extracting(ReviewView::id)
			.containsExactlyInAnyOrder(a.id(), b.id(), c.id(), d.id());
		assertThat(reviews.list(other, planId)).isEmpty();

		// By then publication is over: the scores are locked, a correction is refused by score; upheld late is 逾期.
		clock.setInstant(sb.answerDue());
		locks.sweep();
		assertThatThrownBy(() -> reviews.answer(w.org(), b.id(), List.of(new ReviewManagement.SubjectAnswer(
				sb.subjects().getFirst().id(), ReviewResult.CORRECTED, "85", false, "合分错误"))))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.messageKey()).isEqualTo("score.error.locked"));
		assertThat(reviews.get(w.org(), b.id()).status()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(reviews.get(w.org(), b.id()).overdue(clock.instant())).isTrue();
		ReviewView late = reviews.answer(w.org(), b.id(), List.of(new ReviewManagement.SubjectAnswer(
				sb.subjects().getFirst().id(), ReviewResult.UPHELD, null, false, "经核查合分无误")));
		assertThat(late.answeredLate()).isTrue();
	}

	static String text(byte[] pdf) throws Exception {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}
}
