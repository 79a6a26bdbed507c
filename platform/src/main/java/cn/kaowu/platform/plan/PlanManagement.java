package cn.kaowu.platform.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.site.SiteApplicationStatus;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow of exam plans. The ORG that owns a certificate creates, edits, publishes, archives and deletes
 * its plans; everyone else reads published (and archived) plans. Scope: an ORG sees its own plans (other ids
 * answer 404), the administrator all, other roles the plans that are not drafts.
 */
@Service
public class PlanManagement {

	private final Plans plans;

	private final CatalogManagement catalog;

	private final SiteManagement sites;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanManagement(Plans plans, CatalogManagement catalog, SiteManagement sites, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.catalog = catalog;
		this.sites = sites;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Filter of the plan list; every member is optional. */
	public record PlanFilter(@Nullable Integer year, @Nullable Long certificateId, @Nullable PlanPhase phase,
			@Nullable PlanStatus status) {

		public static PlanFilter none() {
			return new PlanFilter(null, null, null, null);
		}
	}

	public static boolean canManage(@Nullable Scope scope) {
		return scope != null && scope.role() == Role.ORG;
	}

	@Transactional
	public PlanView create(Scope scope, PlanForm form) {
		requireOrg(scope);
		Plans.Header header = check(scope, form);
		long id;
		try {
			id = plans.insert(header, now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "plan.name.duplicate");
		}
		audit.record(scope, AuditRecord.of("plan.create", "ExamPlan", id, null, PlanStatus.DRAFT,
				describe(header), header.organisationId()));
		return get(scope, id);
	}

	/**
	 * Changes name, year, certificate and windows: a draft at any time, a published plan only until its
	 * registration opens. The certificate can change only while the plan has no subjects, and the subjects'
	 * exam slots must still fit the new windows.
	 */
	@Transactional
	public PlanView update(Scope scope, long id, PlanForm form) {
		PlanView current = own(scope, id);
		requireEditable(current, "编辑");
		Plans.Header header = check(scope, form);
		List<FieldProblem> problems = new ArrayList<>();
		if (header.certificateId() != current.certificateId() && !current.subjects().isEmpty()) {
			problems.add(new FieldProblem("certificateId", "plan.certificate.hasSubjects"));
		}
		if (current.status() == PlanStatus.PUBLISHED && !header.registration().notYetOpen(now())) {
			problems.add(new FieldProblem("registrationStart", "plan.window.registrationInPast"));
		}
		for (PlanSubjectView s : current.subjects()) {
			if (!PlanRules.slotFits(s.startsAt(), s.endsAt(), header.scheduling(), header.scoreRegistration())) {
				problems.add(new FieldProblem("schedulingEnd", "plan.window.slotOutside",
						s.levelDisplayName() + " " + s.subjectName(), s.slot()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		boolean done;
		try {
			done = plans.update(id, header, form.getVersion() == null ? current.version() : form.getVersion(), now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "plan.name.duplicate");
		}
		if (!done) {
			throw new OptimisticLockingFailureException("exam_plan " + id);
		}
		audit.record(scope, AuditRecord.of("plan.update", "ExamPlan", id, current.status(), current.status(),
				describe(header), current.organisationId()));
		return get(scope, id);
	}

	/**
	 * Replaces the plan's subjects. Each included row names a usable subject of the plan's certificate; code,
	 * mode and pass mark default to the catalogue's; the slot must lie after scheduling ends and before score
	 * registration starts. Field names are those of the form rows ({@code subjects[2].examDate}).
	 */
	@Transactional
	public PlanView updateSubjects(Scope scope, long id, PlanSubjectsForm form) {
		PlanView current = own(scope, id);
		requireEditable(current, "修改科目");
		CertificateView certificate = catalog.getCertificate(Scope.system(), current.certificateId());
		Map<Long, SubjectView> usable = new LinkedHashMap<>();
		for (LevelView level : certificate.levels()) {
			if (level.usable()) {
				level.usableSubjects().forEach(s -> usable.put(s.id(), s));
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Plans.SubjectRow> rows = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Set<String> codes = new HashSet<>();
		List<PlanSubjectForm> input = form.getSubjects() == null ? List.of() : form.getSubjects();
		for (int i = 0; i < input.size(); i++) {
			PlanSubjectForm row = input.get(i);
			if (row == null || !row.isIncluded()) {
				continue;
			}
			String at = "subjects[" + i + "].";
			SubjectView subject = row.getSubjectId() == null ? null : usable.get(row.getSubjectId());
			if (subject == null) {
				problems.add(new FieldProblem(at + "subjectId", "plan.subject.unknown", certificate.name()));
				continue;
			}
			String label = subject.levelDisplayName() + " " + subject.name();
			if (!seen.add(subject.id())) {
				problems.add(new FieldProblem(at + "subjectId", "plan.subject.twice", label));
			}
			String code = row.getCode() == null || row.getCode().isBlank() ? subject.code() : row.getCode().trim();
			if (code.length() > 30) {
				problems.add(new FieldProblem(at + "code", "plan.subject.code.size", label));
			}
			else if (!codes.add(code)) {
				problems.add(new FieldProblem(at + "code", "plan.subject.code.duplicate", code));
			}
			ExamMode mode = row.getExamMode() == null ? subject.examMode() : row.getExamMode();
			int passMark = row.getPassMark() == null ? subject.passMark() : row.getPassMark();
			if (passMark < 0 || passMark > 100) {
				problems.add(new FieldProblem(at + "passMark", "plan.subject.passMark.range", label));
			}
			LocalDate date = row.getExamDate();
			LocalTime start = row.getStartTime();
			LocalTime end = row.getEndTime();
			if (date == null) {
				problems.add(new FieldProblem(at + "examDate", "plan.subject.examDate.required", label));
			}
			if (start == null) {
				problems.add(new FieldProblem(at + "startTime", "plan.subject.startTime.required", label));
			}
			if (end == null) {
				problems.add(new FieldProblem(at + "endTime", "plan.subject.endTime.required", label));
			}
			if (date == null || start == null || end == null) {
				continue;
			}
			if (!start.isBefore(end)) {
				problems.add(new FieldProblem(at + "endTime", "plan.subject.endTime.beforeStart", label));
				continue;
			}
			Instant slotStart = date.atTime(start).atZone(AdjustableClock.CHINA).toInstant();
			Instant slotEnd = date.atTime(end).atZone(AdjustableClock.CHINA).toInstant();
			if (!PlanRules.slotFits(slotStart, slotEnd, current.scheduling(), current.scoreRegistration())) {
				problems.add(new FieldProblem(at + "examDate", "plan.subject.slotOutside", label,
						PlanWindow.FORMAT.format(current.scheduling().end()),
						PlanWindow.FORMAT.format(current.scoreRegistration().start())));
			}
			rows.add(new Plans.SubjectRow(subject.levelId(), subject.id(), subject.level(), subject.levelDisplayName(),
					subject.name(), code, mode, passMark, date, start, end));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		plans.replaceSubjects(id, rows, now());
		audit.record(scope, AuditRecord.of("plan.subjects", "ExamPlan", id, current.status(), current.status(),
				rows.stream().map(r -> r.levelDisplayName() + " " + r.subjectName() + " " + r.code() + " " + r.examDate()
						+ " " + r.startTime() + "-" + r.endTime()).collect(Collectors.joining("；")),
				current.organisationId()));
		return get(scope, id);
	}

	/**
	 * Publishes a draft to the colleges. It needs at least one subject and a registration window that has not
	 * ended; the colleges with an approved, not revoked site for the certificate are told.
	 */
	@Transactional
	public PlanView publish(Scope scope, long id) {
		PlanView current = own(scope, id);
		PlanStatus next = current.status().publish();
		if (current.subjects().isEmpty()) {
			throw new DomainException(HttpStatus.CONFLICT, "plan.error.noSubjects");
		}
		if (current.registration().over(now())) {
			throw new DomainException(HttpStatus.CONFLICT, "plan.error.registrationOver",
					current.registration().toString());
		}
		plans.setStatus(id, next, now());
		audit.record(scope, AuditRecord.of("plan.publish", "ExamPlan", id, current.status(), next,
				current.name() + " 报名时间 " + current.registration(), current.organisationId()));
		events.publishEvent(new PlanEvents.PlanPublished(id, current.certificateId(), current.name(),
				current.organisationName(), current.registration().toString(), collegesWithSites(current.certificateId())));
		return get(scope, id);
	}

	/** Puts a finished plan (publication over) aside. */
	@Transactional
	public PlanView archive(Scope scope, long id) {
		PlanView current = own(scope, id);
		PlanStatus next = current.status().archive();
		if (!current.scoresLocked(now())) {
			throw new DomainException(HttpStatus.CONFLICT, "plan.error.notFinished", current.publication().toString());
		}
		plans.setStatus(id, next, now());
		audit.record(scope, AuditRecord.of("plan.archive", "ExamPlan", id, current.status(), next, current.name(),
				current.organisationId()));
		return get(scope, id);
	}

	@Transactional
	public void delete(Scope scope, long id) {
		PlanView current = own(scope, id);
		current.status().requireDraft("删除");
		plans.delete(id);
		audit.record(scope, AuditRecord.of("plan.delete", "ExamPlan", id, current.status(), null,
				current.name(), current.organisationId()));
	}

	@Transactional(readOnly = true)
	public PlanView get(Scope scope, long id) {
		return plans.find(id, now()).filter(p -> visible(scope, p)).orElseThrow(() -> new NotFoundProblem("考核计划", id));
	}

	@Transactional(readOnly = true)
	public PageResult<PlanView> list(Scope scope, PlanFilter filter, PageQuery page) {
		Where where = Where.start();
		if (scope.role().isOrg()) {
			where.and("p.organisation_id = ?", scope.requireOrganisation());
		}
		else if (!scope.isAdmin()) {
			where.and("p.status <> 'DRAFT'");
		}
		where.andIf(filter.year(), "p.year = ?")
			.andIf(filter.certificateId(), "p.certificate_id = ?")
			.andIf(filter.status(), "p.status = ?");
		if (filter.phase() != null) {
			Object[] nows = new Object[filter.phase().sqlParameterCount()];
			java.util.Arrays.fill(nows, java.sql.Timestamp.from(now()));
			where.and(filter.phase().sqlCondition(), nows);
		}
		return plans.page(where, page, now());
	}

	/** The certificates the ORG may plan for: its own, enabled ones. */
	@Transactional(readOnly = true)
	public List<CertificateView> certificateChoices(Scope scope) {
		if (scope.role() != Role.ORG) {
			return List.of();
		}
		return catalog
			.listCertificates(scope, new CatalogManagement.CertificateFilter(null, scope.organisationId(), true),
					new PageQuery(1, PageQuery.MAX_SIZE))
			.items();
	}

	private Plans.Header check(Scope scope, PlanForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = form.getName() == null ? "" : form.getName().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "plan.name.required"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldProblem("name", "plan.name.size"));
		}
		Integer year = form.getYear();
		if (year == null) {
			problems.add(new FieldProblem("year", "plan.year.required"));
		}
		else if (year < 2019 || year > 2100) {
			problems.add(new FieldProblem("year", "plan.year.range"));
		}
		CertificateView certificate = null;
		if (form.getCertificateId() == null) {
			problems.add(new FieldProblem("certificateId", "plan.certificate.required"));
		}
		else {
			certificate = findCertificate(form.getCertificateId())
				.filter(c -> c.enabled() && scope.organisationId() != null && c.organisationId() == scope.organisationId())
				.orElse(null);
			if (certificate == null) {
				problems.add(new FieldProblem("certificateId", "plan.certificate.notYours"));
			}
		}
		problems.addAll(PlanRules.windows(form));
		if (!problems.isEmpty() || certificate == null || year == null) {
			throw new InvalidInputProblem(problems);
		}
		return new Plans.Header(scope.requireOrganisation(), certificate.organisationName(), certificate.id(),
				certificate.name(), name, year, window(form.getRegistrationStart(), form.getRegistrationEnd()),
				window(form.getSchedulingStart(), form.getSchedulingEnd()),
				window(form.getScoreRegistrationStart(), form.getScoreRegistrationEnd()),
				window(form.getPublicationStart(), form.getPublicationEnd()));
	}

	private java.util.Optional<CertificateView> findCertificate(long id) {
		try {
			return java.util.Optional.of(catalog.getCertificate(Scope.system(), id));
		}
		catch (NotFoundProblem e) {
			return java.util.Optional.empty();
		}
	}

	private static PlanWindow window(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		return new PlanWindow(java.util.Objects.requireNonNull(start), java.util.Objects.requireNonNull(end));
	}

	private void requireEditable(PlanView plan, String action) {
		if (plan.status() == PlanStatus.ARCHIVED) {
			throw plan.status().refused(action);
		}
		if (!plan.editableAt(now())) {
			throw new DomainException(HttpStatus.CONFLICT, "plan.error.registrationStarted",
					plan.registration().toString());
		}
	}

	private PlanView own(Scope scope, long id) {
		requireOrg(scope);
		return get(scope, id);
	}

	private static boolean visible(Scope scope, PlanView p) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.role().isOrg()) {
			return scope.organisationId() != null && scope.organisationId() == p.organisationId();
		}
		return p.status() != PlanStatus.DRAFT;
	}

	private static void requireOrg(Scope scope) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("plan.forbidden");
		}
	}

	/** Colleges with an approved, not revoked site for the certificate: they register candidates. */
	private List<Long> collegesWithSites(long certificateId) {
		Set<Long> colleges = new java.util.LinkedHashSet<>();
		var filter = new SiteManagement.SiteFilter(SiteApplicationStatus.APPROVED, certificateId, null, null);
		for (int page = 1;; page++) {
			PageResult<SiteView> result = sites.filings(Scope.system(), filter, new PageQuery(page, PageQuery.MAX_SIZE));
			result.items()
				.stream()
				.filter(s -> s.operatingStatus() != SiteStatus.REVOKED)
				.forEach(s -> colleges.add(s.collegeId()));
			if (!result.hasNext()) {
				return List.copyOf(colleges);
			}
		}
	}

	private static String describe(Plans.Header h) {
		return h.name() + "（" + h.certificateName() + "，" + h.year() + "）报名 " + h.registration() + "；排考 "
				+ h.scheduling() + "；成绩登记 " + h.scoreRegistration() + "；成绩公示 " + h.publication();
	}

	private Instant now() {
		return clock.instant();
	}
}
