package cn.kaowu.platform.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.IllegalStateTransition;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.StoredFile;
import cn.kaowu.platform.storage.UploadRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evaluation rounds. The ORG that owns a certificate opens a round for all its approved, not revoked sites
 * and rates each; the site's college submits its report and plan until the deadline. Scope: the ORG sees its
 * rounds, a college its own submissions, a province the submissions of its colleges, the administrator all;
 * other ids answer 404.
 */
@Service
public class SiteEvaluations {

	/** Report and plan attachments: PDF, JPG or PNG, at most 20 MB. */
	static final UploadRules ATTACHMENTS = UploadRules.of(20, FileType.PDF, FileType.JPEG, FileType.PNG);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final String SUBMISSION_SELECT = """
			SELECT s.*, r.name AS round_name, r.period, r.deadline, r.organisation_id, r.certificate_id""";

	private static final String SUBMISSION_FROM = "FROM evaluation_submission s JOIN evaluation_round r ON r.id = s.round_id";

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final CatalogManagement catalog;

	private final FileStorage files;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ProblemMessages messages;

	private final List<SiteIndicator.Source> indicatorSources;

	private final Clock clock;

	SiteEvaluations(JdbcClient jdbc, SiteDirectory sites, CatalogManagement catalog, FileStorage files,
			AuditLog audit, ApplicationEventPublisher events, ProblemMessages messages,
			List<SiteIndicator.Source> indicatorSources, Clock clock) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.catalog = catalog;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.indicatorSources = indicatorSources;
		this.clock = clock;
	}

	/** Opens a round and asks every approved, not revoked site of the certificate for its report. */
	@Transactional
	public RoundView openRound(Scope scope, RoundForm form) {
		requireRole(scope, Role.ORG);
		CertificateView certificate = catalog.getCertificate(scope, form.getCertificateId());
		if (certificate.organisationId() != scope.requireOrganisation()) {
			throw new InvalidInputProblem("certificateId", "evaluation.certificate.notYours");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Instant deadline = form.getDeadline().atZone(AdjustableClock.CHINA).toInstant();
		if (!deadline.isAfter(clock.instant())) {
			problems.add(new FieldProblem("deadline", "evaluation.deadline.past"));
		}
		String[] years = form.getPeriod().split("-");
		if (Integer.parseInt(years[1]) != Integer.parseInt(years[0]) + 1) {
			problems.add(new FieldProblem("period", "evaluation.period.twoYears"));
		}
		List<SiteDirectory.SiteRef> enrolled = sites.approvedSites(certificate.id())
			.stream()
			.filter(s -> !s.revoked())
			.toList();
		if (enrolled.isEmpty()) {
			problems.add(new FieldProblem("certificateId", "evaluation.noSites", certificate.name()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		long roundId;
		try {
			roundId = jdbc.sql("""
					INSERT INTO evaluation_round (organisation_id, certificate_id, name, period, deadline, created_at)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(scope.requireOrganisation(), certificate.id(), form.getName().trim(), form.getPeriod(),
						Timestamp.from(deadline), Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("period", "evaluation.period.duplicate", certificate.name(), form.getPeriod());
		}
		String deadlineText = DATE_TIME.format(deadline.atZone(AdjustableClock.CHINA));
		for (SiteDirectory.SiteRef site : enrolled) {
			long submissionId = jdbc.sql("""
					INSERT INTO evaluation_submission (round_id, site_id, site_code, site_name, college_id, province_id,
					  status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id""")
				.params(roundId, site.siteId(), site.code(), site.name(), site.collegeId(), site.provinceId())
				.query(Long.class)
				.single();
			events.publishEvent(new EvaluationEvents.ReportRequested(submissionId, site.collegeId(), site.name(),
					form.getName().trim(), deadlineText));
		}
		audit.record(scope, AuditRecord.of("evaluation.open", "EvaluationRound", roundId, null, "OPEN",
				certificate.name() + " " + form.getPeriod() + "，" + enrolled.size() + " 个站点", scope.organisationId()));
		return getRound(scope, roundId);
	}

	@Transactional(readOnly = true)
	public PageResult<RoundView> listRounds(Scope scope, PageQuery page) {
		Where where = Where.start();
		if (!scope.isAdmin()) {
			requireRole(scope, Role.ORG);
			where.and("r.organisation_id = ?", scope.requireOrganisation());
		}
		return where.page(jdbc, ROUND_SELECT, "FROM evaluation_round r", "r.created_at DESC, r.id DESC", page,
				roundMapper());
	}

	@Transactional(readOnly = true)
	public RoundView getRound(Scope scope, long id) {
		return jdbc.sql(ROUND_SELECT + " FROM evaluation_round r WHERE r.id = ?")
			.param(id)
			.query(roundMapper())
			.optional()
			.filter(r -> scope.isAdmin() || (scope.role() == Role.ORG && scope.organisationId() != null
					&& scope.organisationId() == r.organisationId()))
			.orElseThrow(() -> new NotFoundProblem("评估批次", id));
	}

	/** Submissions of a round (ORG, administrator) or of the caller's college or province (all rounds). */
	@Transactional(readOnly = true)
	public PageResult<SubmissionView> listSubmissions(Scope scope, @Nullable Long roundId, PageQuery page) {
		Where where = Where.start().andIf(roundId, "s.round_id = ?");
		switch (scope.role()) {
			case ADMIN -> {
			}
			case ORG -> where.and("r.organisation_id = ?", scope.requireOrganisation());
			case COLLEGE_ADMIN, COLLEGE_PRINCIPAL -> where.and("s.college_id = ?", scope.requireOrganisation());
			case PROVINCE -> where.and("s.province_id = ?", scope.provinceId());
			default -> throw new AccessDeniedProblem("error.forbidden");
		}
		return where.page(jdbc, SUBMISSION_SELECT, SUBMISSION_FROM, "s.site_code, s.id", page, SUBMISSION_MAPPER);
	}

	@Transactional(readOnly = true)
	public SubmissionView getSubmission(Scope scope, long id) {
		return jdbc.sql(SUBMISSION_SELECT + " " + SUBMISSION_FROM + " WHERE s.id = ?")
			.param(id)
			.query(SUBMISSION_MAPPER)
			.optional()
			.filter(s -> visible(scope, s))
			.orElseThrow(() -> new NotFoundProblem("评估材料", id));
	}

	/** The college hands in (or, before the deadline, replaces) its report and plan. */
	@Transactional
	public SubmissionView submit(Scope scope, long id, ReportForm form, @Nullable MultipartFile reportFile,
			@Nullable MultipartFile planFile) {
		requireRole(scope, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL);
		SubmissionView s = getSubmission(scope, id);
		if (!s.status().canMoveTo(SubmissionStatus.SUBMITTED)) {
			throw new IllegalStateTransition("评估材料", messages.text(s.status().messageKey()), "提交");
		}
		if (!clock.instant().isBefore(s.deadline())) {
			throw new DomainException(HttpStatus.CONFLICT, "evaluation.deadline.passed",
					DATE_TIME.format(s.deadline().atZone(AdjustableClock.CHINA)));
		}
		UUID report = store(scope, "reportFile", reportFile, s.reportFileId());
		UUID plan = store(scope, "planFile", planFile, s.planFileId());
		jdbc.sql("""
				UPDATE evaluation_submission SET status = 'SUBMITTED', report_text = ?, plan_text = ?, report_file_id = ?,
				  plan_file_id = ?, submitted_at = ?, version = version + 1 WHERE id = ?""")
			.params(form.getReportText().trim(), form.getPlanText().trim(), report, plan, Timestamp.from(clock.instant()),
					id)
			.update();
		audit.record(scope, AuditRecord.of("evaluation.submit", "EvaluationSubmission", id, s.status(), "SUBMITTED",
				s.siteName(), s.collegeId()));
		return getSubmission(scope, id);
	}

	/**
	 * The ORG rates a submitted report, or a site that let the deadline pass without one. Suspension and
	 * revocation change the site's operating status; a revocation is reported to the province.
	 */
	@Transactional
	public SubmissionView rate(Scope scope, long id, RatingForm form) {
		requireRole(scope, Role.ORG);
		SubmissionView s = getSubmission(scope, id);
		if (!s.status().canMoveTo(SubmissionStatus.RATED)) {
			throw new IllegalStateTransition("评估材料", messages.text(s.status().messageKey()), "评定");
		}
		if (s.status() == SubmissionStatus.PENDING && !s.overdueAt(clock.instant())) {
			throw new DomainException(HttpStatus.CONFLICT, "evaluation.rate.notYetSubmitted");
		}
		EvaluationOutcome outcome = form.getOutcome();
		List<FieldProblem> problems = new ArrayList<>();
		String comment = form.getComment() == null ? "" : form.getComment().trim();
		if (outcome.needsComment() && comment.isEmpty()) {
			problems.add(new FieldProblem("comment", "evaluation.comment.required"));
		}
		LocalDate rectifyBy = form.getRectificationDeadline();
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		if (outcome == EvaluationOutcome.RECTIFICATION && (rectifyBy == null || !rectifyBy.isAfter(today))) {
			problems.add(new FieldProblem("rectificationDeadline", "evaluation.rectification.deadline"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		jdbc.sql("""
				UPDATE evaluation_submission SET status = 'RATED', outcome = ?, rating_comment = ?,
				  rectification_deadline = ?, rated_at = ?, rated_by = ?, version = version + 1 WHERE id = ?""")
			.params(outcome.name(), comment.isEmpty() ? null : comment,
					outcome == EvaluationOutcome.RECTIFICATION ? Date.valueOf(rectifyBy) : null,
					Timestamp.from(clock.instant()), scope.accountId(), id)
			.update();
		sites.applyOutcome(scope, s.siteId(), outcome, s.roundName() + "：" + messages.text(outcome.messageKey())
				+ (comment.isEmpty() ? "" : "，" + comment));
		audit.record(scope, AuditRecord.of("evaluation.rate", "EvaluationSubmission", id, s.status(),
				"RATED/" + outcome, s.siteName() + (comment.isEmpty() ? "" : "：" + comment), s.collegeId()));
		events.publishEvent(new EvaluationEvents.SiteRated(id, s.siteId(), s.collegeId(), s.provinceId(), s.siteName(),
				outcome, messages.text(outcome.messageKey())));
		return getSubmission(scope, id);
	}

	/** The evidence sheet: what the product recorded about the site in the two years before the deadline. */
	@Transactional(readOnly = true)
	public List<SiteIndicator> indicators(Scope scope, long submissionId) {
		SubmissionView s = getSubmission(scope, submissionId);
		Instant to = s.deadline();
		Instant from = ZonedDateTime.ofInstant(to, AdjustableClock.CHINA).minusYears(2).toInstant();
		Map<String, SiteIndicator> byKey = new LinkedHashMap<>();
		SiteIndicator.STANDARD.forEach(key -> byKey.put(key, new SiteIndicator(key, null, null)));
		for (SiteIndicator.Source source : indicatorSources) {
			for (SiteIndicator indicator : source.indicators(s.siteId(), s.collegeId(), s.certificateId(), from, to)) {
				byKey.put(indicator.key(), indicator);
			}
		}
		return List.copyOf(byKey.values());
	}

	/** The bytes of a report or plan file, if the caller may see the submission. */
	@Transactional(readOnly = true)
	public StoredFile attachment(Scope scope, long submissionId, String which) {
		SubmissionView s = getSubmission(scope, submissionId);
		UUID fileId = "plan".equals(which) ? s.planFileId() : s.reportFileId();
		if (fileId == null) {
			throw new NotFoundProblem("附件", submissionId);
		}
		return files.find(fileId).orElseThrow(() -> new NotFoundProblem("附件", submissionId));
	}

	public byte[] read(StoredFile file) {
		return files.read(file.id());
	}

	private @Nullable UUID store(Scope scope, String field, @Nullable MultipartFile file, @Nullable UUID previous) {
		if (file == null || file.isEmpty()) {
			return previous;
		}
		return files.store(scope, "evaluation", field, file, ATTACHMENTS).id();
	}

	private static boolean visible(Scope scope, SubmissionView s) {
		return switch (scope.role()) {
			case ADMIN -> true;
			case ORG -> scope.organisationId() != null && scope.organisationId() == s.organisationId();
			case COLLEGE_ADMIN, COLLEGE_PRINCIPAL -> scope.organisationId() != null
					&& scope.organisationId() == s.collegeId();
			case PROVINCE -> scope.provinceId() != null && scope.provinceId().equals(s.provinceId());
			default -> false;
		};
	}

	private static void requireRole(Scope scope, Role... roles) {
		for (Role role : roles) {
			if (scope.role() == role) {
				return;
			}
		}
		throw new AccessDeniedProblem("evaluation.forbidden");
	}

	private static final String ROUND_SELECT = """
			SELECT r.*,
			  (SELECT count(*) FROM evaluation_submission s WHERE s.round_id = r.id) AS sites,
			  (SELECT count(*) FROM evaluation_submission s WHERE s.round_id = r.id AND s.status <> 'PENDING') AS submitted,
			  (SELECT count(*) FROM evaluation_submission s WHERE s.round_id = r.id AND s.status = 'RATED') AS rated,
			  (SELECT count(*) FROM evaluation_submission s WHERE s.round_id = r.id AND s.status = 'PENDING') AS pending""";

	private RowMapper<RoundView> roundMapper() {
		return (rs, n) -> {
			long certificateId = rs.getLong("certificate_id");
			String certificateName = catalog.getCertificate(Scope.system(), certificateId).name();
			Instant deadline = rs.getTimestamp("deadline").toInstant();
			// Overdue by the platform clock, not the database's: tests and the demo move the clock.
			int overdue = clock.instant().isBefore(deadline) ? 0 : rs.getInt("pending");
			return new RoundView(rs.getLong("id"), rs.getLong("organisation_id"), certificateId, certificateName,
					rs.getString("name"), rs.getString("period"), deadline, rs.getTimestamp("created_at").toInstant(),
					rs.getInt("sites"), rs.getInt("submitted"), rs.getInt("rated"), overdue);
		};
	}

	private static final RowMapper<SubmissionView> SUBMISSION_MAPPER = (rs, n) -> new SubmissionView(rs.getLong("id"),
			rs.getLong("round_id"), rs.getString("round_name"), rs.getString("period"),
			rs.getTimestamp("deadline").toInstant(), rs.getLong("organisation_id"), rs.getLong("certificate_id"),
			rs.getLong("site_id"), rs.getString("site_code"), rs.getString("site_name"), rs.getLong("college_id"),
			(Long) rs.getObject("province_id"), SubmissionStatus.valueOf(rs.getString("status")),
			rs.getString("report_text"), rs.getString("plan_text"), rs.getObject("report_file_id", UUID.class),
			rs.getObject("plan_file_id", UUID.class),
			rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
			rs.getString("outcome") == null ? null : EvaluationOutcome.valueOf(rs.getString("outcome")),
			rs.getString("rating_comment"),
			rs.getDate("rectification_deadline") == null ? null : rs.getDate("rectification_deadline").toLocalDate(),
			rs.getTimestamp("rated_at") == null ? null : rs.getTimestamp("rated_at").toInstant(), rs.getInt("version"));
}
