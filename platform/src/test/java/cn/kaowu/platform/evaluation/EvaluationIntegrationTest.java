package cn.kaowu.platform.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.IllegalStateTransition;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.notification.Inbox;
import cn.kaowu.platform.notification.InboxEntry;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteMother;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Biennial evaluation against real approved sites: rounds, reports, ratings and their effect on the site. */
@IntegrationTest
class EvaluationIntegrationTest {

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
	ExamSites examSites;

	@Autowired
	SiteEvaluations evaluations;

	@Autowired
	Inbox inbox;

	@Autowired
	AuditLog audit;

	@Autowired
	AdjustableClock clock;

	Setting s;

	SiteView site;

	@BeforeEach
	void anApprovedSite() {
		PilotMother mother = new PilotMother(world, pilot, catalog, clock);
		s = mother.setting();
		mother.approvedPilot(s, s.collegeScope(), s.certificate());
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		SiteView applied = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		sites.submit(s.collegeScope(), applied.id());
		site = sites.approve(s.orgScope(), applied.id(),
				SiteMother.allMet(checklists.of(s.orgScope(), s.certificate().id())));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void roundReportRatingSuspendsTheSite() throws Exception {
		ApiClient org = new ApiClient(port).login(s.orgAccount().username(), TestWorld.PASSWORD);
		var opened = org.post("/api/v1/evaluation/rounds", Map.of("certificateId", s.certificate().id(), "name",
				"2026年度检查评估", "period", "2024-2025", "deadline", in(Duration.ofDays(30))));
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.body().path("sites").asInt()).isEqualTo(1);
		long roundId = opened.body().path("id").asLong();

		SubmissionView pending = evaluations.listSubmissions(s.collegeScope(), null, PageQuery.of(1, 10)).items().getFirst();
		assertThat(pending.siteId()).isEqualTo(site.id());
		assertThat(pending.status()).isEqualTo(SubmissionStatus.PENDING);
		awaitNotice(s.collegeScope(), "请提交考核站点检查评估材料");

		// Not submitted and not overdue: the ORG cannot rate yet.
		assertThatThrownBy(() -> evaluations.rate(s.orgScope(), pending.id(), rating(EvaluationOutcome.PASS, null, null)))
			.isInstanceOf(DomainException.class)
			.hasMessage("evaluation.rate.notYetSubmitted");

		SubmissionView submitted = evaluations.submit(s.collegeScope(), pending.id(), report(), null, null);
		assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);

		// Another college sees nothing of it.
		Scope other = new PilotMother(world, pilot, catalog, clock).anotherCollege(s);
		assertThatThrownBy(() -> evaluations.getSubmission(other, pending.id())).isInstanceOf(NotFoundProblem.class);

		var noComment = org.post("/api/v1/evaluation/submissions/" + pending.id() + "/rate", Map.of("outcome", "SUSPENSION"));
		assertThat(noComment.status()).isEqualTo(422);
		assertThat(noComment.fieldError("comment")).isEqualTo("除“通过”外，评定须写明意见");

		var rated = org.post("/api/v1/evaluation/submissions/" + pending.id() + "/rate",
				Map.of("outcome", "SUSPENSION", "comment", "监控设备不足，暂停考试"));
		assertThat(rated.status()).isEqualTo(200);
		assertThat(rated.text("status")).isEqualTo("RATED");
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.SUSPENDED);
		assertThatThrownBy(() -> examSites.requireActive(site.id())).isInstanceOf(DomainException.class)
			.hasMessage("site.error.suspended");

		// Rated is final.
		assertThatThrownBy(() -> evaluations.rate(s.orgScope(), pending.id(), rating(EvaluationOutcome.PASS, null, null)))
			.isInstanceOf(IllegalStateTransition.class);
		assertThat(evaluations.getRound(s.orgScope(), roundId).rated()).isEqualTo(1);
		assertThat(audit.list(Scope.system(), "EvaluationSubmission", Long.toString(pending.id()), PageQuery.of(1, 10))
			.items()).extracting(e -> e.action()).contains("evaluation.submit", "evaluation.rate");
		awaitNotice(s.collegeScope(), "考核站点评估结论");
	}

	@Test
	void afterTheDeadlineTheReportIsRefusedAndARevocationReachesTheProvince() throws Exception {
		RoundView round = evaluations.openRound(s.orgScope(), round("2022-2023", Duration.ofDays(10)));
		SubmissionView pending = evaluations.listSubmissions(s.orgScope(), round.id(), PageQuery.of(1, 10)).items().getFirst();

		clock.advance(Duration.ofDays(10));
		assertThatThrownBy(() -> evaluations.submit(s.collegeScope(), pending.id(), report(), null, null))
			.isInstanceOf(DomainException.class)
			.hasMessage("evaluation.deadline.passed");
		assertThat(evaluations.getSubmission(s.orgScope(), pending.id()).overdueAt(clock.instant())).isTrue();
		assertThat(evaluations.getRound(s.orgScope(), round.id()).overdue()).isEqualTo(1);

		evaluations.rate(s.orgScope(), pending.id(), rating(EvaluationOutcome.REVOCATION, "逾期未提交材料，且存在违规组考", null));
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.REVOKED);
		awaitNotice(s.provinceScope(), "撤销站点资格");
	}

	@Test
	void aPassReinstatesASuspendedSiteAndAWarningLeavesTheStatus() {
		SubmissionView first = openAndSubmit("2020-2021");
		evaluations.rate(s.orgScope(), first.id(), rating(EvaluationOutcome.SUSPENSION, "设备不足", null));
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.SUSPENDED);

		SubmissionView second = openAndSubmit("2022-2023");
		evaluations.rate(s.orgScope(), second.id(), rating(EvaluationOutcome.PASS, null, null));
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.ACTIVE);

		SubmissionView third = openAndSubmit("2024-2025");
		evaluations.rate(s.orgScope(), third.id(), rating(EvaluationOutcome.WARNING, "材料不够详实", null));
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.ACTIVE);
		assertThat(evaluations.getSubmission(s.collegeScope(), third.id()).outcome()).isEqualTo(EvaluationOutcome.WARNING);
	}

	private SubmissionView openAndSubmit(String period) {
		RoundView round = evaluations.openRound(s.orgScope(), round(period, Duration.ofDays(5)));
		SubmissionView pending = evaluations.listSubmissions(s.orgScope(), round.id(), PageQuery.of(1, 10))
			.items()
			.getFirst();
		return evaluations.submit(s.collegeScope(), pending.id(), report(), null, null);
	}

	@Test
	void roundsAndRatingsAreValidatedInChinese() {
		assertThatThrownBy(() -> evaluations.openRound(s.orgScope(), round("2024-2026", Duration.ofDays(5))))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
				.extracting(p -> p.messageKey())
				.containsExactly("evaluation.period.twoYears"));
		assertThatThrownBy(() -> evaluations.openRound(s.orgScope(), round("2024-2025", Duration.ofDays(-1))))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
				.extracting(p -> p.messageKey())
				.containsExactly("evaluation.deadline.past"));
		evaluations.openRound(s.orgScope(), round("2024-2025", Duration.ofDays(5)));
		assertThatThrownBy(() -> evaluations.openRound(s.orgScope(), round("2024-2025", Duration.ofDays(5))))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
				.extracting(p -> p.messageKey())
				.containsExactly("evaluation.period.duplicate"));
		// Only the owning ORG opens rounds; a college may not.
		assertThatThrownBy(() -> evaluations.openRound(s.collegeScope(), round("2020-2021", Duration.ofDays(5))))
			.isInstanceOf(cn.kaowu.platform.kernel.AccessDeniedProblem.class);

		SubmissionView pending = evaluations.listSubmissions(s.collegeScope(), null, PageQuery.of(1, 10)).items().getFirst();
		evaluations.submit(s.collegeScope(), pending.id(), report(), null, null);
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		assertThatThrownBy(() -> evaluations.rate(s.orgScope(), pending.id(),
				rating(EvaluationOutcome.RECTIFICATION, "机房网络需整改", today)))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
				.extracting(p -> p.field())
				.containsExactly("rectificationDeadline"));
		SubmissionView rated = evaluations.rate(s.orgScope(), pending.id(),
				rating(EvaluationOutcome.RECTIFICATION, "机房网络需整改", today.plusDays(30)));
		assertThat(rated.rectificationDeadline()).isEqualTo(today.plusDays(30));
		assertThat(examSites.find(site.id()).orElseThrow().operatingStatus()).isEqualTo(SiteStatus.ACTIVE);

		assertThat(evaluations.indicators(s.orgScope(), pending.id())).extracting(SiteIndicator::key)
			.containsExactlyElementsOf(SiteIndicator.STANDARD);
	}

	private RoundForm round(String period, Duration deadlineIn) {
		RoundForm form = new RoundForm();
		form.setCertificateId(s.certificate().id());
		form.setName("检查评估 " + period);
		form.setPeriod(period);
		form.setDeadline(LocalDateTime.ofInstant(clock.instant().plus(deadlineIn), AdjustableClock.CHINA).withSecond(0)
			.withNano(0));
		return form;
	}

	private String in(Duration d) {
		return LocalDateTime.ofInstant(clock.instant().plus(d), AdjustableClock.CHINA).withSecond(0).withNano(0).toString();
	}

	private static ReportForm report() {
		ReportForm form = new ReportForm();
		form.setReportText("两年来共承办考试 6 场，无违纪事故；机房设备已全部更新。");
		form.setPlanText("下一阶段新增一个 40 座考场，组织考务人员年度培训。");
		return form;
	}

	private static RatingForm rating(EvaluationOutcome outcome, String comment, LocalDate rectifyBy) {
		RatingForm form = new RatingForm();
		form.setOutcome(outcome);
		form.setComment(comment);
		form.setRectificationDeadline(rectifyBy);
		return form;
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
