package cn.kaowu.platform.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: certificates, their levels and subjects. Every authenticated account reads all of it (the
 * catalogue is public inside the platform); only an account of role ORG changes it, and only the
 * certificates of its own organisation. Another role gets {@code catalog.error.orgOnly}, another ORG
 * {@code catalog.error.notOwner} (both 403: the data is readable, so hiding it behind a 404 would be
 * pointless); a missing id is a 404. Every change is audited in its transaction, with the owning ORG as the
 * audit entry's organisation.
 * <p>
 * Later modules use the scope-free finders ({@link #findLevel}, {@link #findLevelByCode}, {@link #subjectsOf},
 * {@link #findSubject}) and the views' {@code usable()} and {@code ownedBy()}; fees come from
 * {@link #feeFor}.
 */
@Service
public class CatalogManagement {

	private final Certificates certificates;

	private final Levels levels;

	private final Subjects subjects;

	private final FeeStandards fees;

	private final OrganisationManagement organisations;

	private final AuditLog audit;

	private final Clock clock;

	CatalogManagement(Certificates certificates, Levels levels, Subjects subjects, FeeStandards fees,
			OrganisationManagement organisations, AuditLog audit, Clock clock) {
		this.certificates = certificates;
		this.levels = levels;
		this.subjects = subjects;
		this.fees = fees;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Filter of the certificate list; {@code keyword} matches the name or a level's code. */
	public record CertificateFilter(@Nullable String keyword, @Nullable Long organisationId,
			@Nullable Boolean enabled) {

		public static CertificateFilter none() {
			return new CertificateFilter(null, null, null);
		}
	}

	/**
	 * Filter of the subject list; {@code keyword} matches subject name, subject code or certificate name;
	 * {@code enabled} means usable (the subject, its level and its certificate all enabled).
	 */
	public record SubjectFilter(@Nullable String keyword, @Nullable Long organisationId, @Nullable Long certificateId,
			@Nullable CertificateLevel level, @Nullable ExamMode examMode, @Nullable Boolean enabled) {

		public static SubjectFilter none() {
			return new SubjectFilter(null, null, null, null, null, null);
		}
	}

	/** Whether the scope may change data of the certificates owned by {@code organisationId}. */
	public static boolean canManage(@Nullable Scope scope, long organisationId) {
		return scope != null && scope.role() == Role.ORG && scope.organisationId() != null
				&& scope.organisationId() == organisationId;
	}

	/** Fails unless the scope may change the certificates of {@code organisationId} (see the class comment). */
	public static void checkCanManage(Scope scope, long organisationId) {
		requireOwner(scope, organisationId);
	}

	/** Whether the scope may create certificates at all (an ORG account). */
	public static boolean canCreate(@Nullable Scope scope) {
		return scope != null && scope.role() == Role.ORG && scope.organisationId() != null;
	}

	// ---- certificates --------------------------------------------------------------------------------

	@Transactional
	public CertificateView createCertificate(Scope scope, CertificateForm form) {
		long organisationId = requireOrg(scope);
		String name = certificateName(form);
		long id;
		try {
			id = certificates.insert(organisationId, name, now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "catalog.certificate.name.duplicate");
		}
		audit.record(scope,
				AuditRecord.of("catalog.certificate.create", "Certificate", id, null, "ENABLED", name, organisationId));
		return getCertificate(scope, id);
	}

	@Transactional
	public CertificateView updateCertificate(Scope scope, long id, CertificateForm form) {
		Certificates.Row current = certificateRow(id);
		requireOwner(scope, current.organisationId());
		String name = certificateName(form);
		boolean done;
		try {
			done = certificates.rename(id, name, versionOr(form.getVersion(), current.version()), now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "catalog.certificate.name.duplicate");
		}
		if (!done) {
			throw new OptimisticLockingFailureException("catalog_certificate " + id);
		}
		audit.record(scope, AuditRecord.of("catalog.certificate.update", "Certificate", id, null, null,
				current.name() + " → " + name, current.organisationId()));
		return getCertificate(scope, id);
	}

	@Transactional
	public CertificateView setCertificateEnabled(Scope scope, long id, boolean enabled) {
		Certificates.Row current = certificateRow(id);
		requireOwner(scope, current.organisationId());
		if (current.enabled() != enabled) {
			certificates.setEnabled(id, enabled, now());
			audit.record(scope, AuditRecord.of(enabled ? "catalog.certificate.enable" : "catalog.certificate.disable",
					"Certificate", id, status(current.enabled()), status(enabled), current.name(),
					current.organisationId()));
		}
		return getCertificate(scope, id);
	}

	/** Enables or disables several certificates: all of them, or none when one is refused. */
	@Transactional
	public int setCertificatesEnabled(Scope scope, List<Long> ids, boolean enabled) {
		Set<Long> distinct = new LinkedHashSet<>(ids);
		distinct.forEach(id -> setCertificateEnabled(scope, id, enabled));
		return distinct.size();
	}

	@Transactional(readOnly = true)
	public CertificateView getCertificate(Scope scope, long id) {
		Objects.requireNonNull(scope);
		return certificates.find(id)
			.map(row -> assemble(List.of(row), orgNames()).getFirst())
			.orElseThrow(() -> new NotFoundProblem("证书", id));
	}

	/**
	 * Every certificate matching the filter (keyword ignored), unpaged: the choices of a form and the check of a chosen
	 * id, which must see the whole catalog (the national one has hundreds of certificates, more than a page).
	 */
	@Transactional(readOnly = true)
	public List<CertificateView> allCertificates(Scope scope, CertificateFilter filter) {
		Objects.requireNonNull(scope);
		return assemble(certificates.all(filter), orgNames());
	}

	/** The certificate if it exists and is enabled. */
	@Transactional(readOnly = true)
	public java.util.Optional<CertificateView> findEnabledCertificate(long id) {
		return certificates.find(id)
			.filter(Certificates.Row::enabled)
			.map(row -> assemble(List.of(row), orgNames()).getFirst());
	}

	@Transactional(readOnly = true)
	public PageResult<CertificateView> listCertificates(Scope scope, CertificateFilter filter, PageQuery page) {
		Objects.requireNonNull(scope);
		PageResult<Certificates.Row> rows = certificates.page(filter, page);
		return new PageResult<>(assemble(rows.items(), orgNames()), rows.page(), rows.size(), rows.total());
	}

	// ---- levels --------------------------------------------------------------------------------------

	/** Adds a level with its subjects; every problem of the form is reported at once. */
	@Transactional
	public LevelView addLevel(Scope scope, long certificateId, LevelForm form) {
		Certificates.Row certificate = certificateRow(certificateId);
		requireOwner(scope, certificate.organisationId());
		List<FieldProblem> problems = new ArrayList<>();
		CertificateLevel kind = form.getLevel();
		if (kind == null) {
			problems.add(new FieldProblem("level", "catalog.level.level.required"));
		}
		else if (levels.ofCertificates(List.of(certificateId)).stream().anyMatch(l -> l.level() == kind)) {
			problems.add(new FieldProblem("level", "catalog.level.duplicate",
					new DefaultMessageSourceResolvable(kind.messageKey())));
		}
		String code = trim(form.getCode());
		Optional<FieldProblem> codeProblem = CatalogRules.levelCode("code", code);
		codeProblem.ifPresent(problems::add);
		if (codeProblem.isEmpty() && levels.codeTaken(code, null)) {
			problems.add(new FieldProblem("code", "catalog.level.code.duplicate", code));
		}
		String levelCode = codeProblem.isEmpty() ? code : null;
		Map<Integer, SubjectForm> rows = new LinkedHashMap<>();
		for (int i = 0; i < form.getSubjects().size(); i++) {
			SubjectForm row = form.getSubjects().get(i);
			if (row != null && !row.isBlank()) {
				rows.put(i, row);
			}
		}
		if (rows.isEmpty()) {
			problems.add(new FieldProblem("subjects", "catalog.level.subjects.required"));
		}
		Set<String> codesSeen = new HashSet<>();
		Set<String> namesSeen = new HashSet<>();
		rows.forEach((i, row) -> {
			String prefix = "subjects[" + i + "].";
			List<FieldProblem> rowProblems = subjectProblems(prefix, row, levelCode);
			problems.addAll(rowProblems);
			String subjectCode = trim(row.getCode());
			String subjectName = trim(row.getName());
			if (rowProblems.stream().noneMatch(p -> p.field().equals(prefix + "code"))) {
				if (!codesSeen.add(subjectCode)) {
					problems.add(new FieldProblem(prefix + "code", "catalog.subject.code.repeated"));
				}
				else if (subjects.codeTaken(subjectCode, null)) {
					problems.add(new FieldProblem(prefix + "code", "catalog.subject.code.duplicate", subjectCode));
				}
			}
			if (!subjectName.isEmpty() && !namesSeen.add(subjectName)) {
				problems.add(new FieldProblem(prefix + "name", "catalog.subject.name.repeated"));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant now = now();
		long levelId;
		try {
			levelId = levels.insert(certificateId, kind, code, now);
			audit.record(scope, AuditRecord.of("catalog.level.create", "CertificateLevel", levelId, null, "ENABLED",
					CatalogRules.displayName(certificate.name(), kind) + " " + code, certificate.organisationId()));
			for (SubjectForm row : rows.values()) {
				insertSubject(scope, levelId, row, certificate.organisationId(), now);
			}
		}
		catch (DuplicateKeyException e) {
			// Only when another request took a code or the level between the check and the insert.
			String message = String.valueOf(e.getMessage());
			if (message.contains("catalog_level_one_per_kind")) {
				throw new InvalidInputProblem("level", "catalog.level.duplicate",
						new DefaultMessageSourceResolvable(kind.messageKey()));
			}
			if (message.contains("catalog_subject")) {
				throw new InvalidInputProblem("subjects", "catalog.level.subjects.taken");
			}
			throw new InvalidInputProblem("code", "catalog.level.code.duplicate", code);
		}
		return getLevel(scope, levelId);
	}

	/** Changes a level's certificate code; its subjects' codes must still follow it. */
	@Transactional
	public LevelView updateLevel(Scope scope, long levelId, LevelEditForm form) {
		Levels.Row current = levelRow(levelId);
		requireOwner(scope, current.organisationId());
		String code = trim(form.getCode());
		CatalogRules.levelCode("code", code).ifPresent(p -> {
			throw new InvalidInputProblem(List.of(p));
		});
		if (levels.codeTaken(code, levelId)) {
			throw new InvalidInputProblem("code", "catalog.level.code.duplicate", code);
		}
		String prefix = CatalogRules.subjectCodePrefix(code);
		if (subjects.ofLevels(List.of(levelId), id -> "").stream().anyMatch(s -> !s.code().startsWith(prefix))) {
			throw new InvalidInputProblem("code", "catalog.level.code.subjectsMismatch", prefix);
		}
		boolean done;
		try {
			done = levels.changeCode(levelId, code, versionOr(form.getVersion(), current.version()), now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("code", "catalog.level.code.duplicate", code);
		}
		if (!done) {
			throw new OptimisticLockingFailureException("catalog_level " + levelId);
		}
		audit.record(scope, AuditRecord.of("catalog.level.update", "CertificateLevel", levelId, null, null,
				current.code() + " → " + code, current.organisationId()));
		return getLevel(scope, levelId);
	}

	@Transactional
	public LevelView setLevelEnabled(Scope scope, long levelId, boolean enabled) {
		Levels.Row current = levelRow(levelId);
		requireOwner(scope, current.organisationId());
		if (current.enabled() != enabled) {
			levels.setEnabled(levelId, enabled, now());
			audit.record(scope, AuditRecord.of(enabled ? "catalog.level.enable" : "catalog.level.disable",
					"CertificateLevel", levelId, status(current.enabled()), status(enabled), current.code(),
					current.organisationId()));
		}
		return getLevel(scope, levelId);
	}

	@Transactional(readOnly = true)
	public LevelView getLevel(Scope scope, long levelId) {
		Objects.requireNonNull(scope);
		return findLevel(levelId).orElseThrow(() -> new NotFoundProblem("证书等级", levelId));
	}

	/** For other modules (plans, registration): no scope check, the catalogue is public. */
	@Transactional(readOnly = true)
	public Optional<LevelView> findLevel(long levelId) {
		return levels.find(levelId).map(row -> levelViews(List.of(row), orgNames()).getFirst());
	}

	/** The level with a 16-digit certificate code, e.g. from an import file's 证书编号. */
	@Transactional(readOnly = true)
	public Optional<LevelView> findLevelByCode(String code) {
		return levels.findByCode(code.trim()).map(row -> levelViews(List.of(row), orgNames()).getFirst());
	}

	/** Every level of an ORG's certificates (or of all certificates when {@code organisationId} is null). */
	@Transactional(readOnly = true)
	public List<LevelView> levels(@Nullable Long organisationId) {
		return levelViews(levels.all(organisationId), orgNames());
	}

	// ---- subjects ------------------------------------------------------------------------------------

	@Transactional
	public SubjectView addSubject(Scope scope, long levelId, SubjectForm form) {
		Levels.Row level = levelRow(levelId);
		requireOwner(scope, level.organisationId());
		checkSubject(level, form, null);
		long id;
		try {
			id = insertSubject(scope, levelId, form, level.organisationId(), now());
		}
		catch (DuplicateKeyException e) {
			throw duplicateSubject(e, trim(form.getCode()));
		}
		return getSubject(scope, id);
	}

	@Transactional
	public SubjectView updateSubject(Scope scope, long subjectId, SubjectForm form) {
		SubjectView current = getSubject(scope, subjectId);
		requireOwner(scope, current.organisationId());
		Levels.Row level = levelRow(current.levelId());
		checkSubject(level, form, subjectId);
		String name = trim(form.getName());
		String code = trim(form.getCode());
		boolean done;
		try {
			done = subjects.update(subjectId, name, code, form.getExamMode(), form.getPassMark(),
					versionOr(form.getVersion(), current.version()), now());
		}
		catch (DuplicateKeyException e) {
			throw duplicateSubject(e, code);
		}
		if (!done) {
			throw new OptimisticLockingFailureException("catalog_subject " + subjectId);
		}
		audit.record(scope, AuditRecord.of("catalog.subject.update", "Subject", subjectId, null, null,
				changes(current, name, code, form.getExamMode(), form.getPassMark()), current.organisationId()));
		return getSubject(scope, subjectId);
	}

	@Transactional
	public SubjectView setSubjectEnabled(Scope scope, long subjectId, boolean enabled) {
		SubjectView current = getSubject(scope, subjectId);
		requireOwner(scope, current.organisationId());
		if (current.enabled() != enabled) {
			subjects.setEnabled(subjectId, enabled, now());
			audit.record(scope, AuditRecord.of(enabled ? "catalog.subject.enable" : "catalog.subject.disable",
					"Subject", subjectId, status(current.enabled()), status(enabled), current.code(),
					current.organisationId()));
		}
		return getSubject(scope, subjectId);
	}

	@Transactional(readOnly = true)
	public SubjectView getSubject(Scope scope, long subjectId) {
		Objects.requireNonNull(scope);
		return findSubject(subjectId).orElseThrow(() -> new NotFoundProblem("科目", subjectId));
	}

	/** For other modules: no scope check. */
	@Transactional(readOnly = true)
	public Optional<SubjectView> findSubject(long subjectId) {
		return subjects.find(subjectId, orgNames());
	}

	@Transactional(readOnly = true)
	public Optional<SubjectView> findSubjectByCode(String code) {
		return subjects.findByCode(code.trim(), orgNames());
	}

	/** The subjects of a level ordered by code, enabled or not (see {@link SubjectView#usable()}). */
	@Transactional(readOnly = true)
	public List<SubjectView> subjectsOf(long levelId) {
		return subjects.ofLevels(List.of(levelId), orgNames());
	}

	/** The subject table of the national platform (科目列表), ordered by subject code. */
	@Transactional(readOnly = true)
	public PageResult<SubjectView> listSubjects(Scope scope, SubjectFilter filter, PageQuery page) {
		Objects.requireNonNull(scope);
		return subjects.page(filter, page, orgNames());
	}

	/** The ORGs, for filter choosers. */
	@Transactional(readOnly = true)
	public List<OrganisationView> owners() {
		return organisations.listByType(OrganisationType.ORG, null);
	}

	// ---- fees ----------------------------------------------------------------------------------------

	/** The fee per candidate of a level in a province: the province's standard, or the default. */
	public EffectiveFee feeFor(long provinceId, CertificateLevel level) {
		return fees.feeFor(provinceId, level);
	}

	// ---- internals -----------------------------------------------------------------------------------

	private long insertSubject(Scope scope, long levelId, SubjectForm form, long organisationId, Instant now) {
		String name = trim(form.getName());
		String code = trim(form.getCode());
		long id = subjects.insert(levelId, name, code, form.getExamMode(), form.getPassMark(), now);
		audit.record(scope, AuditRecord.of("catalog.subject.create", "Subject", id, null, "ENABLED",
				name + " " + code + " " + form.getExamMode() + " 及格" + form.getPassMark(), organisationId));
		return id;
	}

	private void checkSubject(Levels.Row level, SubjectForm form, @Nullable Long exceptId) {
		List<FieldProblem> problems = subjectProblems("", form, level.code());
		String code = trim(form.getCode());
		String name = trim(form.getName());
		if (problems.stream().noneMatch(p -> p.field().equals("code")) && subjects.codeTaken(code, exceptId)) {
			problems.add(new FieldProblem("code", "catalog.subject.code.duplicate", code));
		}
		if (problems.stream().noneMatch(p -> p.field().equals("name")) && subjects.nameTaken(level.id(), name, exceptId)) {
			problems.add(new FieldProblem("name", "catalog.subject.name.duplicate"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
	}

	private static List<FieldProblem> subjectProblems(String prefix, SubjectForm form, @Nullable String levelCode) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = trim(form.getName());
		if (name.isEmpty()) {
			problems.add(new FieldProblem(prefix + "name", "catalog.subject.name.required"));
		}
		else if (name.length() > 30) {
			problems.add(new FieldProblem(prefix + "name", "catalog.subject.name.size"));
		}
		CatalogRules.subjectCode(prefix + "code", trim(form.getCode()), levelCode).ifPresent(problems::add);
		if (form.getExamMode() == null) {
			problems.add(new FieldProblem(prefix + "examMode", "catalog.subject.examMode.required"));
		}
		CatalogRules.passMark(prefix + "passMark", form.getPassMark()).ifPresent(problems::add);
		return problems;
	}

	private static InvalidInputProblem duplicateSubject(DuplicateKeyException e, String code) {
		return String.valueOf(e.getMessage()).contains("catalog_subject_name_per_level")
				? new InvalidInputProblem("name", "catalog.subject.name.duplicate")
				: new InvalidInputProblem("code", "catalog.subject.code.duplicate", code);
	}

	private static String changes(SubjectView s, String name, String code, ExamMode mode, int passMark) {
		List<String> parts = new ArrayList<>();
		if (!s.name().equals(name)) {
			parts.add("名称 " + s.name() + " → " + name);
		}
		if (!s.code().equals(code)) {
			parts.add("代码 " + s.code() + " → " + code);
		}
		if (s.examMode() != mode) {
			parts.add("考试方式 " + s.examMode() + " → " + mode);
		}
		if (s.passMark() != passMark) {
			parts.add("及格分 " + s.passMark() + " → " + passMark);
		}
		return parts.isEmpty() ? s.code() : String.join("；", parts);
	}

	private static String certificateName(CertificateForm form) {
		String name = trim(form.getName());
		if (name.isEmpty()) {
			throw new InvalidInputProblem("name", "catalog.certificate.name.required");
		}
		if (name.length() > 50) {
			throw new InvalidInputProblem("name", "catalog.certificate.name.size");
		}
		return name;
	}

	private List<CertificateView> assemble(List<Certificates.Row> rows, LongFunction<String> orgName) {
		List<Long> ids = rows.stream().map(Certificates.Row::id).toList();
		Map<Long, List<LevelView>> byCertificate = new HashMap<>();
		for (LevelView level : levelViews(levels.ofCertificates(ids), orgName)) {
			byCertificate.computeIfAbsent(level.certificateId(), k -> new ArrayList<>()).add(level);
		}
		return rows.stream()
			.map(c -> new CertificateView(c.id(), c.organisationId(), orgName.apply(c.organisationId()), c.name(),
					c.enabled(), c.version(), c.createdAt(), byCertificate.getOrDefault(c.id(), List.of())))
			.toList();
	}

	private List<LevelView> levelViews(List<Levels.Row> rows, LongFunction<String> orgName) {
		Map<Long, List<SubjectView>> byLevel = new HashMap<>();
		for (SubjectView s : subjects.ofLevels(rows.stream().map(Levels.Row::id).toList(), orgName)) {
			byLevel.computeIfAbsent(s.levelId(), k -> new ArrayList<>()).add(s);
		}
		return rows.stream()
			.sorted(Comparator.comparingLong(Levels.Row::certificateId).thenComparing(Levels.Row::level))
			.map(l -> new LevelView(l.id(), l.certificateId(), l.certificateName(), l.organisationId(),
					orgName.apply(l.organisationId()), l.level(), l.code(),
					CatalogRules.displayName(l.certificateName(), l.level()), l.enabled(), l.certificateEnabled(),
					l.version(), byLevel.getOrDefault(l.id(), List.of())))
			.toList();
	}

	/** Names of the ORGs, read once per call through the organisation module. */
	private LongFunction<String> orgNames() {
		Map<Long, String> names = new HashMap<>();
		organisations.listByType(OrganisationType.ORG, null).forEach(o -> names.put(o.id(), o.name()));
		return id -> names.getOrDefault(id, "");
	}

	private Certificates.Row certificateRow(long id) {
		return certificates.find(id).orElseThrow(() -> new NotFoundProblem("证书", id));
	}

	private Levels.Row levelRow(long id) {
		return levels.find(id).orElseThrow(() -> new NotFoundProblem("证书等级", id));
	}

	private static long requireOrg(Scope scope) {
		if (!canCreate(scope)) {
			throw new AccessDeniedProblem("catalog.error.orgOnly");
		}
		return scope.requireOrganisation();
	}

	private static void requireOwner(Scope scope, long organisationId) {
		requireOrg(scope);
		if (!canManage(scope, organisationId)) {
			throw new AccessDeniedProblem("catalog.error.notOwner");
		}
	}

	private static int versionOr(@Nullable Integer version, int current) {
		return version == null ? current : version;
	}

	private static String status(boolean enabled) {
		return enabled ? "ENABLED" : "DISABLED";
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}

	private Instant now() {
		return clock.instant();
	}
}
