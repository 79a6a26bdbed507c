package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.result.ResultIntake;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 成绩登记、成绩查询、成绩更正与考证结果 (004 ch.3 §8).
 * <ul>
 * <li><b>Who</b>: the ORG owning the plan (role ORG) registers, imports and corrects, and reads the plan's scores at
 * any time; another ORG's plan answers 404. A college's accounts read their own candidates' scores and 考证结果 from the
 * first second of publication on (before: 409 naming the window); another college's score answers 404. The
 * administrator reads everything; every other role (province, city, patrol, arbitrator, grader) gets 403.</li>
 * <li><b>When</b>: registering (from results or by import) only inside the score-registration window; corrections
 * inside the registration or the publication window, with a reason; nothing after publication (locked).</li>
 * </ul>
 */
@Service
public class ScoreManagement {

	public static final String IMPORT_JOB = "score-import";

	/** A plan subject with how far its scores are registered. */
	public record SubjectSummary(PlanSubjectView subject, int registrations, int scored, int absent, int missing) {
	}

	/** A candidate named in a report (missing result, practical mark pending). */
	public record Candidate(@Nullable String ticketNumber, String name) {
	}

	/** What 从考试结果登记 did for one plan subject. */
	public record RegistrationReport(long planSubjectId, String subject, int created, int changed, int unchanged,
			int absent, List<Candidate> missing, List<Candidate> pending) {
	}

	/** Per level of the plan: how many candidates passed and failed (and how many still lack a score). */
	public record LevelResult(long levelId, String level, String levelDisplayName, int candidates, int passed,
			int failed, int incomplete) {
	}

	/** A candidate who passed a level: no scores, as the seed's 考证结果 page. */
	public record Passer(String name, String idNumberMasked, String collegeName, String level,
			String levelDisplayName) {
	}

	/** 考证结果 of a plan in the caller's scope. */
	public record CertificateResults(PlanView plan, List<LevelResult> levels, List<Passer> passers) {
	}

	/** The list's filter. */
	public record Filter(@Nullable Long planSubjectId, @Nullable String keyword) {
	}

	private final JdbcClient jdbc;

	private final ExamPlans plans;

	private final Enrollments enrollments;

	private final ResultIntake results;

	private final ScoreStore store;

	private final ScoreLocks locks;

	private final Jobs jobs;

	private final AuditLog audit;

	private final Clock clock;

	ScoreManagement(JdbcClient jdbc, ExamPlans plans, Enrollments enrollments, ResultIntake results, ScoreStore store,
			ScoreLocks locks, Jobs jobs, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.enrollments = enrollments;
		this.results = results;
		this.store = store;
		this.locks = locks;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- access -------------------------------------------------------------------------------------------------

	/**
	 * The ORG owning the plan; 403 for every other role, 404 for another ORG's plan or a draft. Archived plans are
	 * read (their scores are locked, so no write passes anyway).
	 */
	PlanView ownPlan(Scope scope, long planId) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("score.error.orgOnly");
		}
		PlanView plan = plans.find(planId)
			.filter(p -> scope.organisationId() != null && p.organisationId() == scope.organisationId())
			.filter(p -> p.status() != PlanStatus.DRAFT)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		locks.lockIfOver(plan, clock.instant());
		return plan;
	}

	/** A plan whose scores the scope may read, and the college it is limited to (null: all). */
	record Readable(PlanView plan, @Nullable Long collegeId) {
	}

	Readable readable(Scope scope, long planId) {
		if (scope.role() == Role.ORG) {
			return new Readable(ownPlan(scope, planId), null);
		}
		if (!scope.isAdmin() && !scope.role().isCollege()) {
			throw new AccessDeniedProblem("score.error.noAccess");
		}
		PlanView plan = plans.find(planId).filter(p -> p.status() != PlanStatus.DRAFT)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		Instant now = clock.instant();
		locks.lockIfOver(plan, now);
		if (scope.isAdmin()) {
			return new Readable(plan, null);
		}
		if (plan.publication().notYetOpen(now)) {
			throw new DomainException(HttpStatus.CONFLICT, "score.error.notPublished", plan.publication().toString());
		}
		return new Readable(plan, scope.organisationId() == null ? -1L : scope.organisationId());
	}

	/** The plans the scope works with here: the ORG its published plans, colleges those whose publication opened. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		Instant now = clock.instant();
		if (scope.role() == Role.ORG) {
			return plans.published(null).stream()
				.filter(p -> scope.organisationId() != null && p.organisationId() == scope.organisationId())
				.toList();
		}
		if (!scope.isAdmin() && !scope.role().isCollege()) {
			throw new AccessDeniedProblem("score.error.noAccess");
		}
		return plans.published(null).stream().filter(p -> scope.isAdmin() || !p.publication().notYetOpen(now)).toList();
	}

	/** The ORG's published plans for 成绩登记; 403 for every other role. */
	@Transactional(readOnly = true)
	public List<PlanView> ownPlans(Scope scope) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("score.error.orgOnly");
		}
		return plans(scope);
	}

	private void requireRegistrationOpen(PlanView plan, Instant now) {
		if (!plan.isScoreRegistrationOpen(now)) {
			throw new DomainException(HttpStatus.CONFLICT, "score.error.registrationClosed",
					plan.scoreRegistration().toString());
		}
	}

	/** Refuses any write to a plan whose scores are locked. */
	private void requireNotLocked(PlanView plan, Instant now) {
		if (plan.scoresLocked(now) || locks.isLocked(plan.id())) {
			throw new DomainException(HttpStatus.CONFLICT, "score.error.locked", plan.publication().toString());
		}
	}

	// ---- registration --------------------------------------------------------------------------------------------

	/** Per plan subject: registrations, scored, 缺考, missing. The ORG owning the plan. */
	@Transactional(readOnly = true)
	public List<SubjectSummary> subjects(Scope scope, long planId) {
		PlanView plan = ownPlan(scope, planId);
		Map<Long, Integer> registrations = new HashMap<>();
		enrollments.registered(planId).forEach(r -> registrations.merge(r.planSubjectId(), 1, Integer::sum));
		Map<Long, int[]> counts = new HashMap<>();
		jdbc.sql("SELECT plan_subject_id, count(*) FILTER (WHERE NOT absent), count(*) FILTER (WHERE absent) "
				+ "FROM score_record WHERE plan_id = ? GROUP BY plan_subject_id")
			.param(planId)
			.query((rs, n) -> counts.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list();
		List<SubjectSummary> out = new ArrayList<>();
		for (PlanLevel level : plan.levels()) {
			for (PlanSubjectView s : level.subjects()) {
				int reg = registrations.getOrDefault(s.id(), 0);
				int[] c = counts.getOrDefault(s.id(), new int[2]);
				out.add(new SubjectSummary(s, reg, c[0], c[1], Math.max(0, reg - c[0] - c[1])));
			}
		}
		return out;
	}

	/**
	 * 从考试结果登记: the uploaded results of one plan subject become its scores (see
	 * {@link ScoreRules#fromResult}); candidates registered without a result are reported as missing, practical marks
	 * not yet graded as pending; a candidate the site marked 缺考 without a result is 缺考. One transaction; a re-run
	 * changes only what changed (with a history row).
	 */
	@Transactional
	public RegistrationReport registerFromResults(Scope scope, long planId, long planSubjectId) {
		PlanView plan = ownPlan(scope, planId);
		Instant now = clock.instant();
		requireNotLocked(plan, now);
		requireRegistrationOpen(plan, now);
		PlanSubjectView subject = plan.subjects().stream().filter(s -> s.id() == planSubjectId).findFirst()
			.orElseThrow(() -> new NotFoundProblem("考核科目", planSubjectId));
		Map<String, ResultIntake.SubjectResult> byTicket = new HashMap<>();
		results.subjectResults(planId, planSubjectId).forEach(r -> byTicket.put(r.ticketNumber(), r));
		int created = 0;
		int changed = 0;
		int unchanged = 0;
		int absent = 0;
		List<Candidate> missing = new ArrayList<>();
		List<Candidate> pending = new ArrayList<>();
		for (Enrollments.Registered r : enrollments.registered(planId)) {
			if (r.planSubjectId() != planSubjectId) {
				continue;
			}
			ResultIntake.SubjectResult result = r.ticketNumber() == null ? null : byTicket.get(r.ticketNumber());
			ScoreRules.FromResult value;
			if (result == null) {
				if (!r.absent()) {
					missing.add(new Candidate(r.ticketNumber(), r.name()));
					continue;
				}
				value = new ScoreRules.Absent();
			}
			else {
				value = ScoreRules.fromResult(result, subject.examMode());
			}
			ScoreStore.Outcome outcome;
			switch (value) {
				case ScoreRules.PracticalPending p -> {
					pending.add(new Candidate(r.ticketNumber(), r.name()));
					continue;
				}
				case ScoreRules.Absent a -> {
					absent++;
					outcome = store.store(planId, r, null, true, null, ScoreSource.RESULTS, null, scope, now);
				}
				case ScoreRules.Scored s -> outcome = store.store(planId, r, s.score(), false, s.note(),
						ScoreSource.RESULTS, null, scope, now);
			}
			switch (outcome) {
				case CREATED -> created++;
				case CHANGED -> changed++;
				case UNCHANGED -> unchanged++;
			}
		}
		String name = subject.level().withSubject(subject.subjectName());
		audit.record(scope, AuditRecord.of("score.fromResults", "ExamPlan", planId, null, null,
				plan.name() + " " + name + "：从考试结果登记，新增 " + created + " 条，修改 " + changed + " 条（其中缺考 " + absent
						+ "），无成绩 " + missing.size() + " 人，实操待评 " + pending.size() + " 人",
				plan.organisationId()));
		return new RegistrationReport(planSubjectId, name, created, changed, unchanged, absent, missing, pending);
	}

	/** Starts the xlsx import of a plan's scores as a job; the window is checked now and again when it runs. */
	public JobView startImport(Scope scope, long planId, String fileName, byte[] content) {
		PlanView plan = ownPlan(scope, planId);
		Instant now = clock.instant();
		requireNotLocked(plan, now);
		requireRegistrationOpen(plan, now);
		Spreadsheets.check("file", fileName, content);
		return jobs.submit(scope, IMPORT_JOB, String.valueOf(planId), FileStorage.safeName(fileName), content);
	}

	public byte[] template() {
		return ImportScores.template();
	}

	/** Checks, for the import job, that the plan may take scores now. */
	PlanView importablePlan(Scope scope, long planId) {
		PlanView plan = ownPlan(scope, planId);
		Instant now = clock.instant();
		requireNotLocked(plan, now);
		requireRegistrationOpen(plan, now);
		return plan;
	}

	// ---- reading -------------------------------------------------------------------------------------------------

	/** The plan's scores in the caller's scope, filtered and paged, by ticket and subject. */
	@Transactional(readOnly = true)
	public PageResult<ScoreView> list(Scope scope, long planId, Filter filter, PageQuery page) {
		Readable r = readable(scope, planId);
		Where where = Where.start().and("s.plan_id = ?", planId).andIf(r.collegeId(), "s.college_id = ?")
			.andIf(filter.planSubjectId(), "s.plan_subject_id = ?");
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where = where.andLike(filter.keyword(), "s.name", "s.ticket_number");
		}
		Map<Long, PlanSubjectView> subjects = subjects(r.plan());
		return where.page(jdbc, "SELECT s.*", "FROM score_record s", "s.ticket_number NULLS LAST, s.plan_subject_id, s.id",
				page, (rs, n) -> view(rs, subjects));
	}

	/**
	 * All of the plan's scores in the caller's scope in one query, by id: for work on the whole plan such as the
	 * certificate list, where paging with OFFSET would sort the plan once a page (200,000 scores of a plan took
	 * about 1.9 s a page of 100, hours in all: found by bench/run simulation).
	 */
	@Transactional(readOnly = true)
	public List<ScoreView> all(Scope scope, long planId) {
		Readable r = readable(scope, planId);
		Where where = Where.start().and("s.plan_id = ?", planId).andIf(r.collegeId(), "s.college_id = ?");
		Map<Long, PlanSubjectView> subjects = subjects(r.plan());
		return jdbc.sql("SELECT s.* FROM score_record s" + where.sql() + " ORDER BY s.id")
			.params(where.params())
			.query((rs, n) -> view(rs, subjects))
			.list();
	}

	/** One score; another college's (or another ORG's) answers 404. */
	@Transactional(readOnly = true)
	public ScoreView get(Scope scope, long id) {
		long planId = jdbc.sql("SELECT plan_id FROM score_record WHERE id = ?").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundProblem("成绩", id));
		Readable r;
		try {
			r = readable(scope, planId);
		}
		catch (NotFoundProblem e) {
			throw new NotFoundProblem("成绩", id);
		}
		Map<Long, PlanSubjectView> subjects = subjects(r.plan());
		return jdbc.sql("SELECT s.* FROM score_record s WHERE s.id = ? AND (?::bigint IS NULL OR s.college_id = ?)")
			.params(id, r.collegeId(), r.collegeId())
			.query((rs, n) -> view(rs, subjects))
			.optional()
			.orElseThrow(() -> new NotFoundProblem("成绩", id));
	}

	/** Every change of a score, oldest first. */
	@Transactional(readOnly = true)
	public List<ScoreHistoryView> history(Scope scope, long id) {
		get(scope, id);
		return store.history(id);
	}

	// ---- correction ----------------------------------------------------------------------------------------------

	/**
	 * The ORG corrects a score during registration or publication (复查 answers, mistakes), with a reason: a history
	 * row and an audit entry; 409 after publication (locked) or before registration.
	 */
	@Transactional
	public ScoreView correct(Scope scope, long id, CorrectionForm form) {
		long planId = jdbc.sql("SELECT plan_id FROM score_record WHERE id = ?").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundProblem("成绩", id));
		PlanView plan;
		try {
			plan = ownPlan(scope, planId);
		}
		catch (NotFoundProblem e) {
			throw new NotFoundProblem("成绩", id);
		}
		Instant now = clock.instant();
		requireNotLocked(plan, now);
		if (!plan.isScoreRegistrationOpen(now) && !plan.isPublicationOpen(now)) {
			throw new DomainException(HttpStatus.CONFLICT, "score.error.correctionClosed",
					plan.scoreRegistration().toString(), plan.publication().toString());
		}
		List<cn.kaowu.platform.kernel.DomainException.FieldProblem> problems = new ArrayList<>();
		BigDecimal score = null;
		if (!form.isAbsent()) {
			var p = ScoreRules.problem("score", form.getScore());
			if (p.isPresent()) {
				problems.add(p.get());
			}
			else {
				score = ScoreRules.parse(form.getScore());
			}
		}
		String reason = form.getReason() == null ? "" : form.getReason().strip();
		if (reason.isEmpty()) {
			problems.add(new cn.kaowu.platform.kernel.DomainException.FieldProblem("reason", "score.reason.required"));
		}
		else if (reason.length() > 500) {
			problems.add(new cn.kaowu.platform.kernel.DomainException.FieldProblem("reason", "score.reason.tooLong", 500));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		ScoreView before = get(scope, id);
		Enrollments.Registered r = enrollments.registered(planId).stream()
			.filter(x -> x.recordId() == before.registrationRecordId()).findFirst().orElseThrow();
		String note = form.isAbsent() ? null
				: ScoreRules.DISQUALIFIED_NOTE.equals(before.note()) && score.signum() == 0 ? before.note() : null;
		ScoreStore.Outcome outcome = store.store(planId, r, score, form.isAbsent(), note, ScoreSource.CORRECTION,
				reason, scope, now);
		if (outcome == ScoreStore.Outcome.UNCHANGED) {
			throw new InvalidInputProblem("score", "score.correction.unchanged");
		}
		audit.record(scope, AuditRecord.of("score.correct", "Score", id, text(before.score(), before.absent()),
				text(score, form.isAbsent()), plan.name() + " " + before.ticketNumber() + " " + before.name() + " "
						+ before.level().withSubject(before.subjectName()) + "：" + reason,
				before.collegeId()));
		return get(scope, id);
	}

	/**
	 * Corrects the score of one registration record (score review answers): like {@link #correct}, and when the record
	 * has no score yet (复查 of a missing score) it registers one with source CORRECTION, the same checks, history row
	 * and audit entry. 409 when the plan's scores are locked.
	 */
	@Transactional
	public ScoreView correctRecord(Scope scope, long planId, long registrationRecordId, CorrectionForm form) {
		var existing = jdbc.sql("SELECT id FROM score_record WHERE registration_record_id = ? AND plan_id = ?")
			.params(registrationRecordId, planId).query(Long.class).optional();
		if (existing.isPresent()) {
			return correct(scope, existing.get(), form);
		}
		PlanView plan = ownPlan(scope, planId);
		Instant now = clock.instant();
		requireNotLocked(plan, now);
		if (!plan.isScoreRegistrationOpen(now) && !plan.isPublicationOpen(now)) {
			throw new DomainException(HttpStatus.CONFLICT, "score.error.correctionClosed",
					plan.scoreRegistration().toString(), plan.publication().toString());
		}
		Enrollments.Registered r = enrollments.registered(planId).stream()
			.filter(x -> x.recordId() == registrationRecordId).findFirst()
			.orElseThrow(() -> new NotFoundProblem("报考记录", registrationRecordId));
		BigDecimal score = null;
		if (!form.isAbsent()) {
			var p = ScoreRules.problem("score", form.getScore());
			if (p.isPresent()) {
				throw new InvalidInputProblem(List.of(p.get()));
			}
			score = ScoreRules.parse(form.getScore());
		}
		String reason = form.getReason() == null ? "" : form.getReason().strip();
		if (reason.isEmpty()) {
			throw new InvalidInputProblem("reason", "score.reason.required");
		}
		store.store(planId, r, score, form.isAbsent(), null, ScoreSource.CORRECTION, reason, scope, now);
		long id = jdbc.sql("SELECT id FROM score_record WHERE registration_record_id = ?").param(registrationRecordId)
			.query(Long.class).single();
		audit.record(scope, AuditRecord.of("score.correct", "Score", id, null, text(score, form.isAbsent()),
				plan.name() + " " + r.ticketNumber() + " " + r.name() + " " + r.level().withSubject(r.subjectName()) + "："
						+ reason,
				r.collegeId()));
		return get(scope, id);
	}

	/** A change of one of a candidate's scores, for the case file. */
	public record CandidateChange(ScoreView score, ScoreHistoryView change) {
	}

	/** A candidate's scores in a plan, in the caller's scope (a college: its own candidates, from publication on). */
	@Transactional(readOnly = true)
	public List<ScoreView> ofCandidate(Scope scope, long planId, long candidateId) {
		Readable r = readable(scope, planId);
		Map<Long, PlanSubjectView> subjects = subjects(r.plan());
		return jdbc.sql("""
				SELECT s.* FROM score_record s WHERE s.plan_id = ? AND s.candidate_id = ?
				  AND (?::bigint IS NULL OR s.college_id = ?) ORDER BY s.plan_subject_id""")
			.params(planId, candidateId, r.collegeId(), r.collegeId())
			.query((rs, n) -> view(rs, subjects))
			.list();
	}

	/** Every change of a candidate's scores in a plan, oldest first (the case file reads it). */
	@Transactional(readOnly = true)
	public List<CandidateChange> historyOfCandidate(Scope scope, long planId, long candidateId) {
		List<CandidateChange> out = new ArrayList<>();
		for (ScoreView s : ofCandidate(scope, planId, candidateId)) {
			store.history(s.id()).forEach(h -> out.add(new CandidateChange(s, h)));
		}
		out.sort(java.util.Comparator.comparing((CandidateChange c) -> c.change().changedAt())
			.thenComparing(c -> c.score().id()).thenComparing(c -> c.change().version()));
		return out;
	}

	/**
	 * The public portal's lookup (unscoped): the scores of the candidate holding {@code ticketNumber} with
	 * {@code idNumber}, in the plans of that ticket whose publication has started at {@code now}. Always the same two
	 * queries, whatever matches: the rows of the ticket with the ID number's blind index, then the candidate's scores in those plans (none when nothing matched). Empty when the pair does not match, the ticket is
	 * unknown or publication has not started, so a caller cannot tell these apart.
	 */
	@Transactional(readOnly = true)
	public List<ScoreView> publishedScoresOf(String idNumber, String ticketNumber, Instant now) {
		// Full ID numbers live sealed with the registration records (score keeps them masked): the ticket's rows with
		// this number are found through enrollment's blind index.
		long candidateId = -1;
		List<Long> planIds = new ArrayList<>();
		for (Enrollments.Registered r : enrollments.holding(ticketNumber.strip(), idNumber)) {
			candidateId = r.candidateId();
			planIds.add(r.planId());
		}
		Map<Long, PlanView> open = new HashMap<>();
		for (Long planId : planIds) {
			plans.find(planId).filter(p -> p.status() != PlanStatus.DRAFT && !p.publication().notYetOpen(now))
				.ifPresent(p -> open.put(p.id(), p));
		}
		Long[] ids = open.isEmpty() ? new Long[] { -1L } : open.keySet().toArray(Long[]::new);
		return jdbc.sql("SELECT s.* FROM score_record s WHERE s.candidate_id = ? AND s.plan_id = ANY(?) "
				+ "ORDER BY s.plan_id, s.plan_subject_id")
			.params(candidateId, ids)
			.query((rs, n) -> view(rs, subjects(open.get(rs.getLong("plan_id")))))
			.list();
	}

	private static String text(@Nullable BigDecimal score, boolean absent) {
		return absent ? "缺考" : String.valueOf(score);
	}

	// ---- 考证结果 ------------------------------------------------------------------------------------------------

	/**
	 * 考证结果: per candidate and level, passed iff every subject of the level has a score ≥ its pass mark (缺考 or no
	 * score fails). Colleges see their own candidates from publication on; the ORG all colleges.
	 */
	@Transactional(readOnly = true)
	public CertificateResults certificates(Scope scope, long planId) {
		Readable access = readable(scope, planId);
		PlanView plan = access.plan();
		Map<Long, PlanSubjectView> subjects = subjects(plan);
		Map<Long, ScoreStore.Current> scores = store.currentOfPlan(planId);
		Map<List<Long>, List<Enrollments.Registered>> byCandidateLevel = new LinkedHashMap<>();
		for (Enrollments.Registered r : enrollments.registered(planId)) {
			if (access.collegeId() == null || r.collegeId() == access.collegeId()) {
				byCandidateLevel.computeIfAbsent(List.of(r.candidateId(), r.levelId()), k -> new ArrayList<>()).add(r);
			}
		}
		Map<Long, int[]> counts = new LinkedHashMap<>();
		plan.levels().forEach(l -> counts.put(l.levelId(), new int[3]));
		List<Passer> passers = new ArrayList<>();
		for (List<Enrollments.Registered> records : byCandidateLevel.values()) {
			boolean passed = true;
			boolean complete = true;
			for (Enrollments.Registered r : records) {
				ScoreStore.Current s = scores.get(r.recordId());
				PlanSubjectView subject = subjects.get(r.planSubjectId());
				complete &= s != null;
				passed &= s != null && subject != null && ScoreRules.passes(s.score(), subject.passMark());
			}
			Enrollments.Registered first = records.getFirst();
			int[] c = counts.computeIfAbsent(first.levelId(), k -> new int[3]);
			c[passed ? 0 : 1]++;
			if (!complete) {
				c[2]++;
			}
			if (passed) {
				passers.add(new Passer(first.name(), cn.kaowu.platform.kernel.ChineseIdNumber.mask(first.idNumber()),
						first.collegeName(), first.level().label(), displayName(plan, first.levelId())));
			}
		}
		List<LevelResult> levels = new ArrayList<>();
		for (PlanLevel l : plan.levels()) {
			int[] c = counts.get(l.levelId());
			levels.add(new LevelResult(l.levelId(), l.level().label(), l.displayName(), c[0] + c[1], c[0], c[1], c[2]));
		}
		return new CertificateResults(plan, levels, passers);
	}

	/** The passers as xlsx (masked ID numbers, no scores); the export of personal data is audited. */
	@Transactional
	public byte[] exportPassers(Scope scope, long planId) {
		CertificateResults results = certificates(scope, planId);
		List<List<String>> rows = new ArrayList<>();
		for (Passer p : results.passers()) {
			rows.add(List.of(p.name(), p.idNumberMasked(), p.collegeName(), p.levelDisplayName(), "通过"));
		}
		audit.record(scope, AuditRecord.of("score.exportPassers", "ExamPlan", planId, null, null,
				results.plan().name() + "：导出考证结果 " + rows.size() + " 人", scope.organisationId()));
		return Spreadsheets.sheet("考证结果",
				List.of(new Spreadsheets.Column("姓名", 14), new Spreadsheets.Column("身份证号", 24),
						new Spreadsheets.Column("所属院校", 28), new Spreadsheets.Column("考核证书", 44),
						new Spreadsheets.Column("考证结果", 12)),
				rows);
	}

	private static String displayName(PlanView plan, long levelId) {
		return plan.level(levelId).map(PlanLevel::displayName).orElse("");
	}

	static Map<Long, PlanSubjectView> subjects(PlanView plan) {
		Map<Long, PlanSubjectView> out = new HashMap<>();
		plan.subjects().forEach(s -> out.put(s.id(), s));
		return out;
	}

	private static ScoreView view(java.sql.ResultSet rs, Map<Long, PlanSubjectView> subjects)
			throws java.sql.SQLException {
		PlanSubjectView s = subjects.get(rs.getLong("plan_subject_id"));
		BigDecimal score = rs.getBigDecimal("score");
		return new ScoreView(rs.getLong("id"), rs.getLong("registration_record_id"), rs.getLong("plan_id"),
				rs.getLong("plan_subject_id"), s.level(), s.subjectName(), s.code(), s.passMark(),
				rs.getString("ticket_number"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getLong("college_id"), rs.getString("college_name"), score, rs.getBoolean("absent"),
				rs.getString("note"), ScoreSource.valueOf(rs.getString("source")), rs.getInt("version"),
				rs.getBoolean("locked"), rs.getTimestamp("updated_at").toInstant(),
				ScoreRules.passes(score, s.passMark()));
	}
}
