package cn.kaowu.platform.candidate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.UploadRules;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates of a college (考生管理, 004 ch.3 §3): lists, single add/edit/delete, xlsx import and photo zip upload
 * as jobs, verification. See {@link CandidateAccess} for who may do what. Other modules call
 * {@link #requireVerified} before registering a candidate; a candidate registered for a plan (see
 * {@link RegistrationCounts}) cannot be deleted.
 */
@Service
public class CandidateManagement {

	/** Job kinds. */
	public static final String IMPORT_JOB = "candidate-import";

	public static final String PHOTO_JOB = "candidate-photos";

	/** Upload limit of a photo zip (the platform's request limit is 60 MB). */
	static final int PHOTO_ZIP_MAX_MB = 60;

	private final Candidates candidates;

	private final CandidateAccess access;

	private final IdentityVerifier verifier;

	private final FileStorage files;

	private final Jobs jobs;

	private final AuditLog audit;

	private final Clock clock;

	private final RegistrationCounts registrations;

	CandidateManagement(Candidates candidates, CandidateAccess access, IdentityVerifier verifier, FileStorage files,
			Jobs jobs, AuditLog audit, Clock clock, RegistrationCounts registrations) {
		this.registrations = registrations;
		this.candidates = candidates;
		this.access = access;
		this.verifier = verifier;
		this.files = files;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/** Filter of a list. */
	public record CandidateFilter(CandidateKind kind, @Nullable String name, @Nullable String idNumber,
			@Nullable VerificationState state, @Nullable String major) {
	}

	/** The outcome of a batch 认证. */
	public record VerificationSummary(int verified, int needsManualCheck, int pending, int skipped) {
	}

	public static boolean canManage(@Nullable Scope scope, long collegeId) {
		return CandidateAccess.canManage(scope, collegeId);
	}

	@Transactional(readOnly = true)
	public OrganisationView college(Scope scope, @Nullable Long collegeId) {
		return access.college(scope, collegeId);
	}

	@Transactional(readOnly = true)
	public List<OrganisationView> colleges(Scope scope) {
		return access.choosableColleges(scope);
	}

	@Transactional(readOnly = true)
	public PageResult<CandidateView> list(Scope scope, @Nullable Long collegeId, CandidateFilter f, PageQuery page) {
		OrganisationView college = access.college(scope, collegeId);
		PageResult<Candidates.Row> rows = candidates
			.page(college.id(), new Candidates.Filter(f.kind(), f.name(), f.idNumber(), f.state(), f.major()), page);
		var counts = registrations.plansOf(rows.items().stream().map(Candidates.Row::id).toList());
		return rows.map(r -> r.view(counts.getOrDefault(r.id(), 0)));
	}

	@Transactional(readOnly = true)
	public CandidateView get(Scope scope, long id) {
		return view(row(scope, id));
	}

	/**
	 * The stored values with the full ID and phone numbers for the edit form: only for the college's managers, and
	 * each opening is audited ({@value #PERSONAL_DATA_VIEWED}).
	 */
	@Transactional
	public CandidateForm editForm(Scope scope, long id) {
		Candidates.Row r = row(scope, id);
		CandidateAccess.requireManager(scope, r.collegeId());
		fullView(scope, r, "id_number, phone", "考生编辑页 (candidate edit page)");
		CandidateForm f = CandidateForm.of(r.name(), r.pinyin(), r.gender().label(), r.idType().label(), r.idNumber(),
				r.phone(), r.enrolmentYear(), r.educationLevel(), r.majorName(), r.majorCode());
		f.setKind(r.kind());
		f.setVersion(r.version());
		return f;
	}

	@Transactional
	public CandidateView create(Scope scope, CandidateKind kind, CandidateForm form) {
		OrganisationView college = access.ownCollege(scope);
		CandidateRules.Values v = validate(form, null);
		long id;
		try {
			id = candidates.insert(college.id(), kind, v, clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("idNumber", "candidate.idNumber.duplicate");
		}
		audit.record(scope, AuditRecord.of("candidate.create", "Candidate", id, null, VerificationState.NO_PHOTO,
				describe(v), college.id()));
		return view(candidates.find(id).orElseThrow());
	}

	/**
	 * Changes a candidate. Before {@link VerificationState#VERIFIED} everything may change; after, name, ID type
	 * and ID number may not (a change to them is refused naming the field).
	 */
	@Transactional
	public CandidateView update(Scope scope, long id, CandidateForm form) {
		Candidates.Row current = row(scope, id);
		CandidateAccess.requireManager(scope, current.collegeId());
		CandidateRules.Values v = validate(form, id);
		if (current.state().identityLocked()) {
			List<FieldProblem> locked = new ArrayList<>();
			if (!v.name().equals(current.name())) {
				locked.add(new FieldProblem("name", "candidate.locked"));
			}
			if (v.idType() != current.idType()) {
				locked.add(new FieldProblem("idType", "candidate.locked"));
			}
			if (!v.idNumber().equals(current.idNumber())) {
				locked.add(new FieldProblem("idNumber", "candidate.locked"));
			}
			if (!locked.isEmpty()) {
				throw new InvalidInputProblem(locked);
			}
		}
		boolean done;
		try {
			done = candidates.update(id, v, form.getVersion() == null ? current.version() : form.getVersion(),
					clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("idNumber", "candidate.idNumber.duplicate");
		}
		if (!done) {
			throw new OptimisticLockingFailureException("candidate " + id);
		}
		audit.record(scope, AuditRecord.of("candidate.update", "Candidate", id, null, null, describe(v),
				current.collegeId()));
		return view(candidates.find(id).orElseThrow());
	}

	/** Deletes candidates without registrations: all of them, or none when one is refused. */
	@Transactional
	public int delete(Scope scope, List<Long> ids) {
		List<Long> distinct = Candidates.distinct(ids);
		var counts = registrations.plansOf(distinct);
		for (long id : distinct) {
			Candidates.Row current = row(scope, id);
			CandidateAccess.requireManager(scope, current.collegeId());
			int plans = counts.getOrDefault(id, 0);
			if (plans > 0) {
				throw new DomainException(HttpStatus.CONFLICT, "candidate.error.registered", current.name(), plans);
			}
			candidates.delete(id);
			audit.record(scope, AuditRecord.of("candidate.delete", "Candidate", id, current.state(), null,
					current.name() + " " + ChineseIdNumber.mask(current.idNumber()), current.collegeId()));
		}
		return distinct.size();
	}

	// ---- verification --------------------------------------------------------------------------------------

	/**
	 * 认证 / 批量认证: sends candidates waiting for verification to the {@link IdentityVerifier} and applies its
	 * answer. Candidates without photo or already verified are skipped (counted); ids of other colleges are 404.
	 */
	@Transactional
	public VerificationSummary verify(Scope scope, List<Long> ids) {
		int verified = 0;
		int manual = 0;
		int pending = 0;
		int skipped = 0;
		for (long id : Candidates.distinct(ids)) {
			Candidates.Row r = row(scope, id);
			CandidateAccess.requireManager(scope, r.collegeId());
			if (r.state() != VerificationState.PENDING_VERIFICATION) {
				skipped++;
				continue;
			}
			byte[] photo = r.photoFileId() == null ? null : files.read(r.photoFileId());
			IdentityVerifier.Result result = verifier
				.verify(new IdentityVerifier.Subject(r.id(), r.name(), r.idType(), r.idNumber(), photo));
			switch (result.outcome()) {
				case VERIFIED -> verified++;
				case NEEDS_MANUAL_CHECK -> manual++;
				case PENDING -> pending++;
			}
			if (result.outcome() != IdentityVerifier.Outcome.PENDING) {
				move(scope, r, VerificationState.valueOf(result.outcome().name()), result.reasonKey(),
						"candidate.verify");
			}
		}
		return new VerificationSummary(verified, manual, pending, skipped);
	}

	/** The verifier's later answer for a candidate it answered PENDING for (system scope). */
	@Transactional
	public void applyVerification(long candidateId, IdentityVerifier.Result result) {
		Candidates.Row r = candidates.find(candidateId).orElseThrow(() -> new NotFoundProblem("考生", candidateId));
		if (result.outcome() != IdentityVerifier.Outcome.PENDING) {
			move(Scope.system(), r, VerificationState.valueOf(result.outcome().name()), result.reasonKey(),
					"candidate.verify");
		}
	}

	/** 人工确认: the college checked the documents of a candidate the verifier could not confirm. */
	@Transactional
	public CandidateView confirmManually(Scope scope, long id) {
		Candidates.Row r = row(scope, id);
		CandidateAccess.requireManager(scope, r.collegeId());
		if (r.state() != VerificationState.NEEDS_MANUAL_CHECK) {
			throw r.state().refused("人工确认");
		}
		move(scope, r, VerificationState.VERIFIED, null, "candidate.confirm");
		return view(candidates.find(id).orElseThrow());
	}

	private void move(Scope scope, Candidates.Row r, VerificationState next, @Nullable String noteKey, String action) {
		if (!r.state().canMoveTo(next)) {
			throw r.state().refused("转为“" + next.name() + "”");
		}
		candidates.setState(r.id(), next, noteKey, clock.instant());
		audit.record(scope, AuditRecord.of(action, "Candidate", r.id(), r.state(), next,
				r.name() + " " + ChineseIdNumber.mask(r.idNumber()), r.collegeId()));
	}

	/**
	 * Sets the photo of one candidate (the single-candidate twin of the photo zip): checked like every photo;
	 * refused once the candidate is verified. The candidate then waits for verification.
	 */
	@Transactional
	public CandidateView attachPhoto(Scope scope, long id, byte[] content) {
		Candidates.Row r = row(scope, id);
		CandidateAccess.requireManager(scope, r.collegeId());
		var problem = CandidatePhotos.problem(content);
		if (problem.isPresent()) {
			throw new InvalidInputProblem("photo", problem.get().key(), problem.get().args());
		}
		if (r.state().identityLocked()) {
			throw new InvalidInputProblem("photo", "candidate.photo.locked", r.name());
		}
		java.util.UUID file = files.saveGenerated(scope, "candidate-photo", CandidatePhotos.storedName(id, content),
				CandidatePhotos.type(content).contentType(), content).id();
		candidates.setPhoto(id, file, VerificationState.PENDING_VERIFICATION, clock.instant());
		audit.record(scope, AuditRecord.of("candidate.photo", "Candidate", id, r.state(),
				VerificationState.PENDING_VERIFICATION, r.name() + " " + ChineseIdNumber.mask(r.idNumber()),
				r.collegeId()));
		return view(candidates.find(id).orElseThrow());
	}

	/** Audit action of every display of a full ID or phone number (PIPL: who saw whose personal data, and why). */
	public static final String PERSONAL_DATA_VIEWED = "personal-data.viewed";

	private void fullView(Scope scope, Candidates.Row r, String fields, String purpose) {
		audit.record(scope, AuditRecord.of(PERSONAL_DATA_VIEWED, "Candidate", r.id(), null, null,
				r.name() + " " + ChineseIdNumber.mask(r.idNumber()) + "：" + fields + "；" + purpose, r.collegeId()));
	}

	/**
	 * Everything the candidate module holds about one candidate, with the full values (PIPL §45, the candidate's
	 * right of access): only for the college's managers; the caller audits the export.
	 */
	public record PersonalRecord(CandidateView view, String idNumber, String phone, java.util.Optional<byte[]> photo) {
	}

	@Transactional(readOnly = true)
	public PersonalRecord personalRecord(Scope scope, long id) {
		Candidates.Row r = row(scope, id);
		CandidateAccess.requireManager(scope, r.collegeId());
		return new PersonalRecord(view(r), r.idNumber(), r.phone(), r.photoFileId() == null ? java.util.Optional.empty()
				: java.util.Optional.of(files.read(r.photoFileId())));
	}

	/** The photo of a candidate the scope may read. */
	@Transactional(readOnly = true)
	public java.util.Optional<byte[]> photo(Scope scope, long id) {
		Candidates.Row r = row(scope, id);
		return r.photoFileId() == null ? java.util.Optional.empty() : java.util.Optional.of(files.read(r.photoFileId()));
	}

	/** The photo of a candidate for printed materials; no scope check (the caller checked its own). */
	@Transactional(readOnly = true)
	public java.util.Optional<byte[]> photoOf(long candidateId) {
		return candidates.find(candidateId)
			.map(Candidates.Row::photoFileId)
			.map(files::read);
	}

	/** For registration: the candidate exists and is {@link VerificationState#VERIFIED}; otherwise a 409 naming the state. */
	@Transactional(readOnly = true)
	public CandidateView requireVerified(long candidateId) {
		Candidates.Row r = candidates.find(candidateId).orElseThrow(() -> new NotFoundProblem("考生", candidateId));
		if (r.state() != VerificationState.VERIFIED) {
			throw new DomainException(HttpStatus.CONFLICT, "candidate.error.notVerified", r.name(),
					r.state().messageKey());
		}
		return view(r);
	}

	/**
	 * For registration: the college's candidates (both lists) with these ID numbers, keyed by ID number. No scope
	 * check: the caller registers for {@code collegeId} and has checked that it may.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, List<Registrant>> registrants(long collegeId, java.util.Collection<String> idNumbers) {
		java.util.Map<String, List<Registrant>> byNumber = new java.util.HashMap<>();
		for (Registrant r : candidates.registrantsByIdNumbers(collegeId, idNumbers)) {
			byNumber.computeIfAbsent(r.idNumber(), k -> new ArrayList<>(1)).add(r);
		}
		return byNumber;
	}

	/** One candidate for registration, if the scope may read it. */
	@Transactional(readOnly = true)
	public Registrant registrant(Scope scope, long candidateId) {
		return row(scope, candidateId).registrant();
	}

	/** The college's verified candidates of a list whose name or ID number contains {@code q}, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<CandidateView> verified(Scope scope, CandidateKind kind, @Nullable String q, int limit) {
		OrganisationView college = access.college(scope, null);
		boolean number = q != null && q.trim().matches("[0-9A-Za-z]+") && q.trim().chars().anyMatch(Character::isDigit);
		var filter = new Candidates.Filter(kind, number ? null : q, number ? q.trim() : null, VerificationState.VERIFIED,
				null);
		List<Candidates.Row> rows = new ArrayList<>();
		for (int page = 1; rows.size() < limit; page++) {
			PageResult<Candidates.Row> p = candidates.page(college.id(), filter, new PageQuery(page, PageQuery.MAX_SIZE));
			rows.addAll(p.items());
			if (!p.hasNext()) {
				break;
			}
		}
		return rows.stream().limit(limit).map(r -> r.view(0)).toList();
	}

	// ---- import, photos, export ---------------------------------------------------------------------------

	/** The import template (exact headers, the notes row of the national platform). */
	public byte[] template() {
		return ImportCandidates.template();
	}

	/** Checks the file and queues the import job of the college's {@code kind} list. */
	@Transactional
	public JobView startImport(Scope scope, CandidateKind kind, String fileName, byte[] content) {
		return startImport(scope, kind, false, fileName, content);
	}

	/**
	 * Checks the file and queues the import job; with {@code modify} (批量修改) the rows change existing candidates of
	 * the list, found by ID type and number, instead of adding new ones.
	 */
	@Transactional
	public JobView startImport(Scope scope, CandidateKind kind, boolean modify, String fileName, byte[] content) {
		access.ownCollege(scope);
		Spreadsheets.check("file", fileName, content);
		return jobs.submit(scope, IMPORT_JOB, modify ? kind.name() + ":" + ImportCandidates.MODIFY : kind.name(),
				FileStorage.safeName(fileName), content);
	}

	/** Checks the upload is a zip and queues the photo job; the zip's contents are checked by the job. */
	@Transactional
	public JobView startPhotoUpload(Scope scope, String fileName, byte[] content) {
		access.ownCollege(scope);
		FileStorage.check("file", fileName, content, UploadRules.of(PHOTO_ZIP_MAX_MB, FileType.ZIP));
		return jobs.submit(scope, PHOTO_JOB, "", FileStorage.safeName(fileName), content);
	}

	/** The filtered list as xlsx, ID and phone numbers masked. */
	@Transactional(readOnly = true)
	public byte[] export(Scope scope, @Nullable Long collegeId, CandidateFilter filter,
			java.util.function.Function<String, String> text) {
		OrganisationView college = access.college(scope, collegeId);
		List<List<String>> rows = new ArrayList<>();
		int pageNo = 1;
		while (true) {
			PageResult<Candidates.Row> page = candidates.page(college.id(), new Candidates.Filter(filter.kind(),
					filter.name(), filter.idNumber(), filter.state(), filter.major()), new PageQuery(pageNo, PageQuery.MAX_SIZE));
			for (Candidates.Row r : page.items()) {
				CandidateView v = r.view(0);
				rows.add(List.of(v.name(), v.pinyin(), v.gender().label(), v.idType().label(), v.idNumberMasked(),
						v.phoneMasked(), String.valueOf(v.enrolmentYear()), v.educationLevel(), v.majorName(),
						v.majorCode(), text.apply(v.state().messageKey())));
			}
			if (!page.hasNext()) {
				break;
			}
			pageNo++;
		}
		List<Spreadsheets.Column> columns = new ArrayList<>();
		CandidateRules.COLUMNS.values().forEach(h -> columns.add(new Spreadsheets.Column(h.substring(1), 16)));
		columns.add(new Spreadsheets.Column("状态", 12));
		return Spreadsheets.sheet("考生", columns, rows);
	}

	// ---- helpers --------------------------------------------------------------------------------------------

	private CandidateView view(Candidates.Row r) {
		return r.view(registrations.plansOf(List.of(r.id())).getOrDefault(r.id(), 0));
	}

	Candidates.Row row(Scope scope, long id) {
		Objects.requireNonNull(scope);
		Candidates.Row r = candidates.find(id).orElseThrow(() -> new NotFoundProblem("考生", id));
		access.readable(scope, r.collegeId(), id);
		return r;
	}

	private CandidateRules.Values validate(CandidateForm form, @Nullable Long id) {
		CandidateRules.Checked checked = CandidateRules.check(form.input(), CandidateRules.currentYear(clock));
		if (checked.values() == null) {
			throw new InvalidInputProblem(checked.problems());
		}
		CandidateRules.Values v = checked.values();
		if (candidates.identityTaken(v.idType(), v.idNumber(), id)) {
			throw new InvalidInputProblem("idNumber", "candidate.idNumber.duplicate");
		}
		return v;
	}

	static String describe(CandidateRules.Values v) {
		return v.name() + " " + v.idType().label() + " " + ChineseIdNumber.mask(v.idNumber()) + " " + v.majorName();
	}
}
