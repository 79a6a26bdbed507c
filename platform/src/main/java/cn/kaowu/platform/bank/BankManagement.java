package cn.kaowu.platform.bank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.StoredFile;
import cn.kaowu.platform.storage.UploadRules;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 题库管理 for the ORG owning a certificate: items (add, edit = new version, retire, reactivate, history), blueprints
 * and their check, xlsx import as a job. Any other role gets 403 for the pages and actions and 404 for ids; another
 * ORG gets 404 for the items, levels and subjects of a certificate it does not own. Audit entries name item codes,
 * types and versions, never what an item says.
 */
@Service
public class BankManagement {

	public static final String IMPORT_JOB = "bank-import";

	static final UploadRules ATTACHMENT_RULES = UploadRules.of(20, FileType.PDF, FileType.JPEG, FileType.PNG,
			FileType.ZIP);

	private final Items items;

	private final ItemStore store;

	private final Blueprints blueprints;

	private final BankCipher cipher;

	private final CatalogManagement catalog;

	private final Jobs jobs;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	BankManagement(Items items, ItemStore store, Blueprints blueprints, BankCipher cipher, CatalogManagement catalog, Jobs jobs,
			FileStorage files, AuditLog audit, Clock clock) {
		this.items = items;
		this.store = store;
		this.blueprints = blueprints;
		this.cipher = cipher;
		this.catalog = catalog;
		this.jobs = jobs;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the scope has a bank at all (an ORG account). */
	public static boolean canUse(@Nullable Scope scope) {
		return scope != null && scope.role() == Role.ORG && scope.organisationId() != null;
	}

	static long requireOrg(Scope scope) {
		if (!canUse(scope)) {
			throw new AccessDeniedProblem("bank.error.orgOnly");
		}
		return Objects.requireNonNull(scope.organisationId());
	}

	// ---- catalogue choices -------------------------------------------------------------------------------

	/** The levels of the ORG's certificates (with their subjects). */
	@Transactional(readOnly = true)
	public List<LevelView> levels(Scope scope) {
		return catalog.levels(requireOrg(scope));
	}

	/** A subject of a level the scope owns (404 otherwise, 403 for a role without a bank). */
	@Transactional(readOnly = true)
	public SubjectView subject(Scope scope, long levelId, long subjectId) {
		long org = requireOrg(scope);
		SubjectView s = catalog.findSubject(subjectId).orElseThrow(() -> new NotFoundProblem("科目", subjectId));
		if (s.levelId() != levelId || !CatalogManagement.canManage(scope, s.organisationId()) || s.organisationId() != org) {
			throw new NotFoundProblem("科目", subjectId);
		}
		return s;
	}

	// ---- items -------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public PageResult<ItemView> list(Scope scope, ItemFilter filter, PageQuery page) {
		long org = requireOrg(scope);
		List<ItemView> list = items.page(org, filter, page).stream().map(this::view).toList();
		return PageResult.of(list, page, items.count(org, filter));
	}

	/** The knowledge areas used in the ORG's bank (for the filter). */
	@Transactional(readOnly = true)
	public List<String> knowledgeAreas(Scope scope) {
		return items.knowledgeAreas(requireOrg(scope));
	}

	@Transactional(readOnly = true)
	public ItemView get(Scope scope, long id) {
		return view(row(scope, id));
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<ItemVersionView> history(Scope scope, long id) {
		row(scope, id);
		return items.versions(id)
			.stream()
			.map(v -> new ItemVersionView(v.itemId(), v.version(), v.type(), v.knowledgeArea(), v.difficulty(),
					v.points(), cipher.decrypt(v.itemId(), v.version(), v.body()), v.createdAt(), v.createdBy()))
			.toList();
	}

	@Transactional
	public ItemView create(Scope scope, ItemForm form) {
		requireOrg(scope);
		// both checks first, so that the form shows every problem at once
		List<FieldProblem> problems = new ArrayList<>();
		SubjectView subject = null;
		ItemRules.Values v = null;
		try {
			subject = subjectOf(scope, form);
		}
		catch (InvalidInputProblem e) {
			problems.addAll(e.fieldProblems());
		}
		try {
			v = ItemRules.check(form);
		}
		catch (InvalidInputProblem e) {
			problems.addAll(e.fieldProblems());
		}
		if (subject == null || v == null) {
			throw new InvalidInputProblem(problems);
		}
		long id = store.add(scope, subject, v, null, clock.instant());
		return get(scope, id);
	}

	/**
	 * Stores the form as the item's next version (level and subject stay). The form's {@code version} must still be
	 * current (409 otherwise); a form equal to the current version stores nothing.
	 */
	@Transactional
	public ItemView update(Scope scope, long id, ItemForm form) {
		Items.Row r = row(scope, id);
		ItemRules.Values v = ItemRules.check(form);
		int from = form.getVersion() == null ? r.currentVersion() : form.getVersion();
		if (from != r.currentVersion()) {
			throw new OptimisticLockingFailureException("bank_item " + id);
		}
		ItemBody current = cipher.decrypt(id, r.currentVersion(), r.body());
		if (current.equals(v.body()) && r.type() == v.type() && r.knowledgeArea().equals(v.knowledgeArea())
				&& r.difficulty() == v.difficulty() && r.points() == v.points()) {
			return view(r);
		}
		int next = r.currentVersion() + 1;
		Instant now = clock.instant();
		if (!items.advance(id, next, v, now)) {
			throw new OptimisticLockingFailureException("bank_item " + id);
		}
		items.insertVersion(id, next, v, cipher.encrypt(id, next, v.body()), cipher.keyId(), scope.username(), now);
		SubjectView subject = catalog.findSubject(r.subjectId()).orElseThrow();
		audit.record(scope, AuditRecord.of("bank.item.update", "BankItem", id, "v" + r.currentVersion(), "v" + next,
				describe(id, v.type(), next, subject), r.organisationId()));
		return get(scope, id);
	}

	/** 停用: the item stays with its versions but is no longer drawn. */
	@Transactional
	public ItemView retire(Scope scope, long id) {
		return setStatus(scope, id, ItemStatus.RETIRED);
	}

	/** 启用 again. */
	@Transactional
	public ItemView reactivate(Scope scope, long id) {
		return setStatus(scope, id, ItemStatus.ACTIVE);
	}

	private ItemView setStatus(Scope scope, long id, ItemStatus status) {
		Items.Row r = row(scope, id);
		if (r.status() != status) {
			items.setStatus(id, status, clock.instant());
			audit.record(scope, AuditRecord.of(status == ItemStatus.RETIRED ? "bank.item.retire" : "bank.item.reactivate",
					"BankItem", id, r.status(), status, ItemView.code(id) + " " + r.type().label() + " v"
							+ r.currentVersion(),
					r.organisationId()));
		}
		return get(scope, id);
	}

	// ---- blueprints --------------------------------------------------------------------------------------

	/** The subject's blueprint, empty (version 0) when none was saved. */
	@Transactional(readOnly = true)
	public Blueprint blueprint(Scope scope, long levelId, long subjectId) {
		subject(scope, levelId, subjectId);
		return blueprints.find(levelId, subjectId).orElse(new Blueprint(levelId, subjectId, List.of(), 0));
	}

	@Transactional
	public Blueprint saveBlueprint(Scope scope, long levelId, long subjectId, BlueprintForm form) {
		SubjectView s = subject(scope, levelId, subjectId);
		List<Blueprint.Line> lines = BlueprintRules.check(form);
		Blueprint current = blueprints.find(levelId, subjectId).orElse(new Blueprint(levelId, subjectId, List.of(), 0));
		int from = form.getVersion() == null ? current.version() : form.getVersion();
		if (from != current.version() || !blueprints.save(s.organisationId(), levelId, subjectId, lines, from,
				clock.instant())) {
			throw new OptimisticLockingFailureException("bank_blueprint " + subjectId);
		}
		Blueprint saved = blueprints.find(levelId, subjectId).orElseThrow();
		audit.record(scope, AuditRecord.of("bank.blueprint.save", "BankBlueprint", subjectId, null, null,
				s.code() + " " + s.name() + "：" + lines.size() + " 行，" + saved.itemCount() + " 题，"
						+ saved.totalPoints() + " 分",
				s.organisationId()));
		return saved;
	}

	/** The blueprint against the active items and the subject's full marks. */
	@Transactional(readOnly = true)
	public BlueprintCheck check(Scope scope, long levelId, long subjectId) {
		SubjectView s = subject(scope, levelId, subjectId);
		return BlueprintRules.evaluate(blueprint(scope, levelId, subjectId), items.activeCounts(subjectId),
				s.fullMarks());
	}

	// ---- attachments of practical items ------------------------------------------------------------------

	/** Stores an uploaded task file (PDF, image or zip, ≤ 20 MB) for an item about to be saved. */
	@Transactional
	public ItemBody.Attachment storeAttachment(Scope scope, String fileName, byte[] content) {
		requireOrg(scope);
		StoredFile f = files.store(scope, "bank", "attachments", fileName, content, ATTACHMENT_RULES);
		return new ItemBody.Attachment(f.id(), f.originalName());
	}

	/** A file of any version of the item (404 unless the item is the scope's and a version names the file). */
	@Transactional(readOnly = true)
	public StoredFile attachment(Scope scope, long itemId, UUID fileId) {
		boolean named = history(scope, itemId).stream()
			.anyMatch(v -> v.body().attachments().stream().anyMatch(a -> a.fileId().equals(fileId)));
		if (!named) {
			throw new NotFoundProblem("素材文件", fileId);
		}
		return files.find(fileId).orElseThrow(() -> new NotFoundProblem("素材文件", fileId));
	}

	public byte[] read(StoredFile file) {
		return files.read(file.id());
	}

	// ---- import ------------------------------------------------------------------------------------------

	public byte[] template(Scope scope) {
		requireOrg(scope);
		return ImportItems.template();
	}

	/** Checks the file and queues the import of items into the subject. */
	@Transactional
	public JobView startImport(Scope scope, long levelId, long subjectId, String fileName, byte[] content) {
		subject(scope, levelId, subjectId);
		Spreadsheets.check("file", fileName, content);
		return jobs.submit(scope, IMPORT_JOB, levelId + ":" + subjectId, FileStorage.safeName(fileName), content);
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private SubjectView subjectOf(Scope scope, ItemForm form) {
		if (form.getSubjectId() == null) {
			throw new InvalidInputProblem("subjectId", "bank.subject.required");
		}
		if (form.getLevelId() == null) {
			throw new InvalidInputProblem("levelId", "bank.level.required");
		}
		try {
			return subject(scope, form.getLevelId(), form.getSubjectId());
		}
		catch (NotFoundProblem e) {
			throw new InvalidInputProblem("subjectId", "bank.subject.unknown");
		}
	}

	private Items.Row row(Scope scope, long id) {
		Items.Row r = items.find(id).orElseThrow(() -> new NotFoundProblem("试题", id));
		if (!CatalogManagement.canManage(scope, r.organisationId())) {
			throw new NotFoundProblem("试题", id);
		}
		return r;
	}

	private ItemView view(Items.Row r) {
		SubjectView s = catalog.findSubject(r.subjectId()).orElseThrow();
		return new ItemView(r.id(), ItemView.code(r.id()), r.levelId(), s.levelDisplayName(), r.subjectId(), s.name(),
				r.type(), r.knowledgeArea(), r.difficulty(), r.points(), r.status(), r.currentVersion(),
				cipher.decrypt(r.id(), r.currentVersion(), r.body()), r.createdAt(), r.updatedAt());
	}

	static String describe(long id, ItemType type, int version, SubjectView subject) {
		return ItemView.code(id) + " " + type.label() + " v" + version + "（" + subject.code() + " " + subject.name()
				+ "）";
	}
}
