package cn.kaowu.platform.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.kaowu.platform.appeal.AppealRecords;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.calendar.WorkingCalendar;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.score.CorrectionForm;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreRules;
import cn.kaowu.platform.score.ScoreView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 成绩复查 (004 ch.3 §8, 附件1).
 * <ul>
 * <li><b>Who</b>: a college's 业务管理员 and 负责人 create, submit and delete drafts for their own candidates (another
 * college's candidate or request answers 404); the ORG owning the plan reads submitted requests and answers them; the
 * administrator reads everything; every other role gets 403.</li>
 * <li><b>When</b>: requests are created and submitted from publication start to the end of the 7th working day after
 * it; the answer is due at the end of the 3rd working day after submission — a later answer is accepted and flagged
 * 逾期.</li>
 * </ul>
 * Every state change is audited.
 */
@Service
public class ReviewManagement {

	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");

	/** One subject asked for in a request. */
	public record SubjectRequest(long registrationRecordId, @Nullable ReviewReason reason) {
	}

	/** A request as the college fills in 附件1. */
	public record ReviewForm(long candidateId, @Nullable String statement, @Nullable String contactPerson,
			@Nullable String contactPhone, List<SubjectRequest> subjects) {
	}

	/** The ORG's answer of one subject: 维持, or 更正 with the corrected score (or 缺考), and the explanation. */
	public record SubjectAnswer(long subjectId, @Nullable ReviewResult result, @Nullable String score, boolean absent,
			@Nullable String explanation) {
	}

	/** A candidate of the college in a plan, with the registered subjects and their current scores. */
	public record Candidate(long candidateId, String name, String idNumberMasked, String levelLabel,
			List<CandidateSubject> subjects) {
	}

	public record CandidateSubject(long registrationRecordId, long planSubjectId, String label, String examMode,
			ReviewRules.Current current) {
	}

	/** The submission window of a plan and whether it is open now. */
	public record Window(Instant opensAt, Instant deadline, boolean open, boolean publicationEndsFirst) {
	}

	/** One line of a candidate's case file: a message key with its arguments, in time order. */
	public record CaseEntry(Instant at, String kind, String messageKey, List<Object> args) {
	}

	private final JdbcClient jdbc;

	private final ExamPlans plans;

	private final Enrollments enrollments;

	private final ScoreManagement scores;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	private final AppealRecords appeals;

	ReviewManagement(JdbcClient jdbc, ExamPlans plans, Enrollments enrollments, ScoreManagement scores,
			WorkingCalendar calendar, AuditLog audit, Clock clock, AppealRecords appeals) {
		this.appeals = appeals;
		this.jdbc = jdbc;
		this.plans = plans;
		this.enrollments = enrollments;
		this.scores = scores;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- access --------------------------------------------------------------------------------------------------

	private static boolean collegeUser(Scope scope) {
		return scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL;
	}

	private static void requireCollege(Scope scope) {
		if (!collegeUser(scope)) {
			throw new AccessDeniedProblem("review.error.collegeOnly");
		}
	}

	private static void requireReader(Scope scope) {
		if (!collegeUser(scope) && scope.role() != Role.ORG && !scope.isAdmin()) {
			throw new AccessDeniedProblem("review.error.noAccess");
		}
	}

	private PlanView plan(long planId) {
		return plans.find(planId).filter(p -> p.status() != PlanStatus.DRAFT)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
	}

	/** A request the scope may read: its college's, the ORG's submitted ones of its plans, the administrator all. */
	private ReviewView visible(Scope scope, long id) {
		requireReader(scope);
		ReviewView v = load(id);
		boolean ok = scope.isAdmin()
				|| collegeUser(scope) && scope.organisationId() != null && v.collegeId() == scope.organisationId()
				|| scope.role() == Role.ORG && scope.organisationId() != null
						&& v.organisationId() == scope.organisationId() && v.status() != ReviewStatus.DRAFT;
		if (!ok) {
			throw new NotFoundProblem("复查申请", id);
		}
		return v;
	}

	// ---- windows -------------------------------------------------------------------------------------------------

	/** The plan's submission window: publication start to the end of the 7th working day after it. */
	public Window window(PlanView plan) {
		Instant opens = plan.publication().opensAt();
		Instant deadline = ReviewRules.submissionDeadline(calendar.workingDays(), opens);
		return new Window(opens, deadline, ReviewRules.submissionOpen(clock.instant(), opens, deadline),
				plan.publication().closesAt().isBefore(deadline));
	}

	private void requireWindow(PlanView plan) {
		Window w = window(plan);
		if (!w.open()) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.windowClosed", Texts.time(w.opensAt()),
					Texts.time(w.deadline().minusSeconds(60)));
		}
	}

	// ---- reading -------------------------------------------------------------------------------------------------

	/** The plans the scope works with here (the score module's: the ORG its plans, colleges those in publication). */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		requireReader(scope);
		return scores.plans(scope);
	}

	/** Requests of a plan in the scope: a college its own (drafts too), the ORG the submitted ones of its plan. */
	@Transactional(readOnly = true)
	public List<ReviewView> list(Scope scope, long planId) {
		requireReader(scope);
		PlanView plan = plan(planId);
		String sql = "SELECT id FROM score_review WHERE plan_id = ?";
		List<Object> params = new ArrayList<>(List.of(planId));
		if (scope.role() == Role.ORG) {
			if (scope.organisationId() == null || plan.organisationId() != scope.organisationId()) {
				throw new NotFoundProblem("考核计划", planId);
			}
			sql += " AND status <> 'DRAFT' AND organisation_id = ?";
			params.add(scope.organisationId());
		}
		else if (!scope.isAdmin()) {
			sql += " AND college_id = ?";
			params.add(scope.organisationId() == null ? -1L : scope.organisationId());
		}
		List<Long> ids = jdbc.sql(sql + " ORDER BY submitted_at NULLS FIRST, id").params(params).query(Long.class)
			.list();
		return ids.stream().map(this::load).toList();
	}

	@Transactional(readOnly = true)
	public ReviewView get(Scope scope, long id) {
		return visible(scope, id);
	}

	/** The college's candidates in the plan who have no request yet, with their subjects and current scores. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Scope scope, long planId) {
		requireCollege(scope);
		PlanView plan = plan(planId);
		Set<Long> requested = new HashSet<>(jdbc.sql("SELECT candidate_id FROM score_review WHERE plan_id = ?")
			.param(planId).query(Long.class).list());
		Map<Long, List<Enrollments.Registered>> byCandidate = new LinkedHashMap<>();
		for (Enrollments.Registered r : enrollments.registered(planId)) {
			if (scope.organisationId() != null && r.collegeId() == scope.organisationId()
					&& !requested.contains(r.candidateId())) {
				byCandidate.computeIfAbsent(r.candidateId(), k -> new ArrayList<>()).add(r);
			}
		}
		List<Candidate> out = new ArrayList<>();
		Map<Long, ScoreView> current = new HashMap<>();
		if (!byCandidate.isEmpty()) {
			for (int page = 1;; page++) {
				var result = scores.list(scope, planId, new ScoreManagement.Filter(null, null),
						cn.kaowu.platform.kernel.PageQuery.of(page, 100));
				result.items().forEach(s -> current.put(s.registrationRecordId(), s));
				if (result.items().size() < 100) {
					break;
				}
			}
		}
		for (var e : byCandidate.entrySet()) {
			out.add(candidate(plan, e.getValue(), current));
		}
		out.sort(Comparator.comparing(Candidate::name));
		return out;
	}

	/** One of the college's candidates in the plan (404 for another college's). */
	@Transactional(readOnly = true)
	public Candidate candidate(Scope scope, long planId, long candidateId) {
		requireCollege(scope);
		PlanView plan = plan(planId);
		List<Enrollments.Registered> records = records(scope, planId, candidateId);
		Map<Long, ScoreView> current = new HashMap<>();
		scores.ofCandidate(scope, planId, candidateId).forEach(s -> current.put(s.registrationRecordId(), s));
		return candidate(plan, records, current);
	}

	private List<Enrollments.Registered> records(Scope scope, long planId, long candidateId) {
		List<Enrollments.Registered> records = enrollments.registered(planId).stream()
			.filter(r -> r.candidateId() == candidateId)
			.filter(r -> scope.isAdmin() || scope.role() == Role.ORG
					|| scope.organisationId() != null && r.collegeId() == scope.organisationId())
			.toList();
		if (records.isEmpty()) {
			throw new NotFoundProblem("考生", candidateId);
		}
		return records;
	}

	private static Candidate candidate(PlanView plan, List<Enrollments.Registered> records,
			Map<Long, ScoreView> current) {
		Enrollments.Registered first = records.getFirst();
		List<CandidateSubject> subjects = new ArrayList<>();
		for (Enrollments.Registered r : records) {
			PlanSubjectView s = plan.subjects().stream().filter(x -> x.id() == r.planSubjectId()).findFirst().orElseThrow();
			ScoreView v = current.get(r.recordId());
			subjects.add(new CandidateSubject(r.recordId(), r.planSubjectId(), r.level().withSubject(r.subjectName()),
					s.examMode().label(), v == null ? ReviewRules.Current.none()
							: new ReviewRules.Current(false, v.score(), v.absent())));
		}
		return new Candidate(first.candidateId(), first.name(), ChineseIdNumber.mask(first.idNumber()),
				first.level().label(), subjects);
	}

	// ---- the college -------------------------------------------------------------------------------------------

	/**
	 * Creates a draft request for one of the college's candidates: 409 outside the submission window or when the
	 * candidate already has a request in this plan; 422 for a subject whose reason is outside the review's scope.
	 */
	@Transactional
	public ReviewView create(Scope scope, long planId, ReviewForm form) {
		requireCollege(scope);
		PlanView plan = plan(planId);
		List<Enrollments.Registered> records = records(scope, planId, form.candidateId());
		requireWindow(plan);
		Map<Long, ScoreView> current = new HashMap<>();
		scores.ofCandidate(scope, planId, form.candidateId()).forEach(s -> current.put(s.registrationRecordId(), s));
		List<FieldProblem> problems = new ArrayList<>();
		String statement = required(form.statement(), "statement", 1000, problems);
		String person = required(form.contactPerson(), "contactPerson", 50, problems);
		String phone = required(form.contactPhone(), "contactPhone", 30, problems);
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("contactPhone", "review.contactPhone.format"));
		}
		List<SubjectRequest> wanted = form.subjects() == null ? List.of()
				: form.subjects().stream().filter(s -> s.reason() != null).toList();
		if (wanted.isEmpty()) {
			problems.add(new FieldProblem("subjects", "review.subjects.required"));
		}
		Map<Long, Enrollments.Registered> byRecord = new HashMap<>();
		records.forEach(r -> byRecord.put(r.recordId(), r));
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < wanted.size(); i++) {
			SubjectRequest s = wanted.get(i);
			String field = "subjects[" + i + "].reason";
			Enrollments.Registered r = byRecord.get(s.registrationRecordId());
			if (r == null || !seen.add(s.registrationRecordId())) {
				problems.add(new FieldProblem(field, "review.subjects.unknown", s.registrationRecordId()));
				continue;
			}
			PlanSubjectView subject = plan.subjects().stream().filter(x -> x.id() == r.planSubjectId()).findFirst()
				.orElseThrow();
			ScoreView v = current.get(r.recordId());
			var problem = ReviewRules.problem(s.reason(), subject.examMode(),
					v == null ? ReviewRules.Current.none() : new ReviewRules.Current(false, v.score(), v.absent()));
			problem.ifPresent(key -> problems.add(new FieldProblem(field, key, r.level().withSubject(r.subjectName()),
					v == null ? "—" : v.absent() ? "缺考" : String.valueOf(v.score()))));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		if (jdbc.sql("SELECT count(*) FROM score_review WHERE plan_id = ? AND candidate_id = ?")
			.params(planId, form.candidateId()).query(Integer.class).single() > 0) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.duplicate", records.getFirst().name());
		}
		Enrollments.Registered first = records.getFirst();
		Instant now = clock.instant();
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO score_review (plan_id, candidate_id, college_id, college_name, organisation_id, name,
					  id_number_masked, ticket_number, level_label, statement, contact_person, contact_phone, status,
					  created_at, created_by_name)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
				.params(planId, first.candidateId(), first.collegeId(), first.collegeName(), plan.organisationId(),
						first.name(), ChineseIdNumber.mask(first.idNumber()), first.ticketNumber(), first.level().label(),
						statement, person, phone, Timestamp.from(now), scope.username())
				.query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.duplicate", first.name());
		}
		for (SubjectRequest s : wanted) {
			Enrollments.Registered r = byRecord.get(s.registrationRecordId());
			ScoreView v = current.get(r.recordId());
			jdbc.sql("""
					INSERT INTO score_review_subject (review_id, registration_record_id, plan_subject_id, subject_label,
					  reason, score_before, absent_before, missing_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, r.recordId(), r.planSubjectId(), r.level().withSubject(r.subjectName()), s.reason().name(),
						v == null ? null : v.score(), v != null && v.absent(), v == null)
				.update();
		}
		audit.record(scope, AuditRecord.of("review.create", "ScoreReview", id, null, ReviewStatus.DRAFT,
				plan.name() + " " + first.name() + "：复查 " + wanted.size() + " 科", first.collegeId()));
		return load(id);
	}

	private static String required(@Nullable String value, String field, int max, List<FieldProblem> problems) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			problems.add(new FieldProblem(field, "review." + field + ".required"));
		}
		else if (v.length() > max) {
			problems.add(new FieldProblem(field, "review.tooLong", max));
		}
		return v;
	}

	/** Deletes a draft of the college. */
	@Transactional
	public void delete(Scope scope, long id) {
		requireCollege(scope);
		ReviewView v = visible(scope, id);
		if (v.status() != ReviewStatus.DRAFT) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.notDraft");
		}
		jdbc.sql("DELETE FROM score_review WHERE id = ?").param(id).update();
		audit.record(scope, AuditRecord.of("review.delete", "ScoreReview", id, ReviewStatus.DRAFT, null,
				v.planName() + " " + v.name(), v.collegeId()));
	}

	/**
	 * Submits drafts of the college (one or a batch, all or nothing) inside the submission window; the scope rules are
	 * checked again against the current scores (a correction may have changed them). Each gets its answer due date.
	 */
	@Transactional
	public List<ReviewView> submit(Scope scope, List<Long> ids) {
		requireCollege(scope);
		if (ids == null || ids.isEmpty()) {
			throw new InvalidInputProblem("ids", "review.submit.none");
		}
		Instant now = clock.instant();
		Instant due = ReviewRules.answerDue(calendar.workingDays(), now);
		List<ReviewView> out = new ArrayList<>();
		for (long id : new java.util.LinkedHashSet<>(ids)) {
			ReviewView v = visible(scope, id);
			if (v.status() != ReviewStatus.DRAFT) {
				throw new DomainException(HttpStatus.CONFLICT, "review.error.notDraft");
			}
			PlanView plan = plan(v.planId());
			requireWindow(plan);
			Map<Long, ScoreView> current = new HashMap<>();
			scores.ofCandidate(scope, v.planId(), v.candidateId()).forEach(s -> current.put(s.registrationRecordId(), s));
			for (ReviewView.Subject s : v.subjects()) {
				PlanSubjectView subject = plan.subjects().stream().filter(x -> x.id() == s.planSubjectId()).findFirst()
					.orElseThrow();
				ScoreView c = current.get(s.registrationRecordId());
				var problem = ReviewRules.problem(s.reason(), subject.examMode(),
						c == null ? ReviewRules.Current.none() : new ReviewRules.Current(false, c.score(), c.absent()));
				if (problem.isPresent()) {
					throw new InvalidInputProblem("subjects", problem.get(), s.subjectLabel(),
							c == null ? "—" : c.absent() ? "缺考" : String.valueOf(c.score()));
				}
			}
			jdbc.sql("""
					UPDATE score_review SET status = 'SUBMITTED', submitted_at = ?, submitted_by_name = ?, answer_due = ?
					WHERE id = ? AND status = 'DRAFT'""")
				.params(Timestamp.from(now), scope.username(), Timestamp.from(due), id).update();
			audit.record(scope, AuditRecord.of("review.submit", "ScoreReview", id, ReviewStatus.DRAFT,
					ReviewStatus.SUBMITTED, v.planName() + " " + v.name() + "：答复期限 " + Texts.time(due.minusSeconds(60)),
					v.collegeId()));
			out.add(load(id));
		}
		return out;
	}

	// ---- the ORG -------------------------------------------------------------------------------------------------

	/**
	 * The ORG owning the plan answers every subject of a submitted request: 维持, or 更正 with the corrected score, and
	 * an explanation. 更正 goes through the score module (history, audit; 409 成绩已锁定 once publication is over, and
	 * then nothing of the answer is stored). An answer after the due date is stored and flagged 逾期.
	 */
	@Transactional
	public ReviewView answer(Scope scope, long id, List<SubjectAnswer> answers) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("review.error.orgOnly");
		}
		ReviewView v = visible(scope, id);
		if (v.status() != ReviewStatus.SUBMITTED) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.notSubmitted");
		}
		Map<Long, SubjectAnswer> bySubject = new HashMap<>();
		answers.forEach(a -> bySubject.put(a.subjectId(), a));
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < v.subjects().size(); i++) {
			ReviewView.Subject s = v.subjects().get(i);
			SubjectAnswer a = bySubject.get(s.id());
			String prefix = "answers[" + s.id() + "].";
			if (a == null || a.result() == null) {
				problems.add(new FieldProblem(prefix + "result", "review.answer.result.required", s.subjectLabel()));
				continue;
			}
			String explanation = a.explanation() == null ? "" : a.explanation().strip();
			if (explanation.isEmpty()) {
				problems.add(new FieldProblem(prefix + "explanation", "review.answer.explanation.required",
						s.subjectLabel()));
			}
			else if (explanation.length() > 500) {
				problems.add(new FieldProblem(prefix + "explanation", "review.tooLong", 500));
			}
			if (a.result() == ReviewResult.CORRECTED && !a.absent()) {
				ScoreRules.problem(prefix + "score", a.score()).ifPresent(problems::add);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant now = clock.instant();
		for (ReviewView.Subject s : v.subjects()) {
			SubjectAnswer a = bySubject.get(s.id());
			String explanation = a.explanation().strip();
			BigDecimal after = null;
			Boolean absentAfter = null;
			if (a.result() == ReviewResult.CORRECTED) {
				ScoreView corrected = scores.correctRecord(scope, v.planId(), s.registrationRecordId(),
						CorrectionForm.of(a.absent() ? null : a.score(), a.absent(), "成绩复查：" + explanation));
				after = corrected.score();
				absentAfter = corrected.absent();
			}
			jdbc.sql("""
					UPDATE score_review_subject SET result = ?, score_after = ?, absent_after = ?, explanation = ?
					WHERE id = ?""")
				.params(a.result().name(), after, absentAfter, explanation, s.id()).update();
		}
		boolean late = v.answerDue() != null && ReviewRules.late(now, v.answerDue());
		jdbc.sql("""
				UPDATE score_review SET status = 'ANSWERED', answered_at = ?, answered_by_name = ?, answered_late = ?
				WHERE id = ? AND status = 'SUBMITTED'""")
			.params(Timestamp.from(now), scope.username(), late, id).update();
		long corrected = answers.stream().filter(a -> a.result() == ReviewResult.CORRECTED).count();
		audit.record(scope, AuditRecord.of("review.answer", "ScoreReview", id, ReviewStatus.SUBMITTED,
				ReviewStatus.ANSWERED, v.planName() + " " + v.name() + "：更正 " + corrected + " 科，维持 "
						+ (v.subjects().size() - corrected) + " 科" + (late ? "（逾期）" : ""),
				v.collegeId()));
		return load(id);
	}

	// ---- PDFs ----------------------------------------------------------------------------------------------------

	/** 附件1 成绩复查申请表 of a request (any state the scope may read). */
	@Transactional(readOnly = true)
	public byte[] requestForm(Scope scope, long id) {
		ReviewView v = visible(scope, id);
		return ReviewPdfs.requestForm(v, plan(v.planId()));
	}

	/** 成绩复查回执 of an answered request. */
	@Transactional(readOnly = true)
	public byte[] receipt(Scope scope, long id) {
		ReviewView v = visible(scope, id);
		if (v.status() != ReviewStatus.ANSWERED) {
			throw new DomainException(HttpStatus.CONFLICT, "review.error.notAnswered");
		}
		return ReviewPdfs.receipt(v, plan(v.planId()));
	}

	// ---- case file -----------------------------------------------------------------------------------------------

	/**
	 * A candidate's case file in a plan: every change of the scores (before → after; for the ORG and the administrator
	 * also who and why) and the review requests and answers, in time order. A college sees its own candidates only, as
	 * a summary (no names of the ORG's staff, no reasons or explanations).
	 */
	@Transactional(readOnly = true)
	public List<CaseEntry> caseFile(Scope scope, long planId, long candidateId) {
		requireReader(scope);
		PlanView plan = plan(planId);
		if (scope.role() == Role.ORG
				&& (scope.organisationId() == null || plan.organisationId() != scope.organisationId())) {
			throw new NotFoundProblem("考核计划", planId);
		}
		List<Enrollments.Registered> registered = records(scope, planId, candidateId);
		boolean details = !collegeUser(scope);
		List<CaseEntry> out = new ArrayList<>();
		for (ScoreManagement.CandidateChange c : scores.historyOfCandidate(scope, planId, candidateId)) {
			var h = c.change();
			String label = c.score().level().withSubject(c.score().subjectName());
			String before = h.absentBefore() == null ? "—" : h.absentBefore() ? "缺考" : String.valueOf(h.scoreBefore());
			String after = h.absentAfter() ? "缺考" : String.valueOf(h.scoreAfter());
			out.add(details
					? new CaseEntry(h.changedAt(), "score", "review.case.score.detail",
							List.of(label, before, after, h.source().name(), h.reason() == null ? "—" : h.reason(),
									h.changedByName()))
					: new CaseEntry(h.changedAt(), "score", "review.case.score.summary", List.of(label, before, after)));
		}
		jdbc.sql("SELECT id FROM score_review WHERE plan_id = ? AND candidate_id = ?").params(planId, candidateId)
			.query(Long.class).list().forEach(rid -> {
				ReviewView v = load(rid);
				if (v.status() == ReviewStatus.DRAFT && !collegeUser(scope)) {
					return;
				}
				String subjects = String.join("、", v.subjects().stream().map(ReviewView.Subject::subjectLabel).toList());
				out.add(new CaseEntry(v.createdAt(), "review", "review.case.created",
						details ? List.of(subjects, v.createdByName(), v.statement()) : List.of(subjects, v.createdByName(), "")));
				if (v.submittedAt() != null) {
					out.add(new CaseEntry(v.submittedAt(), "review", "review.case.submitted",
							List.of(String.valueOf(v.submittedByName()), Texts.time(v.answerDue().minusSeconds(60)))));
				}
				if (v.answeredAt() != null) {
					for (ReviewView.Subject s : v.subjects()) {
						String result = s.result() == ReviewResult.CORRECTED
								? "更正为 " + (Boolean.TRUE.equals(s.absentAfter()) ? "缺考" : String.valueOf(s.scoreAfter()))
								: "维持";
						out.add(new CaseEntry(v.answeredAt(), "review",
								details ? "review.case.answered.detail" : "review.case.answered.summary",
								details ? List.of(s.subjectLabel(), result, String.valueOf(s.explanation()),
										String.valueOf(v.answeredByName()), Boolean.TRUE.equals(v.answeredLate()) ? "（逾期）" : "")
										: List.of(s.subjectLabel(), result, Boolean.TRUE.equals(v.answeredLate()) ? "（逾期）" : "")));
					}
				}
			});
		// Appeals recorded at the exam site (issue 7 part 7: one history with reviews and corrections), by ticket.
		java.util.Set<String> tickets = new java.util.HashSet<>();
		registered.forEach(r -> {
			if (r.ticketNumber() != null) {
				tickets.add(r.ticketNumber());
			}
		});
		List<AppealRecords.AppealRow> appealRows;
		try {
			appealRows = tickets.isEmpty() ? List.of() : appeals.ofPlan(scope, planId).appeals();
		}
		catch (cn.kaowu.platform.kernel.DomainException notVisible) {
			appealRows = List.of(); // a role that reads case files but not appeal records
		}
		for (AppealRecords.AppealRow a : appealRows) {
			if (!tickets.contains(a.appeal().ticketNumber())) {
				continue;
			}
			out.add(new CaseEntry(a.appeal().recordedAt(), "appeal", "review.case.appeal.recorded",
					List.of(a.siteName(), details ? a.appeal().text() : "", a.appeal().recordedBy())));
			for (var e : a.appeal().events()) {
				out.add(new CaseEntry(e.recordedAt(), "appeal", "review.case.appeal." + e.kind().name(),
						List.of(e.outcome() == null ? "" : e.outcome().label(),
								details && e.text() != null ? e.text() : "",
								e.reason() == null ? "" : e.reason())));
			}
		}
		out.sort(Comparator.comparing(CaseEntry::at));
		return out;
	}

	// ---- loading -------------------------------------------------------------------------------------------------

	private ReviewView load(long id) {
		List<ReviewView.Subject> subjects = jdbc.sql("SELECT * FROM score_review_subject WHERE review_id = ? ORDER BY id")
			.param(id).query((rs, n) -> subject(rs)).list();
		return jdbc.sql("""
				SELECT r.* FROM score_review r WHERE r.id = ?""")
			.param(id)
			.query((rs, n) -> new ReviewView(rs.getLong("id"), rs.getLong("plan_id"),
					plans.find(rs.getLong("plan_id")).map(PlanView::name).orElse(""),
					rs.getLong("organisation_id"), rs.getLong("candidate_id"), rs.getLong("college_id"),
					rs.getString("college_name"), rs.getString("name"), rs.getString("id_number_masked"),
					rs.getString("ticket_number"), rs.getString("level_label"), rs.getString("statement"),
					rs.getString("contact_person"), rs.getString("contact_phone"),
					ReviewStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
					rs.getString("created_by_name"), instant(rs, "submitted_at"), rs.getString("submitted_by_name"),
					instant(rs, "answer_due"), instant(rs, "answered_at"), rs.getString("answered_by_name"),
					(Boolean) rs.getObject("answered_late"), subjects))
			.optional()
			.orElseThrow(() -> new NotFoundProblem("复查申请", id));
	}

	private static ReviewView.Subject subject(ResultSet rs) throws SQLException {
		String result = rs.getString("result");
		return new ReviewView.Subject(rs.getLong("id"), rs.getLong("registration_record_id"),
				rs.getLong("plan_subject_id"), rs.getString("subject_label"), ReviewReason.valueOf(rs.getString("reason")),
				rs.getBigDecimal("score_before"), rs.getBoolean("absent_before"), rs.getBoolean("missing_before"),
				result == null ? null : ReviewResult.valueOf(result), rs.getBigDecimal("score_after"),
				(Boolean) rs.getObject("absent_after"), rs.getString("explanation"));
	}

	@SuppressWarnings("NullAway")
	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
