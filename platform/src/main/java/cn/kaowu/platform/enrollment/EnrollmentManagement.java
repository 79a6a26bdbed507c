package cn.kaowu.platform.enrollment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.candidate.Registrant;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.EffectiveFee;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报考管理 (004 ch.3 §4): registration records of a college, single registration, import of the "按证书导入" template
 * as a job, deletion of 未排考 records while registration is open, masked export and the fee statement. See
 * {@link EnrollmentAccess} for who may do what and {@link Registrar} for the checks every registration passes.
 */
@Service
public class EnrollmentManagement {

	/** Job kind of the import. */
	public static final String IMPORT_JOB = "registration-import";

	/** The list's and the export's filter; every part optional. */
	public record RecordFilter(@Nullable Long planId, @Nullable String keyword, @Nullable CandidateKind kind,
			@Nullable RecordStatus status, @Nullable Long siteId) {

		public static RecordFilter none() {
			return new RecordFilter(null, null, null, null, null);
		}

		public static RecordFilter ofPlan(long planId) {
			return new RecordFilter(planId, null, null, null, null);
		}
	}

	private final RegistrationRecords records;

	private final Registrar registrar;

	private final EnrollmentAccess access;

	private final CandidateManagement candidates;

	private final ExamPlans plans;

	private final ExamSites sites;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final Jobs jobs;

	private final AuditLog audit;

	private final Clock clock;

	private final PersonalData personalData;

	EnrollmentManagement(RegistrationRecords records, Registrar registrar, EnrollmentAccess access,
			CandidateManagement candidates, ExamPlans plans, ExamSites sites, CatalogManagement catalog,
			OrganisationManagement organisations, Jobs jobs, AuditLog audit, Clock clock, PersonalData personalData) {
		this.personalData = personalData;
		this.records = records;
		this.registrar = registrar;
		this.access = access;
		this.candidates = candidates;
		this.plans = plans;
		this.sites = sites;
		this.catalog = catalog;
		this.organisations = organisations;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean canManage(@Nullable Scope scope) {
		return scope != null && scope.organisationId() != null
				&& EnrollmentAccess.canManage(scope, scope.organisationId());
	}

	@Transactional(readOnly = true)
	public PageResult<RecordView> list(Scope scope, RecordFilter filter, PageQuery page) {
		Instant now = clock.instant();
		return records.page(where(scope, filter, now), page).map(r -> r.view(now));
	}

	/** Every registration record of a candidate the scope may read (the personal-data export). */
	@Transactional(readOnly = true)
	public List<RecordView> recordsOf(Scope scope, long candidateId) {
		Instant now = clock.instant();
		List<RecordView> out = new ArrayList<>();
		records.each(EnrollmentAccess.readable(scope).and("r.candidate_id = ?", candidateId), r -> out.add(r.view(now)));
		return out;
	}

	@Transactional(readOnly = true)
	public RecordView get(Scope scope, long id) {
		return row(scope, id).view(clock.instant());
	}

	/** Published plans the scope can pick in filters: an ORG its own, everyone else all. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		return plans.published(null)
			.stream()
			.filter(p -> !scope.role().isOrg() || (scope.organisationId() != null && p.organisationId() == scope.organisationId()))
			.toList();
	}

	/**
	 * Published plans whose registration window is open now and whose certificate has an active site somewhere
	 * (without one nobody can register).
	 */
	@Transactional(readOnly = true)
	public List<PlanView> openPlans() {
		Instant now = clock.instant();
		Map<Long, Boolean> hasSite = new java.util.HashMap<>();
		return plans.published(null)
			.stream()
			.filter(p -> EnrollmentRules.windowOpen(p, now))
			.filter(p -> hasSite.computeIfAbsent(p.certificateId(), c -> !sites.activeSites(c).isEmpty()))
			.toList();
	}

	@Transactional(readOnly = true)
	public PlanView plan(long planId) {
		return plans.require(planId);
	}

	/** Active sites of the certificate, the college's own first (others are for 借考). */
	@Transactional(readOnly = true)
	public List<SiteView> sites(Scope scope, long certificateId) {
		long own = scope.organisationId() == null ? -1L : scope.organisationId();
		return sites.activeSites(certificateId)
			.stream()
			.sorted(Comparator.comparing((SiteView s) -> s.collegeId() != own))
			.toList();
	}

	/**
	 * Verified candidates of the college to pick in the single registration form: those not yet registered for the
	 * plan (when one is chosen), at most 20.
	 */
	@Transactional(readOnly = true)
	public List<CandidateView> verifiedCandidates(Scope scope, CandidateKind kind, @Nullable String q,
			@Nullable Long planId) {
		access.ownCollege(scope);
		List<CandidateView> found = candidates.verified(scope, kind, q, 2_000);
		java.util.Set<Long> registered = planId == null ? java.util.Set.of()
				: records.registeredInPlan(planId, found.stream().map(CandidateView::id).toList());
		return found.stream().filter(c -> !registered.contains(c.id())).limit(20).toList();
	}

	/** 单个报考: one candidate, one level, one site; records for each subject of the level. */
	@Transactional
	public List<RecordView> register(Scope scope, RegistrationForm form) {
		OrganisationView college = access.ownCollege(scope);
		List<FieldProblem> missing = new ArrayList<>();
		if (form.getPlanId() == null) {
			missing.add(new FieldProblem("planId", "enrollment.error.required"));
		}
		if (form.getCandidateId() == null) {
			missing.add(new FieldProblem("candidateId", "enrollment.error.required"));
		}
		if (form.getLevelId() == null) {
			missing.add(new FieldProblem("levelId", "enrollment.error.required"));
		}
		if (form.getSiteId() == null) {
			missing.add(new FieldProblem("siteId", "enrollment.error.required"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputProblem(missing);
		}
		PlanView plan = plans.find(form.getPlanId())
			.filter(PlanView::isPublished)
			.orElseThrow(() -> new NotFoundProblem("考核计划", form.getPlanId()));
		Registrant candidate = candidates.registrant(scope, form.getCandidateId());
		if (candidate.collegeId() != college.id()) {
			throw new NotFoundProblem("考生", form.getCandidateId());
		}
		List<FieldProblem> problems = new ArrayList<>();
		EnrollmentRules.candidate(candidate, candidate.kind(), candidate.name())
			.ifPresent(p -> problems.add(new FieldProblem("candidateId", p.messageKey(), p.args())));
		PlanLevel level = plan.level(form.getLevelId()).orElse(null);
		if (level == null) {
			problems.add(new FieldProblem("levelId", "enrollment.error.levelNotInPlan", plan.name()));
		}
		SiteView site = sites.find(form.getSiteId()).orElse(null);
		if (site == null) {
			problems.add(new FieldProblem("siteId", "enrollment.error.noSite", String.valueOf(form.getSiteId())));
		}
		else {
			EnrollmentRules.site(site, plan)
				.ifPresent(p -> problems.add(new FieldProblem("siteId", p.messageKey(), p.args())));
		}
		if (!problems.isEmpty() || level == null || site == null) {
			throw new InvalidInputProblem(problems);
		}
		Registrar.Outcome outcome = registrar.register(scope, college, plan,
				List.of(new Registrar.Request(0, candidate, level, site)), null, null);
		if (!outcome.rejected().isEmpty()) {
			Registrar.Rejection r = outcome.rejected().getFirst();
			throw new DomainException(HttpStatus.CONFLICT, r.messageKey(), r.args());
		}
		Instant now = clock.instant();
		return records.page(Where.start().and("r.plan_id = ?", plan.id()).and("r.candidate_id = ?", candidate.id()),
				new PageQuery(1, PageQuery.MAX_SIZE)).items().stream().map(r -> r.view(now)).toList();
	}

	/**
	 * Deletes records: all of them, or none when one may not be deleted (not 未排考, registration closed, another
	 * college's). A candidate with no record left in the plan is no longer registered for it.
	 */
	@Transactional
	public int delete(Scope scope, List<Long> ids) {
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
		Instant now = clock.instant();
		Map<Long, PlanView> planCache = new java.util.HashMap<>();
		List<RegistrationRecords.Row> rows = records.byIds(distinct);
		if (rows.size() != distinct.size()) {
			Long missing = distinct.stream().filter(id -> rows.stream().noneMatch(r -> r.id() == id)).findFirst().orElseThrow();
			throw new NotFoundProblem("报考记录", missing);
		}
		for (RegistrationRecords.Row r : rows) {
			EnrollmentAccess.require(scope, r);
			if (!EnrollmentAccess.canManage(scope, r.collegeId())) {
				throw new cn.kaowu.platform.kernel.AccessDeniedProblem("enrollment.error.collegeOnly");
			}
			PlanView plan = planCache.computeIfAbsent(r.planId(), plans::require);
			RecordStatus status = r.status(now);
			if (!EnrollmentRules.deletable(status, plan, now)) {
				throw new DomainException(HttpStatus.CONFLICT,
						status == RecordStatus.UNSCHEDULED ? "enrollment.error.deleteClosed" : "enrollment.error.deleteStatus",
						r.name(), r.subjectName(), EnrollmentRules.resolvable(status.messageKey()),
						plan.registration().toString());
			}
		}
		for (RegistrationRecords.Row r : rows) {
			records.delete(r.id());
			audit.record(scope, AuditRecord.of("enrollment.delete", "RegistrationRecord", r.id(),
					RecordStatus.UNSCHEDULED, null, r.planName() + " " + r.name() + " "
							+ ChineseIdNumber.mask(r.idNumber()) + " " + r.subjectName(),
					r.collegeId()));
		}
		return rows.size();
	}

	// ---- import and export ---------------------------------------------------------------------------------

	/** The "按证书导入" template. */
	public byte[] template() {
		return ImportRegistrations.template();
	}

	/** Checks the plan is open and the file is an xlsx, and queues the import job. */
	@Transactional
	public JobView startImport(Scope scope, @Nullable Long planId, String fileName, byte[] content) {
		access.ownCollege(scope);
		if (planId == null) {
			throw new InvalidInputProblem("planId", "enrollment.error.planRequired");
		}
		PlanView plan = plans.find(planId).filter(PlanView::isPublished)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		if (!EnrollmentRules.windowOpen(plan, clock.instant())) {
			throw new DomainException(HttpStatus.CONFLICT, "enrollment.error.windowClosed", plan.name(),
					plan.registration().toString());
		}
		Spreadsheets.check("file", fileName, content);
		return jobs.submit(scope, IMPORT_JOB, String.valueOf(planId), FileStorage.safeName(fileName), content);
	}

	/** Import records (导入记录) of the scope. */
	@Transactional(readOnly = true)
	public PageResult<JobView> imports(Scope scope, PageQuery page) {
		return jobs.list(scope, IMPORT_JOB, page);
	}

	/** The seed's export columns (004 ch.3 §4 2.4). */
	static final List<String> EXPORT_HEADERS = List.of("考试计划", "考生姓名", "身份证号", "考生类型", "准考证号", "所属试点院校",
			"所属考核站点", "报考证书", "证书等级", "报考科目", "考试方式", "考核单位", "考试状态");

	/**
	 * 批量导出报考数据: the chosen records, or every record of the filter when none is chosen; ID numbers masked.
	 */
	@Transactional(readOnly = true)
	public byte[] export(Scope scope, RecordFilter filter, @Nullable List<Long> ids, Function<String, String> text) {
		Instant now = clock.instant();
		Where where = where(scope, filter, now);
		if (ids != null && !ids.isEmpty()) {
			where.and("r.id = ANY(?)", (Object) ids.toArray(Long[]::new));
		}
		List<List<String>> rows = new ArrayList<>();
		records.each(where, r -> rows.add(List.of(r.planName(), r.name(), ChineseIdNumber.mask(r.idNumber()),
				text.apply(r.candidateKind().messageKey()), r.ticketNumber() == null ? "" : r.ticketNumber(),
				r.collegeName(), r.siteName(), r.certificateName(), r.level().label(), r.subjectName(),
				r.examMode().label(), r.organisationName(), text.apply(r.status(now).messageKey()))));
		List<Spreadsheets.Column> columns = EXPORT_HEADERS.stream().map(h -> new Spreadsheets.Column(h, 16)).toList();
		return Spreadsheets.sheet("报考记录", columns, rows);
	}

	// ---- fees ------------------------------------------------------------------------------------------------

	/** The fee statement of a college for a plan; a college sees its own, others choose the college. */
	@Transactional(readOnly = true)
	public FeeStatement fees(Scope scope, long planId, @Nullable Long collegeId) {
		PlanView plan = plans.require(planId);
		OrganisationView college = feeCollege(scope, plan, collegeId);
		Map<CertificateLevel, Integer> counts = records.candidatesPerLevel(planId, college.id());
		long province = java.util.Objects.requireNonNull(college.provinceId());
		List<FeeStatement.Line> lines = new ArrayList<>();
		for (PlanLevel level : plan.levels()) {
			EffectiveFee fee = catalog.feeFor(province, level.level());
			int n = counts.getOrDefault(level.level(), 0);
			lines.add(new FeeStatement.Line(level.level(), n, fee.amount(), fee.amount().multiply(BigDecimal.valueOf(n)),
					fee.usesDefault()));
		}
		return FeeStatement.of(plan.id(), plan.name(), college.id(), college.name(), lines);
	}

	/** Colleges with registrations in the plan that the scope may see the fees of. */
	@Transactional(readOnly = true)
	public List<OrganisationView> feeColleges(Scope scope, long planId) {
		PlanView plan = plans.require(planId);
		return records.collegesOf(planId)
			.stream()
			.map(organisations::find)
			.flatMap(java.util.Optional::stream)
			.filter(c -> canSeeFees(scope, plan, c))
			.sorted(Comparator.comparing(OrganisationView::code))
			.toList();
	}

	private OrganisationView feeCollege(Scope scope, PlanView plan, @Nullable Long collegeId) {
		if (scope.role().isCollege()) {
			long own = scope.requireOrganisation();
			if (collegeId != null && collegeId != own) {
				throw new NotFoundProblem("院校", collegeId);
			}
			return organisations.find(own).orElseThrow();
		}
		if (collegeId == null) {
			throw new InvalidInputProblem("collegeId", "enrollment.error.collegeRequired");
		}
		return organisations.find(collegeId)
			.filter(c -> canSeeFees(scope, plan, c))
			.orElseThrow(() -> new NotFoundProblem("院校", collegeId));
	}

	private static boolean canSeeFees(Scope scope, PlanView plan, OrganisationView college) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.role() == Role.ORG) {
			return scope.organisationId() != null && plan.organisationId() == scope.organisationId();
		}
		if (scope.role() == Role.PROVINCE) {
			return scope.provinceId() != null && scope.provinceId().equals(college.provinceId());
		}
		return scope.role().isCollege() && scope.organisationId() != null && scope.organisationId() == college.id();
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	private RegistrationRecords.Row row(Scope scope, long id) {
		return EnrollmentAccess.require(scope,
				records.find(id).orElseThrow(() -> new NotFoundProblem("报考记录", id)));
	}

	private Where where(Scope scope, RecordFilter f, Instant now) {
		Where where = EnrollmentAccess.readable(scope)
			.andIf(f.planId(), "r.plan_id = ?")
			.andIf(f.kind(), "r.candidate_kind = ?")
			.andIf(f.siteId(), "r.site_id = ?");
		if (f.keyword() != null && !f.keyword().isBlank()) {
			String k = f.keyword().trim();
			if (k.chars().anyMatch(Character::isDigit)) {
				// Sealed numbers: a whole one through the blind index, a part among the characters the mask shows.
				String wanted = PersonalData.normalise(k);
				if (wanted.length() >= ChineseIdNumber.LENGTH) {
					where.and("r.id_number_index = ?", personalData.index(wanted));
				}
				else {
					where.and("r.id_number_masked LIKE ?", Where.like(wanted));
				}
			}
			else {
				where.andLike(k, "r.name", "r.pinyin");
			}
		}
		if (f.status() != null) {
			java.sql.Timestamp t = java.sql.Timestamp.from(now);
			Object[] params = new Object[f.status().sqlInstants()];
			java.util.Arrays.fill(params, t);
			where.and(f.status().sql(), params);
		}
		return where;
	}
}
