package cn.kaowu.platform.pilot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.LevelView;
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
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotApplicationView.Major;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.StoredFile;
import cn.kaowu.platform.storage.UploadRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pilot workflow (004 ch.1). Batches: the PROVINCE account creates, edits and deletes drafts of its own
 * province and publishes them. Applications: a college (COLLEGE_ADMIN or COLLEGE_PRINCIPAL) of the batch's
 * province drafts, edits, deletes and submits — submitting only inside the batch's window; the CITY account
 * of the college's city reviews first when the batch asks for it (and the college lies in a city); the
 * PROVINCE account approves with a scale or rejects with a reason.
 * <p>
 * Scope: a college sees its own applications, a city/province those of its colleges once submitted; ids
 * outside the scope answer 404 like missing ones, a role that may never act answers 403. Every change is
 * audited in its transaction; submissions and decisions notify the organisation concerned.
 */
@Service
public class PilotManagement {

	/** Supporting documents (其他佐证材料): PDF, JPG or PNG, at most 10 MB each. */
	public static final UploadRules ATTACHMENT_RULES = UploadRules.of(10, FileType.PDF, FileType.JPEG, FileType.PNG);

	static final int MAX_ATTACHMENTS = 10;

	static final int MAX_MAJORS = 30;

	private static final Pattern MAJOR_CODE = Pattern.compile("^[0-9]{6}$");

	private final PilotBatches batches;

	private final PilotApplications applications;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final FileStorage files;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PilotManagement(PilotBatches batches, PilotApplications applications, CatalogManagement catalog,
			OrganisationManagement organisations, FileStorage files, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.batches = batches;
		this.applications = applications;
		this.catalog = catalog;
		this.organisations = organisations;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Filter of the application lists. */
	public record ApplicationFilter(@Nullable Long batchId, @Nullable PilotApplicationStatus status,
			@Nullable String keyword, @Nullable Integer year) {

		public static ApplicationFilter none() {
			return new ApplicationFilter(null, null, null, null);
		}
	}

	public static boolean isCollege(@Nullable Scope scope) {
		return scope != null && (scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL);
	}

	public static boolean isReviewer(@Nullable Scope scope) {
		return scope != null && (scope.role() == Role.PROVINCE || scope.role() == Role.CITY);
	}

	// ---- batches -------------------------------------------------------------------------------------

	@Transactional
	public PilotBatchView createBatch(Scope scope, PilotBatchForm form) {
		long provinceId = requireProvince(scope);
		Checked batch = check(form);
		String provinceName = organisations.find(provinceId).map(OrganisationView::name).orElse("");
		long id;
		try {
			id = batches.insert(provinceId, provinceName, batch.name(), batch.year(), batch.window(),
					form.isMajorsRequired(), form.isCityApprovalRequired(), now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "pilot.batch.name.duplicate");
		}
		audit.record(scope, AuditRecord.of("pilot.batch.create", "PilotBatch", id, null, BatchStatus.DRAFT,
				batch.name() + " " + batch.window(), provinceId));
		return getBatch(scope, id);
	}

	@Transactional
	public PilotBatchView updateBatch(Scope scope, long id, PilotBatchForm form) {
		PilotBatchView current = ownBatch(scope, id);
		current.status().requireEditable("编辑");
		Checked batch = check(form);
		boolean done;
		try {
			done = batches.update(id, batch.name(), batch.year(), batch.window(), form.isMajorsRequired(),
					form.isCityApprovalRequired(), form.getVersion() == null ? current.version() : form.getVersion(),
					now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "pilot.batch.name.duplicate");
		}
		if (!done) {
			throw new OptimisticLockingFailureException("pilot_batch " + id);
		}
		audit.record(scope, AuditRecord.of("pilot.batch.update", "PilotBatch", id, null, null,
				batch.name() + " " + batch.window(), current.provinceId()));
		return getBatch(scope, id);
	}

	@Transactional
	public void deleteBatch(Scope scope, long id) {
		PilotBatchView current = ownBatch(scope, id);
		current.status().requireEditable("删除");
		batches.delete(id);
		audit.record(scope, AuditRecord.of("pilot.batch.delete", "PilotBatch", id, current.status(), null,
				current.name(), current.provinceId()));
	}

	@Transactional
	public PilotBatchView publishBatch(Scope scope, long id) {
		PilotBatchView current = ownBatch(scope, id);
		BatchStatus next = current.status().publish();
		batches.setStatus(id, next, now());
		audit.record(scope, AuditRecord.of("pilot.batch.publish", "PilotBatch", id, current.status(), next,
				current.name() + " " + current.window(), current.provinceId()));
		return getBatch(scope, id);
	}

	/**
	 * A batch the scope may see: the province its own (also drafts); colleges and cities the published batches
	 * of their province; the administrator all.
	 */
	@Transactional(readOnly = true)
	public PilotBatchView getBatch(Scope scope, long id) {
		return batches.find(id).filter(b -> visible(scope, b)).orElseThrow(() -> new NotFoundProblem("申报批次", id));
	}

	@Transactional(readOnly = true)
	public PageResult<PilotBatchView> listBatches(Scope scope, @Nullable Integer year, PageQuery page) {
		if (scope.isAdmin()) {
			return batches.page(null, false, year, page);
		}
		if (scope.provinceId() == null || scope.role() == Role.ORG) {
			return PageResult.of(List.of(), page, 0);
		}
		return batches.page(scope.provinceId(), scope.role() != Role.PROVINCE, year, page);
	}

	// ---- applications --------------------------------------------------------------------------------

	/** The enabled certificates with usable levels a college may apply for. */
	@Transactional(readOnly = true)
	public List<CertificateView> certificateChoices(Scope scope) {
		return catalog.allCertificates(scope, new CatalogManagement.CertificateFilter(null, null, true))
			.stream()
			.filter(c -> c.levels().stream().anyMatch(LevelView::usable))
			.toList();
	}

	@Transactional
	public PilotApplicationView createApplication(Scope scope, PilotApplicationForm form, List<PilotUpload> uploads) {
		long collegeId = requireCollege(scope);
		if (form.getBatchId() == null) {
			throw new InvalidInputProblem("batchId", "pilot.application.batch.required");
		}
		PilotBatchView batch = getBatch(scope, form.getBatchId());
		if (batch.status() != BatchStatus.PUBLISHED) {
			throw new NotFoundProblem("申报批次", batch.id());
		}
		OrganisationView college = organisations.find(collegeId).orElseThrow();
		PilotApplications.Content content = check(form, batch, collegeId, null);
		long id;
		try {
			id = applications.insert(batch.id(), collegeId, college.name(), batch.provinceId(), college.cityId(),
					content, now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("certificateId", "pilot.application.duplicate", batch.name());
		}
		audit.record(scope, AuditRecord.of("pilot.application.create", "PilotApplication", id, null,
				PilotApplicationStatus.DRAFT, batch.name() + " " + content.certificateName() + " 拟培训"
						+ content.plannedTrainees() + "人",
				collegeId));
		attach(scope, id, 0, uploads, collegeId);
		return getApplication(scope, id);
	}

	@Transactional
	public PilotApplicationView updateApplication(Scope scope, long id, PilotApplicationForm form,
			List<PilotUpload> uploads) {
		requireCollege(scope);
		PilotApplicationView current = getApplication(scope, id);
		current.status().requireEditable("编辑");
		PilotBatchView batch = getBatch(scope, current.batchId());
		PilotApplications.Content content = check(form, batch, current.collegeId(), id);
		if (!applications.update(id, content,
				form.getVersion() == null ? current.version() : form.getVersion(), now())) {
			throw new OptimisticLockingFailureException("pilot_application " + id);
		}
		audit.record(scope, AuditRecord.of("pilot.application.update", "PilotApplication", id, null, null,
				content.certificateName() + " 拟培训" + content.plannedTrainees() + "人", current.collegeId()));
		attach(scope, id, current.attachments().size(), uploads, current.collegeId());
		return getApplication(scope, id);
	}

	@Transactional
	public PilotApplicationView addAttachments(Scope scope, long id, List<PilotUpload> uploads) {
		requireCollege(scope);
		PilotApplicationView current = getApplication(scope, id);
		current.status().requireEditable("编辑");
		attach(scope, id, current.attachments().size(), uploads, current.collegeId());
		return getApplication(scope, id);
	}

	@Transactional
	public void removeAttachment(Scope scope, long id, long attachmentId) {
		requireCollege(scope);
		PilotApplicationView current = getApplication(scope, id);
		current.status().requireEditable("编辑");
		var attachment = current.attachments()
			.stream()
			.filter(a -> a.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("附件", attachmentId));
		applications.removeAttachment(id, attachmentId);
		audit.record(scope, AuditRecord.of("pilot.application.attachment.remove", "PilotApplication", id, null, null,
				attachment.name(), current.collegeId()));
	}

	@Transactional
	public void deleteApplication(Scope scope, long id) {
		requireCollege(scope);
		PilotApplicationView current = getApplication(scope, id);
		current.status().requireEditable("删除");
		applications.delete(id);
		audit.record(scope, AuditRecord.of("pilot.application.delete", "PilotApplication", id, current.status(), null,
				current.batchName() + " " + current.certificateName(), current.collegeId()));
	}

	/** Submits for review; refused outside the batch's window with a message naming the window. */
	@Transactional
	public PilotApplicationView submit(Scope scope, long id) {
		requireCollege(scope);
		PilotApplicationView current = getApplication(scope, id);
		PilotApplicationStatus next = current.status().submit();
		Instant now = now();
		if (!current.window().contains(now)) {
			throw new DomainException(HttpStatus.CONFLICT,
					current.window().notYetOpen(now) ? "pilot.error.windowNotOpen" : "pilot.error.windowClosed",
					current.batchName(), current.window().toString());
		}
		if (current.majorsRequired() && current.majors().isEmpty()) {
			throw new InvalidInputProblem("majors", "pilot.application.majors.required");
		}
		move(scope, current, next, null, null, "pilot.application.submit", "");
		long reviewer = current.needsCityReview() ? Objects.requireNonNull(current.cityId()) : current.provinceId();
		events.publishEvent(new PilotEvents.ApplicationSubmitted(id, reviewer, current.collegeName(),
				current.certificateName(), current.batchName()));
		return getApplication(scope, id);
	}

	/** The city bureau's approval, only where the batch asks for it. */
	@Transactional
	public PilotApplicationView approveByCity(Scope scope, long id) {
		if (scope.role() != Role.CITY) {
			throw new AccessDeniedProblem("pilot.error.cityOnly");
		}
		PilotApplicationView current = getApplication(scope, id);
		if (!current.needsCityReview()) {
			throw new DomainException(HttpStatus.CONFLICT, "pilot.error.noCityReview", current.batchName());
		}
		PilotApplicationStatus next = current.status().approveByCity();
		move(scope, current, next, null, null, "pilot.application.cityApprove", "");
		events.publishEvent(new PilotEvents.ApplicationCityApproved(id, current.provinceId(), current.collegeId(),
				current.collegeName(), current.certificateName()));
		return getApplication(scope, id);
	}

	/** The province's approval with the approved scale (已批准培训人数), 1 to the planned number. */
	@Transactional
	public PilotApplicationView approve(Scope scope, long id, @Nullable Integer approvedTrainees) {
		if (scope.role() != Role.PROVINCE) {
			throw new AccessDeniedProblem("pilot.error.provinceOnly");
		}
		PilotApplicationView current = getApplication(scope, id);
		if (current.needsCityReview() && current.status() == PilotApplicationStatus.SUBMITTED) {
			throw new DomainException(HttpStatus.CONFLICT, "pilot.error.cityReviewPending");
		}
		PilotApplicationStatus next = current.status().approve();
		if (approvedTrainees == null) {
			throw new InvalidInputProblem("approvedTrainees", "pilot.application.approvedTrainees.required");
		}
		if (approvedTrainees < 1 || approvedTrainees > current.plannedTrainees()) {
			throw new InvalidInputProblem("approvedTrainees", "pilot.application.approvedTrainees.range",
					current.plannedTrainees());
		}
		move(scope, current, next, approvedTrainees, null, "pilot.application.approve",
				"已批准培训人数 " + approvedTrainees);
		events.publishEvent(new PilotEvents.ApplicationApproved(id, current.collegeId(), current.certificateName(),
				current.year(), approvedTrainees));
		return getApplication(scope, id);
	}

	/** Refusal with a reason, by the city (at its step) or the province (at its step). */
	@Transactional
	public PilotApplicationView reject(Scope scope, long id, @Nullable String reason) {
		if (scope.role() != Role.PROVINCE && scope.role() != Role.CITY) {
			throw new AccessDeniedProblem("pilot.error.reviewerOnly");
		}
		PilotApplicationView current = getApplication(scope, id);
		boolean cityStep = current.needsCityReview() && current.status() == PilotApplicationStatus.SUBMITTED;
		if (scope.role() == Role.CITY && !cityStep) {
			throw current.needsCityReview() ? current.status().refused("审核不通过")
					: new DomainException(HttpStatus.CONFLICT, "pilot.error.noCityReview", current.batchName());
		}
		if (scope.role() == Role.PROVINCE && cityStep) {
			throw new DomainException(HttpStatus.CONFLICT, "pilot.error.cityReviewPending");
		}
		PilotApplicationStatus next = current.status().reject();
		String text = reason == null ? "" : reason.trim();
		if (text.isEmpty()) {
			throw new InvalidInputProblem("reason", "pilot.application.reason.required");
		}
		if (text.length() > 500) {
			throw new InvalidInputProblem("reason", "pilot.application.reason.size");
		}
		move(scope, current, next, null, text, "pilot.application.reject", text);
		events.publishEvent(
				new PilotEvents.ApplicationRejected(id, current.collegeId(), current.certificateName(), text));
		return getApplication(scope, id);
	}

	@Transactional(readOnly = true)
	public PilotApplicationView getApplication(Scope scope, long id) {
		return applications.find(id)
			.filter(a -> visible(scope, a))
			.orElseThrow(() -> new NotFoundProblem("试点申报", id));
	}

	@Transactional(readOnly = true)
	public PageResult<PilotApplicationView> listApplications(Scope scope, ApplicationFilter filter, PageQuery page) {
		return applications.page(scope, filter, page);
	}

	@Transactional(readOnly = true)
	public Map<PilotApplicationStatus, Long> countApplications(Scope scope, @Nullable Long batchId) {
		return applications.counts(scope, batchId);
	}

	/** An attachment's metadata and bytes, if the scope may see the application. */
	@Transactional(readOnly = true)
	public Download attachment(Scope scope, long id, long attachmentId) {
		var attachment = getApplication(scope, id).attachments()
			.stream()
			.filter(a -> a.id() == attachmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("附件", attachmentId));
		StoredFile file = files.find(attachment.fileId()).orElseThrow(() -> new NotFoundProblem("附件", attachmentId));
		return new Download(file.originalName(), file.contentType(), files.read(file.id()));
	}

	/** A file to send back. */
	public record Download(String name, String contentType, byte[] content) {
	}

	// ---- internals -----------------------------------------------------------------------------------

	private void move(Scope scope, PilotApplicationView current, PilotApplicationStatus next,
			@Nullable Integer approvedTrainees, @Nullable String reason, String action, String detail) {
		if (!applications.move(current.id(), current.status(), next, approvedTrainees, reason, now())) {
			throw new OptimisticLockingFailureException("pilot_application " + current.id());
		}
		audit.record(scope, AuditRecord.of(action, "PilotApplication", current.id(), current.status(), next,
				(current.collegeName() + " " + current.certificateName() + " " + detail).trim(), current.collegeId()));
	}


	private void attach(Scope scope, long id, int existing, List<PilotUpload> uploads, long collegeId) {
		List<PilotUpload> real = uploads.stream().filter(u -> u.content().length > 0 || !u.name().isBlank()).toList();
		if (existing + real.size() > MAX_ATTACHMENTS) {
			throw new InvalidInputProblem("attachments", "pilot.application.attachments.tooMany", MAX_ATTACHMENTS);
		}
		for (PilotUpload upload : real) {
			StoredFile file = files.store(scope, "pilot-attachment", "attachments", upload.name(), upload.content(),
					ATTACHMENT_RULES);
			applications.addAttachment(id, file.id(), file.originalName(), now());
			audit.record(scope, AuditRecord.of("pilot.application.attachment.add", "PilotApplication", id, null, null,
					file.originalName() + " " + file.sm3(), collegeId));
		}
	}

	private record Checked(String name, int year, SubmissionWindow window) {
	}

	private Checked check(PilotBatchForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = trim(form.getName());
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "pilot.batch.name.required"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem("name", "pilot.batch.name.size"));
		}
		Integer year = form.getYear();
		int thisYear = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear();
		if (year == null) {
			problems.add(new FieldProblem("year", "pilot.batch.year.required"));
		}
		else if (year < thisYear - 1 || year > thisYear + 1) {
			problems.add(new FieldProblem("year", "pilot.batch.year.range", thisYear - 1, thisYear + 1));
		}
		if (form.getWindowStart() == null) {
			problems.add(new FieldProblem("windowStart", "pilot.batch.windowStart.required"));
		}
		if (form.getWindowEnd() == null) {
			problems.add(new FieldProblem("windowEnd", "pilot.batch.windowEnd.required"));
		}
		else if (form.getWindowStart() != null && !form.getWindowEnd().isAfter(form.getWindowStart())) {
			problems.add(new FieldProblem("windowEnd", "pilot.batch.windowEnd.beforeStart"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new Checked(name, year, new SubmissionWindow(form.getWindowStart(), form.getWindowEnd()));
	}

	private PilotApplications.Content check(PilotApplicationForm form, PilotBatchView batch, long collegeId,
			@Nullable Long exceptId) {
		List<FieldProblem> problems = new ArrayList<>();
		CertificateView certificate = null;
		if (form.getCertificateId() == null) {
			problems.add(new FieldProblem("certificateId", "pilot.application.certificate.required"));
		}
		else {
			certificate = catalog.findEnabledCertificate(form.getCertificateId()).orElse(null);
			if (certificate == null) {
				problems.add(new FieldProblem("certificateId", "pilot.application.certificate.unavailable"));
			}
			else if (applications.exists(batch.id(), collegeId, certificate.id(), exceptId)) {
				problems.add(new FieldProblem("certificateId", "pilot.application.duplicate", batch.name()));
			}
		}
		Set<CertificateLevel> levels = new LinkedHashSet<>(form.getLevels());
		if (levels.isEmpty()) {
			problems.add(new FieldProblem("levels", "pilot.application.levels.required"));
		}
		else if (certificate != null) {
			Set<CertificateLevel> usable = new HashSet<>();
			certificate.levels().stream().filter(LevelView::usable).forEach(l -> usable.add(l.level()));
			if (!usable.containsAll(levels)) {
				problems.add(new FieldProblem("levels", "pilot.application.levels.unavailable"));
			}
		}
		List<Major> majors = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < form.getMajors().size(); i++) {
			MajorForm row = form.getMajors().get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "majors[" + i + "].";
			String name = trim(row.getName());
			String code = trim(row.getCode());
			if (name.isEmpty()) {
				problems.add(new FieldProblem(prefix + "name", "pilot.major.name.required"));
			}
			else if (name.length() > 50) {
				problems.add(new FieldProblem(prefix + "name", "pilot.major.name.size"));
			}
			if (!MAJOR_CODE.matcher(code).matches()) {
				problems.add(new FieldProblem(prefix + "code", "pilot.major.code.pattern"));
			}
			else if (!codes.add(code)) {
				problems.add(new FieldProblem(prefix + "code", "pilot.major.code.repeated"));
			}
			majors.add(new Major(name, code));
		}
		if (batch.majorsRequired() && majors.isEmpty()) {
			problems.add(new FieldProblem("majors", "pilot.application.majors.required"));
		}
		if (majors.size() > MAX_MAJORS) {
			problems.add(new FieldProblem("majors", "pilot.application.majors.tooMany", MAX_MAJORS));
		}
		Integer planned = form.getPlannedTrainees();
		if (planned == null) {
			problems.add(new FieldProblem("plannedTrainees", "pilot.application.plannedTrainees.required"));
		}
		else if (planned < 1 || planned > 100_000) {
			problems.add(new FieldProblem("plannedTrainees", "pilot.application.plannedTrainees.range"));
		}
		String teachers = trim(form.getTeacherDescription());
		String facilities = trim(form.getFacilityDescription());
		if (teachers.isEmpty()) {
			problems.add(new FieldProblem("teacherDescription", "pilot.application.teacherDescription.required"));
		}
		else if (teachers.length() > 5000) {
			problems.add(new FieldProblem("teacherDescription", "pilot.application.description.size"));
		}
		if (facilities.isEmpty()) {
			problems.add(new FieldProblem("facilityDescription", "pilot.application.facilityDescription.required"));
		}
		else if (facilities.length() > 5000) {
			problems.add(new FieldProblem("facilityDescription", "pilot.application.description.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		List<CertificateLevel> ordered = levels.stream().sorted().toList();
		return new PilotApplications.Content(certificate.id(), certificate.organisationId(), certificate.name(),
				certificate.organisationName(), ordered, majors, planned, teachers, facilities);
	}

	private PilotBatchView ownBatch(Scope scope, long id) {
		long provinceId = requireProvince(scope);
		return batches.find(id)
			.filter(b -> b.provinceId() == provinceId)
			.orElseThrow(() -> new NotFoundProblem("申报批次", id));
	}

	static boolean visible(Scope scope, PilotBatchView batch) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.provinceId() == null || scope.provinceId() != batch.provinceId()) {
			return false;
		}
		return scope.role() == Role.PROVINCE || batch.status() == BatchStatus.PUBLISHED
				&& (isCollege(scope) || scope.role() == Role.CITY);
	}

	static boolean visible(Scope scope, PilotApplicationView a) {
		if (scope.isAdmin()) {
			return true;
		}
		if (isCollege(scope)) {
			return Objects.equals(scope.organisationId(), a.collegeId());
		}
		if (a.status() == PilotApplicationStatus.DRAFT) {
			return false;
		}
		return switch (scope.role()) {
			case PROVINCE -> Objects.equals(scope.provinceId(), a.provinceId());
			case CITY -> scope.cityId() != null && scope.cityId().equals(a.cityId());
			default -> false;
		};
	}

	private static long requireProvince(Scope scope) {
		if (scope.role() != Role.PROVINCE || scope.provinceId() == null) {
			throw new AccessDeniedProblem("pilot.error.provinceOnly");
		}
		return scope.provinceId();
	}

	private static long requireCollege(Scope scope) {
		if (!isCollege(scope)) {
			throw new AccessDeniedProblem("pilot.error.collegeOnly");
		}
		return scope.requireOrganisation();
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}

	private Instant now() {
		return clock.instant();
	}
}
