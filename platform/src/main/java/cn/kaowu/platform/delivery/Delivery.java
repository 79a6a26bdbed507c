package cn.kaowu.platform.delivery;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.kaowu.exampackage.CryptoException;
import cn.kaowu.exampackage.EmergencyCode;
import cn.kaowu.exampackage.ExamPackageManifest;
import cn.kaowu.exampackage.ExamPackageWriter;
import cn.kaowu.exampackage.ExtensionApproval;
import cn.kaowu.exampackage.PackageCandidate;
import cn.kaowu.exampackage.PaperSpec;
import cn.kaowu.exampackage.PoolItem;
import cn.kaowu.exampackage.ReleasePolicy;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm3;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.bank.BankItem;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.QuestionBank;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.storage.FileStorage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** See the package documentation. */
@Service
public class Delivery {

	/** How long an enrolment token is valid. */
	static final Duration TOKEN_VALIDITY = Duration.ofHours(24);

	/** Packages can be downloaded from a week before their slot (DOMAIN.md §10). */
	static final Duration DOWNLOAD_LEAD = Duration.ofDays(7);

	/** A package of the site, as listed to it and to the ORG. */
	public record PackageView(String id, long planId, long siteId, long planSubjectId, int candidates, long size,
			String sm3, Instant slotStart, Instant slotEnd, Instant builtAt, String siteName) {

		PackageView withSiteName(String name) {
			return new PackageView(id, planId, siteId, planSubjectId, candidates, size, sm3, slotStart, slotEnd, builtAt,
					name);
		}
	}

	/** What a build did; skipped entries say which site and slot and why. */
	public record BuildSummary(int packages, List<String> skipped) {
	}

	/** A site request's proof, as {@link SiteRequest} defines it: its code, the time it claims and the signature. */
	public record SiteSignature(String siteCode, String time, String signature) {
	}

	private final JdbcClient jdbc;

	private final DeliveryKeys keys;

	private final ExamPlans plans;

	private final ExamSites sites;

	private final Scheduling scheduling;

	private final QuestionBank bank;

	private final CandidateManagement candidates;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final TransactionTemplate tx;

	private final Jobs jobs;

	private final ApplicationEventPublisher events;

	Delivery(JdbcClient jdbc, DeliveryKeys keys, ExamPlans plans, ExamSites sites, Scheduling scheduling,
			QuestionBank bank, CandidateManagement candidates, FileStorage files, AuditLog audit, Clock clock,
			TransactionTemplate tx, Jobs jobs, ApplicationEventPublisher events) {
		this.tx = tx;
		this.jobs = jobs;
		this.events = events;
		this.jdbc = jdbc;
		this.keys = keys;
		this.plans = plans;
		this.sites = sites;
		this.scheduling = scheduling;
		this.bank = bank;
		this.candidates = candidates;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- enrolment ----------------------------------------------------------------------------------------------

	/**
	 * A one-time enrolment token for the site's server (shown once; valid 24 hours; a new one replaces the old). Only
	 * the college owning the site: its administrator, principal or site staff.
	 */
	/** A one-time enrolment code and when it expires. */
	public record EnrolmentToken(String token, Instant expiresAt) {
	}

	@Transactional
	public EnrolmentToken enrolmentToken(Scope scope, long siteId) {
		SiteView site = sites.find(siteId).filter(SiteView::approved)
			.orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		if (!scope.role().isCollege() || !Objects.equals(scope.organisationId(), site.collegeId())) {
			if (scope.role().isCollege()) {
				throw new NotFoundProblem("考核站点", siteId);
			}
			throw new AccessDeniedProblem("delivery.error.collegeOnly");
		}
		byte[] raw = new byte[15];
		random.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO site_enrolment_token (site_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (site_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
				  created_at = EXCLUDED.created_at""")
			.params(siteId, Sm3.hexDigest(token), Timestamp.from(now.plus(TOKEN_VALIDITY)), Timestamp.from(now))
			.update();
		audit.record(scope, AuditRecord.of("delivery.token", "ExamSite", siteId, null, null,
				site.name() + " " + site.code() + "：生成考点服务器注册码", site.collegeId()));
		return new EnrolmentToken(token, now.plus(TOKEN_VALIDITY));
	}

	/**
	 * The site server enrols: its code, the token and its SM2 public key. Answers the platform's public key (to verify
	 * packages). The token is used up.
	 */
	@Transactional
	public String enrol(String siteCode, String token, String publicKeyPem) {
		SiteView site = sites.findByCode(siteCode).filter(SiteView::approved)
			.orElseThrow(() -> new InvalidInputProblem("siteCode", "delivery.error.unknownSite", siteCode));
		Instant now = clock.instant();
		boolean valid = jdbc.sql("SELECT count(*) FROM site_enrolment_token WHERE site_id = ? AND token_hash = ? AND expires_at > ?")
			.params(site.id(), Sm3.hexDigest(token), Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
		if (!valid) {
			throw new InvalidInputProblem("token", "delivery.error.badToken");
		}
		PublicKey key;
		try {
			key = Sm2Keys.publicKeyFromPem(publicKeyPem);
		}
		catch (CryptoException e) {
			throw new InvalidInputProblem("publicKey", "delivery.error.badKey");
		}
		jdbc.sql("DELETE FROM site_enrolment_token WHERE site_id = ?").param(site.id()).update();
		jdbc.sql("""
				INSERT INTO site_link (site_id, site_code, public_key, enrolled_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (site_id) DO UPDATE SET public_key = EXCLUDED.public_key, enrolled_at = EXCLUDED.enrolled_at""")
			.params(site.id(), siteCode, Sm2Keys.toPem(key), Timestamp.from(now))
			.update();
		audit.record(Scope.system(), AuditRecord.of("delivery.enrol", "ExamSite", site.id(), null, "ENROLLED",
				site.name() + " " + siteCode + "：考点服务器已注册，公钥 SM3 " + Sm3.hexDigest(Sm2Keys.toPem(key)).substring(0, 16),
				site.collegeId()));
		return keys.publicPem();
	}

	/** An approved site of the scope's college and whether its server has enrolled. */
	public record SiteServer(long siteId, String siteName, String siteCode, @org.jspecify.annotations.Nullable Instant enrolledAt) {
	}

	/** The college's approved sites with their servers' enrolment (the college's 考点服务器 page). */
	@Transactional(readOnly = true)
	public List<SiteServer> siteServers(Scope scope) {
		if (!scope.role().isCollege() || scope.organisationId() == null) {
			throw new AccessDeniedProblem("delivery.error.collegeOnly");
		}
		List<SiteServer> out = new ArrayList<>();
		for (SiteView site : sites.approvedOfCollege(scope.organisationId())) {
			Instant enrolled = jdbc.sql("SELECT enrolled_at FROM site_link WHERE site_id = ?").param(site.id())
				.query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
			out.add(new SiteServer(site.id(), site.name(), Objects.requireNonNullElse(site.code(), ""), enrolled));
		}
		return out;
	}

	/** The plans of the ORG with a published schedule (the ORG's 试卷包 page). */
	@Transactional(readOnly = true)
	public List<PlanView> plansToDeliver(Scope scope) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("delivery.error.orgOnly");
		}
		return plans.published(null).stream()
			.filter(p -> Objects.equals(p.organisationId(), scope.organisationId()))
			.filter(p -> !scheduling.publishedSites(p.id()).isEmpty())
			.toList();
	}

	// ---- building -----------------------------------------------------------------------------------------------

	/** Checks the ORG and queues {@link #build} as a background job (the page's way; a national plan takes minutes). */
	@Transactional
	public JobView startBuild(Scope scope, long planId) {
		ownPlan(scope, planId);
		return jobs.submit(scope, DeliveryBuildJob.KIND, String.valueOf(planId), null, null);
	}

	/**
	 * Builds the packages of a plan's published schedule, per enrolled site and subject slot (a rebuild replaces a
	 * package nobody has released yet). The ORG owning the plan.
	 */
	public BuildSummary build(Scope scope, long planId) {
		return build(scope, planId, (done, total) -> {
		});
	}

	/**
	 * {@link #build} reporting progress per package. Each package is stored in its own transaction (its row and its
	 * file, whole or not at all): each costs about 0.6 s for the emergency code's key derivation, so a national plan
	 * of 2,000 packages would otherwise hold one transaction for 20 minutes; a build cut short leaves the packages it
	 * finished, and running it again replaces them (none is released yet).
	 */
	public BuildSummary build(Scope scope, long planId, java.util.function.BiConsumer<Integer, Integer> progress) {
		PlanView plan = ownPlan(scope, planId);
		Instant now = clock.instant();
		Map<Long, PlanSubjectView> subjects = new LinkedHashMap<>();
		plan.subjects().forEach(s -> subjects.put(s.id(), s));
		List<String> skipped = new ArrayList<>();
		List<Runnable> work = new ArrayList<>();
		for (long siteId : scheduling.publishedSites(planId)) {
			SiteView site = sites.find(siteId).orElseThrow();
			Optional<PublicKey> siteKey = siteKey(siteId);
			if (siteKey.isEmpty()) {
				skipped.add(site.name() + "：考点服务器尚未注册");
				continue;
			}
			Map<Long, List<Scheduling.Seated>> bySlot = new LinkedHashMap<>();
			scheduling.publishedSeats(planId, siteId)
				.forEach(s -> bySlot.computeIfAbsent(s.planSubjectId(), k -> new ArrayList<>()).add(s));
			for (Map.Entry<Long, List<Scheduling.Seated>> slot : bySlot.entrySet()) {
				PlanSubjectView subject = subjects.get(slot.getKey());
				String label = site.name() + " " + subject.level().withSubject(subject.subjectName());
				Optional<Blueprint> blueprint = bank.blueprint(subject.levelId(), subject.subjectId());
				if (blueprint.isEmpty() || !bank.check(subject.levelId(), subject.subjectId()).satisfied()) {
					skipped.add(label + "：组卷规则未设置或题库试题不足");
					continue;
				}
				if (released(planId, siteId, subject.id())) {
					skipped.add(label + "：试卷包已发放解密密钥，不再重建");
					continue;
				}
				PublicKey key = siteKey.get();
				Blueprint lines = blueprint.get();
				List<Scheduling.Seated> seats = slot.getValue();
				work.add(() -> buildOne(scope, plan, site, key, subject, lines, seats, now));
			}
		}
		progress.accept(0, work.size());
		for (int i = 0; i < work.size(); i++) {
			Runnable one = work.get(i);
			tx.executeWithoutResult(status -> one.run());
			progress.accept(i + 1, work.size());
		}
		int built = work.size();
		tx.executeWithoutResult(status -> audit.record(scope, AuditRecord.of("delivery.build", "ExamPlan", planId,
				null, null, plan.name() + "：生成试卷包 " + built + " 个，跳过 " + skipped.size() + " 个",
				plan.organisationId())));
		return new BuildSummary(built, skipped);
	}

	private void buildOne(Scope scope, PlanView plan, SiteView site, PublicKey siteKey, PlanSubjectView subject,
			Blueprint blueprint, List<Scheduling.Seated> seats, Instant now) {
		String packageId = UUID.randomUUID().toString();
		byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
		List<BankItem> active = bank.activeItems(subject.levelId(), subject.subjectId());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// Theory or practice as the door sign prints it (Scheduling): the site's early-leave window depends on it.
		SubjectKind kind = subject.examMode() == ExamMode.PRACTICAL ? SubjectKind.PRACTICE : SubjectKind.THEORY;
		ExamPackageWriter writer = ExamPackageWriter.start(out, ExamPackageManifest.of(packageId, plan.id(),
				Objects.requireNonNull(site.code()), subject.id(), subject.subjectName(), kind, subject.startsAt(),
				subject.endsAt(), now), releaseKey, siteKey, keys.signing());
		for (Scheduling.Seated s : seats) {
			writer.addCandidate(new PackageCandidate(s.ticketNumber(), s.name(), s.idNumberMasked(), s.roomName(),
					s.seatNumber(), candidates.photoOf(s.candidateId()).orElse(new byte[0])));
		}
		Set<BankItem> used = new LinkedHashSet<>();
		List<PaperSpec> papers = new ArrayList<>();
		Map<String, List<String>> practical = new LinkedHashMap<>();
		for (Scheduling.Seated s : seats) {
			List<PaperSpec.Section> sections = new ArrayList<>();
			Random seeded = new Random(Sm3.hexDigest(packageId + ":" + s.ticketNumber()).hashCode());
			for (Blueprint.Line line : blueprint.lines()) {
				List<BankItem> matching = new ArrayList<>(active.stream()
					.filter(i -> i.type() == line.type() && i.knowledgeArea().equals(line.knowledgeArea())
							&& i.points() == line.points())
					.sorted(Comparator.comparingLong(BankItem::id))
					.toList());
				java.util.Collections.shuffle(matching, seeded);
				List<BankItem> drawn = matching.subList(0, line.count());
				used.addAll(drawn);
				drawn.stream().filter(i -> i.type() == cn.kaowu.platform.bank.ItemType.PRACTICAL)
					.forEach(i -> practical.computeIfAbsent(s.ticketNumber(), k -> new ArrayList<>())
						.add(SiteItems.itemId(i)));
				sections.add(new PaperSpec.Section(line.type().name() + " " + line.knowledgeArea(),
						drawn.stream().map(SiteItems::itemId).toList()));
			}
			papers.add(new PaperSpec(s.ticketNumber(), sections));
		}
		used.forEach(i -> writer.addItem(new PoolItem(SiteItems.itemId(i), SiteItems.payload(i))));
		papers.forEach(writer::addPaper);
		writer.finish();
		byte[] content = out.toByteArray();
		UUID file = files.saveGenerated(scope, "exam-package", packageId + ".kwpkg", "application/octet-stream", content)
			.id();
		jdbc.sql("DELETE FROM exam_package WHERE plan_id = ? AND site_id = ? AND plan_subject_id = ?")
			.params(plan.id(), site.id(), subject.id())
			.update();
		jdbc.sql("""
				INSERT INTO exam_package (id, plan_id, site_id, plan_subject_id, file_id, size, sm3, release_key,
				  candidates, slot_start, slot_end, built_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(packageId, plan.id(), site.id(), subject.id(), file, (long) content.length, Sm3.hex(content),
					keys.sealReleaseKey(packageId, releaseKey), seats.size(), Timestamp.from(subject.startsAt()),
					Timestamp.from(subject.endsAt()), Timestamp.from(now))
			.update();
		events.publishEvent(new PackageBuilt(packageId, plan.id(), subject.id(), practical));
	}

	/** The packages of a plan of the scope's ORG (404 for others). */
	@Transactional(readOnly = true)
	public List<PackageView> packagesOfOwnPlan(Scope scope, long planId) {
		ownPlan(scope, planId);
		return packages(scope, planId);
	}

	/** The packages of a plan (the ORG) or of the scope's college's sites. */
	@Transactional(readOnly = true)
	public List<PackageView> packages(Scope scope, long planId) {
		PlanView plan = plans.require(planId);
		boolean org = scope.role() == Role.ORG && Objects.equals(scope.organisationId(), plan.organisationId());
		return jdbc.sql("SELECT * FROM exam_package WHERE plan_id = ? ORDER BY site_id, slot_start")
			.param(planId)
			.query(Delivery::view)
			.list()
			.stream()
			.filter(p -> org || scope.isAdmin() || sites.find(p.siteId())
				.map(s -> scope.role().isCollege() && Objects.equals(s.collegeId(), scope.organisationId()))
				.orElse(false))
			.map(p -> p.withSiteName(sites.find(p.siteId()).map(s -> s.name() + " " + s.code()).orElse("")))
			.toList();
	}

	// ---- the site's signed requests -------------------------------------------------------------------------------

	/** The site's packages it may download now (from a week before their slot to its end). */
	@Transactional(readOnly = true)
	public List<PackageView> sitePackages(SiteSignature proof, String method, String path) {
		long siteId = verify(proof, method, path);
		Instant now = clock.instant();
		return jdbc.sql("SELECT * FROM exam_package WHERE site_id = ? AND slot_start - INTERVAL '7 days' <= ? AND slot_end > ? ORDER BY slot_start")
			.params(siteId, Timestamp.from(now), Timestamp.from(now))
			.query(Delivery::view)
			.list();
	}

	/** A package file, for its own site only. */
	@Transactional(readOnly = true)
	public byte[] download(SiteSignature proof, String method, String path, String packageId) {
		long siteId = verify(proof, method, path);
		PackageView p = sitePackage(siteId, packageId);
		if (clock.instant().isBefore(p.slotStart().minus(DOWNLOAD_LEAD))) {
			throw new DomainException(HttpStatus.CONFLICT, "delivery.error.tooEarlyToDownload");
		}
		UUID file = jdbc.sql("SELECT file_id FROM exam_package WHERE id = ?").param(packageId).query(UUID.class).single();
		return files.read(file);
	}

	/** The release key of a package of the site, from 30 minutes before its slot to its end; logged and audited. */
	@Transactional
	public byte[] release(SiteSignature proof, String method, String path, String packageId) {
		long siteId = verify(proof, method, path);
		PackageView p = sitePackage(siteId, packageId);
		Instant now = clock.instant();
		if (!ReleasePolicy.mayRelease(now, p.slotStart(), p.slotEnd())) {
			throw new DomainException(HttpStatus.CONFLICT, "delivery.error.notYet",
					java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
						.withZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA)
						.format(ReleasePolicy.releaseFrom(p.slotStart())));
		}
		log(p, "SITE", now, Scope.system(), proof.siteCode() + " 在考前获取解密密钥");
		return releaseKey(packageId);
	}

	/** The one-time emergency code of a package, read out by phone when the site is offline. The ORG; audited. */
	@Transactional
	public String emergencyCode(Scope scope, String packageId) {
		PackageView p = jdbc.sql("SELECT * FROM exam_package WHERE id = ?").param(packageId).query(Delivery::view)
			.optional()
			.orElseThrow(() -> new NotFoundProblem("试卷包", packageId));
		ownPlan(scope, p.planId());
		log(p, "EMERGENCY_CODE", clock.instant(), scope, "培训评价组织读取应急解锁码");
		return EmergencyCode.forPackage(releaseKey(packageId), packageId);
	}

	/** The longest extension an approval code is issued for (a power cut waits up to 60 minutes; seed 004 §5.5). */
	static final int MAX_EXTENSION_MINUTES = 600;

	/**
	 * The ORG's approval code for an extension above 15 minutes in total ({@link ExtensionApproval}), read out by
	 * phone to the site's proctor: {@code target} is {@code ticket:<ticket>} or {@code room:<room>}, {@code
	 * totalMinutes} the total extension after this one as the site's refusal names it. The ORG owning the plan (404
	 * for others); audited.
	 */
	@Transactional
	public String extensionCode(Scope scope, String packageId, String target, int totalMinutes) {
		PackageView p = jdbc.sql("SELECT * FROM exam_package WHERE id = ?").param(packageId).query(Delivery::view)
			.optional()
			.orElseThrow(() -> new NotFoundProblem("试卷包", packageId));
		ownPlan(scope, p.planId());
		String cleanTarget = target == null ? "" : target.strip();
		if (!ExtensionApproval.validTarget(cleanTarget)) {
			throw new InvalidInputProblem("target", "delivery.error.badTarget");
		}
		if (totalMinutes < 1 || totalMinutes > MAX_EXTENSION_MINUTES) {
			throw new InvalidInputProblem("minutes", "delivery.error.badMinutes", MAX_EXTENSION_MINUTES);
		}
		SiteView site = sites.find(p.siteId()).orElseThrow();
		audit.record(scope, AuditRecord.of("delivery.extension", "ExamPackage", p.id(), null, cleanTarget,
				site.name() + " " + site.code() + "：培训评价组织签发延时审批码，" + cleanTarget + " 累计延时 " + totalMinutes
						+ " 分钟",
				site.collegeId()));
		return ExtensionApproval.code(ExtensionApproval.siteKey(releaseKey(packageId), packageId), packageId,
				cleanTarget, totalMinutes);
	}

	public String platformPublicKey() {
		return keys.publicPem();
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	/** The site a signed request comes from, or {@link SiteRefused}. */
	public long verify(SiteSignature proof, String method, String path) {
		if (!SiteRequest.fresh(proof.time(), clock.instant())) {
			throw new SiteRefused();
		}
		var row = jdbc.sql("SELECT site_id, public_key FROM site_link WHERE site_code = ?").param(proof.siteCode())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseThrow(SiteRefused::new);
		if (!SiteRequest.verify(Sm2Keys.publicKeyFromPem(row.getValue()), method, path, proof.time(),
				proof.signature())) {
			throw new SiteRefused();
		}
		return row.getKey();
	}

	/** A site request that does not prove its site: 401, without saying why. */
	public static final class SiteRefused extends DomainException {

		SiteRefused() {
			super(HttpStatus.UNAUTHORIZED, "delivery.error.siteRefused");
		}
	}

	private PackageView sitePackage(long siteId, String packageId) {
		return jdbc.sql("SELECT * FROM exam_package WHERE id = ? AND site_id = ?").params(packageId, siteId)
			.query(Delivery::view)
			.optional()
			.orElseThrow(() -> new NotFoundProblem("试卷包", packageId));
	}

	private byte[] releaseKey(String packageId) {
		byte[] sealed = jdbc.sql("SELECT release_key FROM exam_package WHERE id = ?").param(packageId)
			.query(byte[].class).single();
		return keys.openReleaseKey(packageId, sealed);
	}

	private void log(PackageView p, String via, Instant now, Scope scope, String detail) {
		jdbc.sql("INSERT INTO package_release (package_id, via, released_at) VALUES (?, ?, ?)")
			.params(p.id(), via, Timestamp.from(now))
			.update();
		SiteView site = sites.find(p.siteId()).orElseThrow();
		audit.record(scope, AuditRecord.of("delivery.release", "ExamPackage", p.id(), null, via,
				site.name() + " " + site.code() + "：" + detail, site.collegeId()));
	}

	private boolean released(long planId, long siteId, long planSubjectId) {
		return jdbc.sql("""
				SELECT count(*) FROM package_release r JOIN exam_package p ON p.id = r.package_id
				WHERE p.plan_id = ? AND p.site_id = ? AND p.plan_subject_id = ?""")
			.params(planId, siteId, planSubjectId)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<PublicKey> siteKey(long siteId) {
		return jdbc.sql("SELECT public_key FROM site_link WHERE site_id = ?").param(siteId).query(String.class)
			.optional()
			.map(Sm2Keys::publicKeyFromPem);
	}

	private PlanView ownPlan(Scope scope, long planId) {
		PlanView plan = plans.find(planId).orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("delivery.error.orgOnly");
		}
		if (!Objects.equals(scope.organisationId(), plan.organisationId())) {
			throw new NotFoundProblem("考核计划", planId);
		}
		return plan;
	}

	private static PackageView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new PackageView(rs.getString("id"), rs.getLong("plan_id"), rs.getLong("site_id"),
				rs.getLong("plan_subject_id"), rs.getInt("candidates"), rs.getLong("size"), rs.getString("sm3"),
				rs.getTimestamp("slot_start").toInstant(), rs.getTimestamp("slot_end").toInstant(),
				rs.getTimestamp("built_at").toInstant(), "");
	}
}
