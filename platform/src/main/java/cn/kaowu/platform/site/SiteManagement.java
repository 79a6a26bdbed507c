package cn.kaowu.platform.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
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
import cn.kaowu.platform.pilot.PilotColleges;
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
 * The site workflow (004 ch.2, 002 art.5–6). A college (COLLEGE_ADMIN or COLLEGE_PRINCIPAL) of a pilot
 * college of the current year applies for one site per certificate, edits or deletes it while 未提交 or 审核退回
 * (also several at once, all or nothing), submits it (with the application form and at least one photo) and
 * may withdraw it while not yet reviewed. The ORG owning the certificate reviews its queue oldest first,
 * ticking the certificate's checklist, and approves (site code, qualification certificate PDF valid two years,
 * filing with the province) or returns it with a reason.
 * <p>
 * Scope: a college sees its own sites, an ORG those of its certificates once submitted, a province the
 * approved ones of its colleges (备案). Out-of-scope ids answer 404; a role that may never act, 403.
 */
@Service
public class SiteManagement {

	/** The stamped application form (申请表): PDF, JPG or PNG, at most 10 MB. */
	public static final UploadRules FORM_RULES = UploadRules.of(10, FileType.PDF, FileType.JPEG, FileType.PNG);

	/** Photos of rooms and equipment: JPG or PNG, at most 5 MB each. */
	public static final UploadRules PHOTO_RULES = UploadRules.of(5, FileType.JPEG, FileType.PNG);

	static final int MAX_PHOTOS = 20;

	/** Validity of a qualification from the day of approval. */
	static final int VALID_YEARS = 2;

	private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$");

	private final SiteApplications sites;

	private final SiteReviews reviews;

	private final ChecklistItems checklist;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final PilotColleges pilots;

	private final FileStorage files;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SiteManagement(SiteApplications sites, SiteReviews reviews, ChecklistItems checklist, CatalogManagement catalog,
			OrganisationManagement organisations, PilotColleges pilots, FileStorage files, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.sites = sites;
		this.reviews = reviews;
		this.checklist = checklist;
		this.catalog = catalog;
		this.organisations = organisations;
		this.pilots = pilots;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Filter of the site lists. */
	public record SiteFilter(@Nullable SiteApplicationStatus status, @Nullable Long certificateId,
			@Nullable String keyword, @Nullable SiteStatus operatingStatus) {

		public static SiteFilter none() {
			return new SiteFilter(null, null, null, null);
		}
	}

	/** A file to send back. */
	public record Download(String name, String contentType, byte[] content) {
	}

	public static boolean isCollege(@Nullable Scope scope) {
		return scope != null && (scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL);
	}

	// ---- the college ---------------------------------------------------------------------------------

	/** The certificates the college may still apply for: enabled, with a usable level, no site yet. */
	@Transactional(readOnly = true)
	public List<CertificateView> certificateChoices(Scope scope) {
		long collegeId = requireCollege(scope);
		return catalog.allCertificates(scope, new CatalogManagement.CertificateFilter(null, null, true))
			.stream()
			.filter(c -> c.levels().stream().anyMatch(LevelView::usable))
			.filter(c -> !sites.exists(collegeId, c.id()))
			.toList();
	}

	@Transactional
	public SiteView create(Scope scope, SiteApplicationForm form, @Nullable SiteUpload applicationForm,
			List<SiteUpload> photos) {
		long collegeId = requireCollege(scope);
		int year = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear();
		OrganisationView college = organisations.find(collegeId).orElseThrow();
		if (!pilots.isPilotCollege(collegeId, year)) {
			throw new DomainException(HttpStatus.CONFLICT, "site.error.notPilot", college.name(), year);
		}
		List<FieldProblem> problems = new ArrayList<>();
		CertificateView certificate = null;
		if (form.getCertificateId() == null) {
			problems.add(new FieldProblem("certificateId", "site.certificate.required"));
		}
		else {
			certificate = catalog.findEnabledCertificate(form.getCertificateId()).orElse(null);
			if (certificate == null) {
				problems.add(new FieldProblem("certificateId", "site.certificate.unavailable"));
			}
			else if (sites.exists(collegeId, certificate.id())) {
				problems.add(new FieldProblem("certificateId", "site.duplicate", certificate.name()));
			}
		}
		SiteApplications.Content content = content(form, problems);
		String provinceName = college.provinceName() == null ? "" : college.provinceName();
		String name = college.name() + (certificate == null ? "" : certificate.name()) + "考核站点";
		long id;
		try {
			id = sites.insert(name,
					new SiteApplications.Owner(collegeId, college.name(), Objects.requireNonNull(college.provinceId()),
							provinceName, college.cityId()),
					new SiteApplications.Certificate(certificate.id(), certificate.name(),
							certificate.organisationId(), certificate.organisationName()),
					content, now());
		}
		catch (DuplicateKeyException e) {
			// Two requests for the same pair: the database constraint decides.
			throw new InvalidInputProblem("certificateId", "site.duplicate", certificate.name());
		}
		audit.record(scope, AuditRecord.of("site.application.create", "ExamSite", id, null, SiteApplicationStatus.DRAFT,
				name, collegeId));
		attach(scope, id, collegeId, applicationForm, photos, 0);
		return get(scope, id);
	}

	@Transactional
	public SiteView update(Scope scope, long id, SiteApplicationForm form, @Nullable SiteUpload applicationForm,
			List<SiteUpload> photos) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		current.status().requireEditable("编辑");
		List<FieldProblem> problems = new ArrayList<>();
		if (form.getCertificateId() != null && form.getCertificateId() != current.certificateId()) {
			problems.add(new FieldProblem("certificateId", "site.certificate.immutable"));
		}
		SiteApplications.Content content = content(form, problems);
		if (!sites.update(id, content, form.getVersion() == null ? current.version() : form.getVersion(), now())) {
			throw new OptimisticLockingFailureException("exam_site " + id);
		}
		audit.record(scope, AuditRecord.of("site.application.update", "ExamSite", id, null, null,
				"联系人 " + content.contactName() + "，考场 " + content.roomCount() + " 间，考位 " + content.seatCount(),
				current.collegeId()));
		attach(scope, id, current.collegeId(), applicationForm, photos, current.photos().size());
		return get(scope, id);
	}

	@Transactional
	public SiteView addFiles(Scope scope, long id, @Nullable SiteUpload applicationForm, List<SiteUpload> photos) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		current.status().requireEditable("编辑");
		attach(scope, id, current.collegeId(), applicationForm, photos, current.photos().size());
		return get(scope, id);
	}

	@Transactional
	public void removePhoto(Scope scope, long id, long photoId) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		current.status().requireEditable("编辑");
		SiteView.Photo photo = current.photos()
			.stream()
			.filter(p -> p.id() == photoId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("照片", photoId));
		sites.removePhoto(id, photoId);
		audit.record(scope, AuditRecord.of("site.application.photo.remove", "ExamSite", id, null, null, photo.name(),
				current.collegeId()));
	}

	@Transactional
	public void delete(Scope scope, long id) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		current.status().requireEditable("删除");
		sites.delete(id);
		audit.record(scope,
				AuditRecord.of("site.application.delete", "ExamSite", id, current.status(), null, current.name(),
						current.collegeId()));
	}

	/** Deletes several applications: all of them, or none when one may not be deleted. */
	@Transactional
	public int deleteAll(Scope scope, List<Long> ids) {
		if (ids.isEmpty()) {
			throw new InvalidInputProblem("ids", "batch.noneSelected");
		}
		LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
		distinct.forEach(id -> delete(scope, id));
		return distinct.size();
	}

	@Transactional
	public SiteView submit(Scope scope, long id) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		SiteApplicationStatus next = current.status().submit();
		List<FieldProblem> problems = new ArrayList<>();
		if (current.applicationFormFileId() == null) {
			problems.add(new FieldProblem("applicationForm", "site.applicationForm.required"));
		}
		if (current.photos().isEmpty()) {
			problems.add(new FieldProblem("photos", "site.photos.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		move(scope, current, next, null, "site.application.submit", current.name());
		events.publishEvent(new SiteEvents.SiteSubmitted(id, current.organisationId(), current.name()));
		return get(scope, id);
	}

	/** 撤销: back to a draft while the ORG has not reviewed it. */
	@Transactional
	public SiteView withdraw(Scope scope, long id) {
		requireCollege(scope);
		SiteView current = get(scope, id);
		SiteApplicationStatus next = current.status().withdraw();
		move(scope, current, next, null, "site.application.withdraw", current.name());
		return get(scope, id);
	}

	// ---- the ORG -------------------------------------------------------------------------------------

	/** The ORG's review queue: submitted applications of its certificates, oldest first. */
	@Transactional(readOnly = true)
	public PageResult<SiteView> reviewQueue(Scope scope, SiteFilter filter, PageQuery page) {
		requireOrg(scope);
		return sites.page(scope, filter, true, page);
	}

	/** The checklist of the site's certificate, to tick at review. */
	@Transactional(readOnly = true)
	public List<ChecklistItemView> checklistFor(Scope scope, long id) {
		return checklist.of(get(scope, id).certificateId());
	}

	@Transactional
	public SiteView approve(Scope scope, long id, ReviewDecision decision) {
		SiteView current = reviewable(scope, id);
		SiteApplicationStatus next = current.status().approve();
		List<SiteReviewView.Item> items = ticks(current, decision, true);
		Instant now = now();
		LocalDate from = LocalDate.ofInstant(now, AdjustableClock.CHINA);
		LocalDate until = from.plusYears(VALID_YEARS).minusDays(1);
		String code = nextCode(current);
		byte[] pdf = QualificationCertificate.render(current.name(), code, current.certificateName(),
				current.organisationName(), current.collegeName(), from, until);
		StoredFile file = files.saveGenerated(scope, "site-certificate", "考核站点资格证书-" + code + ".pdf",
				"application/pdf", pdf);
		boolean done;
		try {
			done = sites.approve(id, code, file.id(), now, until);
		}
		catch (DuplicateKeyException e) {
			throw new OptimisticLockingFailureException("site code " + code);
		}
		if (!done) {
			throw new OptimisticLockingFailureException("exam_site " + id);
		}
		reviews.insert(id, next, null, scope.accountId(), scope.username(), now, items);
		audit.record(scope, AuditRecord.of("site.application.approve", "ExamSite", id, current.status(), next,
				current.name() + " 编号 " + code + " 有效期至 " + until + "；备案 " + current.provinceName(),
				current.collegeId()));
		events.publishEvent(
				new SiteEvents.SiteApproved(id, current.collegeId(), current.provinceId(), current.name(), code));
		return get(scope, id);
	}

	@Transactional
	public SiteView returnForChanges(Scope scope, long id, ReviewDecision decision) {
		SiteView current = reviewable(scope, id);
		SiteApplicationStatus next = current.status().returnForChanges();
		String reason = decision.reason() == null ? "" : decision.reason().trim();
		if (reason.isEmpty()) {
			throw new InvalidInputProblem("reason", "site.review.reason.required");
		}
		if (reason.length() > 500) {
			throw new InvalidInputProblem("reason", "site.review.reason.size");
		}
		List<SiteReviewView.Item> items = ticks(current, decision, false);
		move(scope, current, next, reason, "site.application.return", current.name() + "：" + reason);
		reviews.insert(id, next, reason, scope.accountId(), scope.username(), now(), items);
		events.publishEvent(new SiteEvents.SiteReturned(id, current.collegeId(), current.name(), reason));
		return get(scope, id);
	}

	// ---- everyone ------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public SiteView get(Scope scope, long id) {
		return sites.find(id).filter(s -> visible(scope, s)).orElseThrow(() -> new NotFoundProblem("考核站点", id));
	}

	/** A college's own sites, an ORG's submitted ones, a province's filed ones, newest first. */
	@Transactional(readOnly = true)
	public PageResult<SiteView> list(Scope scope, SiteFilter filter, PageQuery page) {
		return sites.page(scope, filter, false, page);
	}

	/** 站点备案: the approved sites of the province's colleges. */
	@Transactional(readOnly = true)
	public PageResult<SiteView> filings(Scope scope, SiteFilter filter, PageQuery page) {
		if (scope.role() != Role.PROVINCE && !scope.isAdmin()) {
			throw new AccessDeniedProblem("site.error.provinceOnly");
		}
		return sites.page(scope, new SiteFilter(SiteApplicationStatus.APPROVED, filter.certificateId(),
				filter.keyword(), filter.operatingStatus()), false, page);
	}

	@Transactional(readOnly = true)
	public List<SiteReviewView> reviews(Scope scope, long id) {
		get(scope, id);
		return reviews.of(id);
	}

	/** The qualification certificate PDF of an approved site. */
	@Transactional(readOnly = true)
	public Download certificate(Scope scope, long id) {
		SiteView site = get(scope, id);
		if (site.certificateFileId() == null) {
			throw new NotFoundProblem("考核站点资格证书", id);
		}
		return download(site.certificateFileId(), id);
	}

	/** The application form or a photo of the site. */
	@Transactional(readOnly = true)
	public Download file(Scope scope, long id, UUID fileId) {
		SiteView site = get(scope, id);
		boolean belongs = fileId.equals(site.applicationFormFileId())
				|| site.photos().stream().anyMatch(p -> p.fileId().equals(fileId));
		if (!belongs) {
			throw new NotFoundProblem("文件", fileId);
		}
		return download(fileId, id);
	}

	// ---- internals -----------------------------------------------------------------------------------

	private Download download(UUID fileId, long id) {
		StoredFile file = files.find(fileId).orElseThrow(() -> new NotFoundProblem("文件", id));
		return new Download(file.originalName(), file.contentType(), files.read(fileId));
	}

	private SiteView reviewable(Scope scope, long id) {
		requireOrg(scope);
		SiteView current = get(scope, id);
		if (!Objects.equals(current.organisationId(), scope.organisationId())) {
			throw new NotFoundProblem("考核站点", id);
		}
		return current;
	}

	/**
	 * The ticked checklist: every item of the certificate once. Approval needs every item ticked and met;
	 * a return keeps what was ticked. An item not met needs a note.
	 */
	private List<SiteReviewView.Item> ticks(SiteView site, ReviewDecision decision, boolean approving) {
		List<ChecklistItemView> template = checklist.of(site.certificateId());
		Map<Long, ReviewDecision.Tick> byItem = new HashMap<>();
		decision.items().forEach(t -> byItem.put(t.itemId(), t));
		List<FieldProblem> problems = new ArrayList<>();
		for (ReviewDecision.Tick t : decision.items()) {
			if (template.stream().noneMatch(i -> i.id() == t.itemId())) {
				problems.add(new FieldProblem("items", "site.review.item.unknown", t.itemId()));
			}
		}
		List<SiteReviewView.Item> items = new ArrayList<>();
		for (int i = 0; i < template.size(); i++) {
			ChecklistItemView item = template.get(i);
			ReviewDecision.Tick tick = byItem.get(item.id());
			String field = "items[" + i + "]";
			String note = tick == null || tick.note() == null || tick.note().isBlank() ? null : tick.note().trim();
			if (note != null && note.length() > 200) {
				problems.add(new FieldProblem(field, "site.review.note.size", i + 1));
			}
			if (tick == null || tick.met() == null) {
				if (approving) {
					problems.add(new FieldProblem(field, "site.review.item.unticked", i + 1, item.category()));
				}
				continue;
			}
			if (!tick.met() && approving) {
				problems.add(new FieldProblem(field, "site.review.item.notMet", i + 1, item.category()));
			}
			if (!tick.met() && note == null) {
				problems.add(new FieldProblem(field, "site.review.note.required", i + 1, item.category()));
			}
			items.add(new SiteReviewView.Item(item.category(), item.requirement(), item.source(), tick.met(), note));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return items;
	}

	private String nextCode(SiteView site) {
		CertificateView certificate = catalog.getCertificate(Scope.system(), site.certificateId());
		String province = organisations.find(site.provinceId()).map(OrganisationView::code).orElse("000000");
		String prefix = SiteCodes.prefix(
				SiteCodes.certificatePart(certificate.levels().stream().map(LevelView::code).toList(), certificate.id()),
				province);
		return SiteCodes.next(prefix, sites.codesStartingWith(prefix));
	}

	private void move(Scope scope, SiteView current, SiteApplicationStatus next, @Nullable String reason,
			String action, String detail) {
		if (!sites.move(current.id(), current.status(), next, reason, now())) {
			throw new OptimisticLockingFailureException("exam_site " + current.id());
		}
		audit.record(scope,
				AuditRecord.of(action, "ExamSite", current.id(), current.status(), next, detail, current.collegeId()));
	}

	private void attach(Scope scope, long id, long collegeId, @Nullable SiteUpload applicationForm,
			List<SiteUpload> photos, int existingPhotos) {
		if (applicationForm != null && (applicationForm.content().length > 0 || !applicationForm.name().isBlank())) {
			StoredFile file = files.store(scope, "site-application-form", "applicationForm", applicationForm.name(),
					applicationForm.content(), FORM_RULES);
			sites.setApplicationForm(id, file.id(), file.originalName());
			audit.record(scope, AuditRecord.of("site.application.form", "ExamSite", id, null, null,
					file.originalName() + " " + file.sm3(), collegeId));
		}
		List<SiteUpload> real = photos.stream().filter(p -> p.content().length > 0 || !p.name().isBlank()).toList();
		if (existingPhotos + real.size() > MAX_PHOTOS) {
			throw new InvalidInputProblem("photos", "site.photos.tooMany", MAX_PHOTOS);
		}
		for (SiteUpload photo : real) {
			StoredFile file = files.store(scope, "site-photo", "photos", photo.name(), photo.content(), PHOTO_RULES);
			sites.addPhoto(id, file.id(), file.originalName(), now());
			audit.record(scope, AuditRecord.of("site.application.photo.add", "ExamSite", id, null, null,
					file.originalName() + " " + file.sm3(), collegeId));
		}
	}

	private static SiteApplications.Content content(SiteApplicationForm form, List<FieldProblem> problems) {
		String contact = trim(form.getContactName());
		String phone = trim(form.getContactPhone());
		if (contact.isEmpty()) {
			problems.add(new FieldProblem("contactName", "site.contactName.required"));
		}
		else if (contact.length() > 50) {
			problems.add(new FieldProblem("contactName", "site.contactName.size"));
		}
		if (!PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("contactPhone", "site.contactPhone.pattern"));
		}
		Integer rooms = form.getRoomCount();
		Integer seats = form.getSeatCount();
		if (rooms == null || rooms < 1 || rooms > 200) {
			problems.add(new FieldProblem("roomCount", "site.roomCount.range"));
		}
		if (seats == null || seats < 1 || seats > 20_000) {
			problems.add(new FieldProblem("seatCount", "site.seatCount.range"));
		}
		String description = trim(form.getDescription());
		if (description.length() > 1000) {
			problems.add(new FieldProblem("description", "site.description.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new SiteApplications.Content(contact, phone, rooms, seats, description.isEmpty() ? null : description);
	}

	static boolean visible(Scope scope, SiteView s) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.role().isCollege()) {
			return Objects.equals(scope.organisationId(), s.collegeId());
		}
		return switch (scope.role()) {
			case ORG -> Objects.equals(scope.organisationId(), s.organisationId())
					&& s.status() != SiteApplicationStatus.DRAFT;
			case PROVINCE -> Objects.equals(scope.provinceId(), s.provinceId()) && s.approved();
			default -> false;
		};
	}

	private static long requireCollege(Scope scope) {
		if (!isCollege(scope)) {
			throw new AccessDeniedProblem("site.error.collegeOnly");
		}
		return scope.requireOrganisation();
	}

	private static void requireOrg(Scope scope) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("site.error.orgOnly");
		}
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}

	private Instant now() {
		return clock.instant();
	}
}
