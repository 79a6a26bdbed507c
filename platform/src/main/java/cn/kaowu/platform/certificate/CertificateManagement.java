package cn.kaowu.platform.certificate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 签章 and 证书发放 (issue 8 parts 1-3). Scope rules: the stamp is the principal's alone (every other role 403, no other
 * college's stamp is reachable); issuance rows of another ORG's plan or another college answer 404.
 */
@Service
public class CertificateManagement {

	/** Version of the 授权协议 text in the bundle ({@code certificate.agreement.text}). */
	public static final String AGREEMENT_VERSION = "2026-1";

	public static final int MAX_BATCH = 100;

	/** The stamp as the principal sees it (never shown to anybody else). */
	public record StampView(long collegeId, UUID fileId, int width, int height, Instant uploadedAt) {
	}

	/** What generating the list did. */
	public record Generated(int added, int total) {
	}

	private final JdbcClient jdbc;

	private final ExamPlans plans;

	private final ScoreManagement scores;

	private final Enrollments enrollments;

	private final CatalogManagement catalog;

	private final AccountManagement accounts;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	private final PersonalData personalData;

	CertificateManagement(JdbcClient jdbc, ExamPlans plans, ScoreManagement scores, Enrollments enrollments,
			CatalogManagement catalog, AccountManagement accounts, FileStorage files, AuditLog audit, Clock clock,
			PersonalData personalData) {
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.plans = plans;
		this.scores = scores;
		this.enrollments = enrollments;
		this.catalog = catalog;
		this.accounts = accounts;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- 签章 ---------------------------------------------------------------------------------------------------

	private static long principalCollege(Scope scope) {
		if (scope.role() != Role.COLLEGE_PRINCIPAL || scope.organisationId() == null || scope.accountId() == null) {
			throw new AccessDeniedProblem("certificate.error.principalOnly");
		}
		return scope.organisationId();
	}

	/** Whether the principal has accepted the current agreement. */
	@Transactional(readOnly = true)
	public boolean agreementAccepted(Scope scope) {
		long college = principalCollege(scope);
		return agreementId(college, scope.accountId()).isPresent();
	}

	private Optional<Long> agreementId(long college, @Nullable Long accountId) {
		return jdbc.sql("""
				SELECT id FROM certificate_stamp_agreement WHERE college_id = ? AND account_id = ? AND agreement_version = ?
				ORDER BY id DESC LIMIT 1""").params(college, accountId, AGREEMENT_VERSION).query(Long.class).optional();
	}

	/** The principal accepts the 授权协议 (time and account kept, audited). */
	@Transactional
	public void acceptAgreement(Scope scope) {
		long college = principalCollege(scope);
		long id = jdbc.sql("""
				INSERT INTO certificate_stamp_agreement (college_id, account_id, agreement_version, accepted_at)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(college, scope.accountId(), AGREEMENT_VERSION, Timestamp.from(clock.instant()))
			.query(Long.class).single();
		audit.record(scope, AuditRecord.of("certificate.agreement.accept", "StampAgreement", id, null,
				AGREEMENT_VERSION, "签章授权协议", college));
	}

	/** Uploads or replaces the college's stamp; 409 before the agreement is accepted, 422 when a rule fails. */
	@Transactional
	public StampView uploadStamp(Scope scope, String originalName, byte[] content) {
		long college = principalCollege(scope);
		long agreement = agreementId(college, scope.accountId())
			.orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "certificate.error.agreementFirst"));
		StampRules.Size size = StampRules.check(originalName, content);
		StoredFile file = files.store(scope, "certificate-stamp", "file", originalName, content, StampRules.UPLOAD);
		boolean replaced = stampRow(college).isPresent();
		jdbc.sql("""
				INSERT INTO certificate_stamp (college_id, file_id, width, height, agreement_id, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (college_id) DO UPDATE SET file_id = EXCLUDED.file_id, width = EXCLUDED.width,
				  height = EXCLUDED.height, agreement_id = EXCLUDED.agreement_id, uploaded_by = EXCLUDED.uploaded_by,
				  uploaded_at = EXCLUDED.uploaded_at""")
			.params(college, file.id(), size.width(), size.height(), agreement, scope.accountId(),
					Timestamp.from(clock.instant()))
			.update();
		audit.record(scope, AuditRecord.of(replaced ? "certificate.stamp.replace" : "certificate.stamp.upload",
				"Stamp", college, null, file.id(), size.width() + "×" + size.height() + " px", college));
		return stampRow(college).orElseThrow();
	}

	/** The principal's own stamp, if any. */
	@Transactional(readOnly = true)
	public Optional<StampView> stamp(Scope scope) {
		return stampRow(principalCollege(scope));
	}

	/** The stamp image: the principal of its college only (others 403; no stamp 404). */
	@Transactional(readOnly = true)
	public byte[] stampImage(Scope scope) {
		long college = principalCollege(scope);
		StampView stamp = stampRow(college).orElseThrow(() -> new NotFoundProblem("签章", college));
		return files.read(stamp.fileId());
	}

	/** Deletes the college's stamp (the stored file stays, unreferenced; the agreement rows stay). */
	@Transactional
	public void deleteStamp(Scope scope) {
		long college = principalCollege(scope);
		StampView stamp = stampRow(college).orElseThrow(() -> new NotFoundProblem("签章", college));
		jdbc.sql("DELETE FROM certificate_stamp WHERE college_id = ?").param(college).update();
		audit.record(scope, AuditRecord.of("certificate.stamp.delete", "Stamp", college, stamp.fileId(), null, null,
				college));
	}

	/** The college's stamp image for the certificates it issues; no scope check (the caller checked the row). */
	@Transactional(readOnly = true)
	Optional<byte[]> stampImageOf(long college) {
		return stampRow(college).map(s -> files.read(s.fileId()));
	}

	private Optional<StampView> stampRow(long college) {
		return jdbc.sql("SELECT * FROM certificate_stamp WHERE college_id = ?").param(college)
			.query((rs, n) -> new StampView(rs.getLong("college_id"), rs.getObject("file_id", UUID.class),
					rs.getInt("width"), rs.getInt("height"), rs.getTimestamp("uploaded_at").toInstant()))
			.optional();
	}

	// ---- 授权审批人 ---------------------------------------------------------------------------------------------

	/** The principal names an approver: an account of its own college (业务管理员 or the principal itself). */
	@Transactional
	public void delegate(Scope scope, long accountId) {
		long college = principalCollege(scope);
		AccountView account = collegeAccount(college, accountId);
		jdbc.sql("""
				INSERT INTO certificate_approver (college_id, account_id, delegated_by, delegated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(college, account.id(), scope.accountId(), Timestamp.from(clock.instant())).update();
		audit.record(scope, AuditRecord.of("certificate.approver.delegate", "Account", accountId, null, null,
				account.username(), college));
	}

	@Transactional
	public void revoke(Scope scope, long accountId) {
		long college = principalCollege(scope);
		int n = jdbc.sql("DELETE FROM certificate_approver WHERE college_id = ? AND account_id = ?")
			.params(college, accountId).update();
		if (n == 0) {
			throw new NotFoundProblem("审批人", accountId);
		}
		audit.record(scope, AuditRecord.of("certificate.approver.revoke", "Account", accountId, null, null, null,
				college));
	}

	/** The college's approvers (account ids), for its principal and admins. */
	@Transactional(readOnly = true)
	public List<Long> approvers(Scope scope) {
		if (scope.role() != Role.COLLEGE_PRINCIPAL && scope.role() != Role.COLLEGE_ADMIN) {
			throw new AccessDeniedProblem("certificate.error.noAccess");
		}
		return jdbc.sql("SELECT account_id FROM certificate_approver WHERE college_id = ? ORDER BY account_id")
			.param(scope.organisationId()).query(Long.class).list();
	}

	/** Names an approver by user name (the page's form); like {@link #delegate}. */
	@Transactional
	public void delegateByUsername(Scope scope, String username) {
		long college = principalCollege(scope);
		AccountView account = accounts.findByUsername(username.strip())
			.filter(a -> a.organisationId() != null && a.organisationId() == college)
			.orElseThrow(() -> new NotFoundProblem("账号", username));
		delegate(scope, account.id());
	}

	/** The approvers' accounts, for the principal's page. */
	@Transactional(readOnly = true)
	public List<AccountView> approverAccounts(Scope scope) {
		return approvers(scope).stream().map(id -> accounts.find(id).orElseThrow()).toList();
	}

	/** The plans of the issuance page: the ORG's own published plans, for colleges those whose publication opened. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		if (scope.role() == Role.ORG) {
			return scores.ownPlans(scope);
		}
		if (scope.role() == Role.COLLEGE_PRINCIPAL || scope.role() == Role.COLLEGE_ADMIN) {
			return scores.plans(scope);
		}
		throw new AccessDeniedProblem("certificate.error.noAccess");
	}

	/** Whether the scope is a delegated approver of its college (the page shows the confirm form then). */
	@Transactional(readOnly = true)
	public boolean isApprover(Scope scope) {
		try {
			return side(scope) == Side.COLLEGE;
		}
		catch (AccessDeniedProblem e) {
			return false;
		}
	}

	private AccountView collegeAccount(long college, long accountId) {
		return accounts.find(accountId)
			.filter(a -> a.organisationId() != null && a.organisationId() == college)
			.filter(a -> a.role() == Role.COLLEGE_ADMIN || a.role() == Role.COLLEGE_PRINCIPAL)
			.orElseThrow(() -> new NotFoundProblem("账号", accountId));
	}

	// ---- 证书发放名单 -------------------------------------------------------------------------------------------

	private PlanView ownPlan(Scope scope, long planId) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("certificate.error.orgOnly");
		}
		return plans.find(planId)
			.filter(p -> scope.organisationId() != null && p.organisationId() == scope.organisationId())
			.filter(p -> p.status() != PlanStatus.DRAFT)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
	}

	/**
	 * The ORG owning the plan generates (or regenerates) the list from 考证结果 once the plan's scores are locked:
	 * passers only, one row per candidate and level; rows already there are kept as they are.
	 */
	@Transactional
	public Generated generate(Scope scope, long planId) {
		PlanView plan = ownPlan(scope, planId);
		if (!plan.scoresLocked(clock.instant())) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.error.notLocked", plan.publication().toString());
		}
		Map<Long, Boolean> passed = new HashMap<>();
		scores.all(scope, planId).forEach(s -> passed.put(s.registrationRecordId(), s.passed()));
		Map<List<Long>, List<Enrollments.Registered>> groups = new LinkedHashMap<>();
		for (Enrollments.Registered r : enrollments.registered(planId)) {
			groups.computeIfAbsent(List.of(r.candidateId(), r.levelId()), k -> new ArrayList<>()).add(r);
		}
		Map<Long, LevelView> levels = new HashMap<>();
		Timestamp now = Timestamp.from(clock.instant());
		int added = 0;
		for (List<Enrollments.Registered> records : groups.values()) {
			if (!records.stream().allMatch(r -> passed.getOrDefault(r.recordId(), false))) {
				continue;
			}
			Enrollments.Registered first = records.getFirst();
			LevelView level = levels.computeIfAbsent(first.levelId(), id -> catalog.findLevel(id).orElseThrow());
			String displayName = plan.level(first.levelId()).map(l -> l.displayName()).orElse(level.displayName());
			added += jdbc.sql("""
					INSERT INTO certificate_issue (plan_id, organisation_id, candidate_id, level_id, level_code,
					  level_display_name, college_id, college_name, name, id_number_masked, holder_index, year, status,
					  created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
					ON CONFLICT (plan_id, candidate_id, level_id) DO NOTHING""")
				.params(planId, plan.organisationId(), first.candidateId(), first.levelId(), level.code(), displayName,
						first.collegeId(), first.collegeName(), first.name(), ChineseIdNumber.mask(first.idNumber()),
						personalData.index(first.idNumber()), plan.year(), now)
				.update();
		}
		int total = jdbc.sql("SELECT count(*) FROM certificate_issue WHERE plan_id = ?").param(planId)
			.query(Integer.class).single();
		audit.record(scope, AuditRecord.of("certificate.generate", "ExamPlan", planId, null, null,
				plan.name() + "：证书发放名单新增 " + added + " 人，共 " + total + " 人", plan.organisationId()));
		return new Generated(added, total);
	}

	/** The list of a plan: the ORG owning it all rows, a college's principal and admins their own candidates. */
	@Transactional(readOnly = true)
	public List<IssueView> list(Scope scope, long planId, @Nullable IssueStatus status) {
		Long college = collegeFilter(scope, planId);
		return jdbc.sql("""
				SELECT * FROM certificate_issue WHERE plan_id = ? AND (?::bigint IS NULL OR college_id = ?)
				  AND (?::text IS NULL OR status = ?) ORDER BY college_name, level_id, name, id""")
			.params(planId, college, college, status == null ? null : status.name(),
					status == null ? null : status.name())
			.query(CertificateManagement::view).list();
	}

	/** The college whose rows the scope sees ({@code null}: all, the ORG owning the plan); others 403/404. */
	private @Nullable Long collegeFilter(Scope scope, long planId) {
		if (scope.role() == Role.ORG) {
			ownPlan(scope, planId);
			return null;
		}
		if (scope.role() == Role.COLLEGE_PRINCIPAL || scope.role() == Role.COLLEGE_ADMIN) {
			return scope.organisationId() == null ? -1L : scope.organisationId();
		}
		throw new AccessDeniedProblem("certificate.error.noAccess");
	}

	@Transactional(readOnly = true)
	public IssueView get(Scope scope, long id) {
		return visible(scope, List.of(id), false).getFirst();
	}

	/** The rows, locked, if every one is visible to the scope (else 404 naming the first that is not). */
	private List<IssueView> visible(Scope scope, List<Long> ids) {
		return visible(scope, ids, true);
	}

	private List<IssueView> visible(Scope scope, List<Long> ids, boolean lock) {
		if (scope.role() != Role.ORG && scope.role() != Role.COLLEGE_PRINCIPAL && scope.role() != Role.COLLEGE_ADMIN) {
			throw new AccessDeniedProblem("certificate.error.noAccess");
		}
		List<IssueView> out = new ArrayList<>();
		for (long id : ids) {
			IssueView row = jdbc.sql("SELECT * FROM certificate_issue WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id)
				.query(CertificateManagement::view).optional()
				.filter(r -> scope.role() == Role.ORG ? ownsPlan(scope, r.planId())
						: scope.organisationId() != null && r.collegeId() == scope.organisationId())
				.orElseThrow(() -> new NotFoundProblem("证书发放记录", id));
			out.add(row);
		}
		return out;
	}

	private boolean ownsPlan(Scope scope, long planId) {
		return plans.find(planId).map(p -> scope.organisationId() != null && p.organisationId() == scope.organisationId())
			.orElse(false);
	}

	private enum Side {
		COLLEGE, ORG
	}

	/** The side the scope signs for; a college account must be a delegated approver of its college (else 403). */
	private Side side(Scope scope) {
		if (scope.role() == Role.ORG) {
			return Side.ORG;
		}
		if (scope.role() == Role.COLLEGE_PRINCIPAL || scope.role() == Role.COLLEGE_ADMIN) {
			boolean approver = jdbc.sql("SELECT count(*) FROM certificate_approver WHERE college_id = ? AND account_id = ?")
				.params(scope.organisationId(), scope.accountId()).query(Integer.class).single() > 0;
			if (!approver) {
				throw new AccessDeniedProblem("certificate.error.notApprover");
			}
			return Side.COLLEGE;
		}
		throw new AccessDeniedProblem("certificate.error.noAccess");
	}

	private List<Long> batch(List<Long> ids, @Nullable String password, Scope scope, String action) {
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids == null ? List.<Long>of() : ids));
		if (distinct.isEmpty()) {
			throw new InvalidInputProblem("ids", "certificate.error.noneSelected");
		}
		if (distinct.size() > MAX_BATCH) {
			throw new InvalidInputProblem("ids", "certificate.error.batchTooLarge", distinct.size(), MAX_BATCH);
		}
		if (!accounts.verifyOwnPassword(scope, password)) {
			throw new InvalidInputProblem("password", "certificate.error.signatureWrong");
		}
		return distinct;
	}

	private void signature(Scope scope, Side side, String action, List<Long> ids) {
		jdbc.sql("""
				INSERT INTO certificate_signature (account_id, side, action, issue_ids, signed_at) VALUES (?, ?, ?, ?, ?)""")
			.params(scope.accountId(), side.name(), action, ids.toArray(Long[]::new), Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Confirms rows (one or a batch of at most 100, all or none) with the re-entered password. A row confirmed by both
	 * sides becomes final and gets its certificate number.
	 */
	@Transactional
	public List<IssueView> confirm(Scope scope, List<Long> ids, @Nullable String password) {
		Side side = side(scope);
		List<Long> distinct = batch(ids, password, scope, "CONFIRM");
		Instant now = clock.instant();
		for (IssueView row : visible(scope, distinct)) {
			if (row.status() == IssueStatus.FINAL) {
				throw new DomainException(HttpStatus.CONFLICT, "certificate.error.final", row.name());
			}
			if (row.status() == IssueStatus.REFUSED) {
				throw new DomainException(HttpStatus.CONFLICT, "certificate.error.refused", row.name());
			}
			boolean mine = side == Side.ORG ? row.orgConfirmedAt() != null : row.collegeConfirmedAt() != null;
			if (mine) {
				throw new DomainException(HttpStatus.CONFLICT, "certificate.error.alreadyConfirmed", row.name());
			}
			boolean other = side == Side.ORG ? row.collegeConfirmedAt() != null : row.orgConfirmedAt() != null;
			String column = side == Side.ORG ? "org" : "college";
			jdbc.sql("UPDATE certificate_issue SET " + column + "_confirmed_at = ?, " + column + "_confirmed_by = ?, "
					+ "status = ?, version = version + 1 WHERE id = ?")
				.params(Timestamp.from(now), scope.accountId(), other ? "FINAL" : "PENDING", row.id()).update();
			audit.record(scope, AuditRecord.of("certificate.confirm", "CertificateIssue", row.id(), row.status(),
					other ? IssueStatus.FINAL : IssueStatus.PENDING, side + "：" + row.name() + " " + row.levelDisplayName(),
					row.collegeId()));
			if (other) {
				assignNumber(scope, row.id());
			}
		}
		signature(scope, side, "CONFIRM", distinct);
		return distinct.stream().map(id -> jdbc.sql("SELECT * FROM certificate_issue WHERE id = ?").param(id)
			.query(CertificateManagement::view).single()).toList();
	}

	/** The college's approver refuses rows with a reason: they go back to the ORG (已退回), both confirmations cleared. */
	@Transactional
	public List<IssueView> refuse(Scope scope, List<Long> ids, @Nullable String password, @Nullable String reason) {
		Side side = side(scope);
		if (side != Side.COLLEGE) {
			throw new AccessDeniedProblem("certificate.error.collegeRefuses");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputProblem("reason", "certificate.error.reasonRequired");
		}
		List<Long> distinct = batch(ids, password, scope, "REFUSE");
		Instant now = clock.instant();
		for (IssueView row : visible(scope, distinct)) {
			if (row.status() != IssueStatus.PENDING) {
				throw new DomainException(HttpStatus.CONFLICT,
						row.status() == IssueStatus.FINAL ? "certificate.error.final" : "certificate.error.refused",
						row.name());
			}
			jdbc.sql("""
					UPDATE certificate_issue SET status = 'REFUSED', refusal_reason = ?, refused_at = ?, refused_by = ?,
					  college_confirmed_at = NULL, college_confirmed_by = NULL, org_confirmed_at = NULL,
					  org_confirmed_by = NULL, version = version + 1 WHERE id = ?""")
				.params(reason.strip(), Timestamp.from(now), scope.accountId(), row.id()).update();
			audit.record(scope, AuditRecord.of("certificate.refuse", "CertificateIssue", row.id(), row.status(),
					IssueStatus.REFUSED, reason.strip(), row.collegeId()));
		}
		signature(scope, side, "REFUSE", distinct);
		return distinct.stream().map(id -> get(scope, id)).toList();
	}

	/** The ORG resubmits refused rows (after fixing what the reason named): back to 待确认, the reason kept in audit. */
	@Transactional
	public List<IssueView> resubmit(Scope scope, List<Long> ids) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("certificate.error.orgOnly");
		}
		if (ids == null || ids.isEmpty()) {
			throw new InvalidInputProblem("ids", "certificate.error.noneSelected");
		}
		for (IssueView row : visible(scope, ids)) {
			if (row.status() != IssueStatus.REFUSED) {
				throw new DomainException(HttpStatus.CONFLICT, "certificate.error.notRefused", row.name());
			}
			jdbc.sql("""
					UPDATE certificate_issue SET status = 'PENDING', refusal_reason = NULL, refused_at = NULL,
					  refused_by = NULL, version = version + 1 WHERE id = ?""").param(row.id()).update();
			audit.record(scope, AuditRecord.of("certificate.resubmit", "CertificateIssue", row.id(), IssueStatus.REFUSED,
					IssueStatus.PENDING, row.refusalReason(), row.collegeId()));
		}
		return ids.stream().map(id -> get(scope, id)).toList();
	}

	/** Withdraws the caller's side's confirmation while the row is not final; a final row answers 409. */
	@Transactional
	public IssueView undo(Scope scope, long id) {
		Side side = side(scope);
		IssueView row = visible(scope, List.of(id)).getFirst();
		if (row.status() == IssueStatus.FINAL) {
			throw new DomainException(HttpStatus.CONFLICT, "certificate.error.final", row.name());
		}
		String column = side == Side.ORG ? "org" : "college";
		jdbc.sql("UPDATE certificate_issue SET " + column + "_confirmed_at = NULL, " + column
				+ "_confirmed_by = NULL, version = version + 1 WHERE id = ?").param(id).update();
		audit.record(scope, AuditRecord.of("certificate.undo", "CertificateIssue", id, null, null, side.name(),
				row.collegeId()));
		return get(scope, id);
	}

	// ---- 发证方式 -----------------------------------------------------------------------------------------------

	/** A college of a plan's list with its 发证方式 and how many of its rows are final. */
	public record CollegeDelivery(long collegeId, String collegeName, DeliveryMode mode, int finalRows, int rows) {
	}

	/** The colleges of the plan's list with their 发证方式: all of them for the ORG owning the plan, a college its own. */
	@Transactional(readOnly = true)
	public List<CollegeDelivery> deliveries(Scope scope, long planId) {
		Long college = collegeFilter(scope, planId);
		return jdbc.sql("""
				SELECT i.college_id, min(i.college_name) AS college_name, coalesce(d.mode, 'ELECTRONIC') AS mode,
				  count(*) FILTER (WHERE i.status = 'FINAL') AS finals, count(*) AS total
				FROM certificate_issue i
				LEFT JOIN certificate_delivery d ON d.plan_id = i.plan_id AND d.college_id = i.college_id
				WHERE i.plan_id = ? AND (?::bigint IS NULL OR i.college_id = ?)
				GROUP BY i.college_id, d.mode ORDER BY 2""")
			.params(planId, college, college)
			.query((rs, n) -> new CollegeDelivery(rs.getLong(1), rs.getString(2), DeliveryMode.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getInt(5)))
			.list();
	}

	/** The 发证方式 of a plan's certificates for a college (electronic unless the ORG chose paper). */
	@Transactional(readOnly = true)
	public DeliveryMode deliveryMode(long planId, long collegeId) {
		return jdbc.sql("SELECT mode FROM certificate_delivery WHERE plan_id = ? AND college_id = ?")
			.params(planId, collegeId).query(String.class).optional().map(DeliveryMode::valueOf)
			.orElse(DeliveryMode.ELECTRONIC);
	}

	/**
	 * The ORG owning the plan chooses electronic or paper certificates for one of the list's colleges (404 for a
	 * college without rows in the plan); audited when it changes.
	 */
	@Transactional
	public DeliveryMode chooseDelivery(Scope scope, long planId, long collegeId, @Nullable DeliveryMode mode) {
		PlanView plan = ownPlan(scope, planId);
		if (mode == null) {
			throw new InvalidInputProblem("mode", "certificate.error.modeRequired");
		}
		String collegeName = jdbc.sql("SELECT min(college_name) FROM certificate_issue WHERE plan_id = ? AND college_id = ?")
			.params(planId, collegeId).query(String.class).optional().orElse(null);
		if (collegeName == null) {
			throw new NotFoundProblem("院校", collegeId);
		}
		DeliveryMode before = deliveryMode(planId, collegeId);
		if (before == mode) {
			return mode;
		}
		jdbc.sql("""
				INSERT INTO certificate_delivery (plan_id, college_id, mode, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (plan_id, college_id) DO UPDATE SET mode = EXCLUDED.mode, changed_by = EXCLUDED.changed_by,
				  changed_at = EXCLUDED.changed_at""")
			.params(planId, collegeId, mode.name(), scope.accountId(), Timestamp.from(clock.instant())).update();
		audit.record(scope, AuditRecord.of("certificate.mode", "ExamPlan", planId, before, mode,
				plan.name() + "：" + collegeName, plan.organisationId()));
		return mode;
	}

	/**
	 * Gives final rows without a number their number (idempotent: a row that has one keeps it). Runs inside every
	 * final confirmation; callable again (e.g. after a failure) without changing anything already given.
	 */
	@Transactional
	public int assignMissingNumbers(Scope scope, long planId) {
		ownPlan(scope, planId);
		List<Long> ids = jdbc.sql("""
				SELECT id FROM certificate_issue WHERE plan_id = ? AND status = 'FINAL' AND certificate_number IS NULL
				ORDER BY id""").param(planId).query(Long.class).list();
		ids.forEach(id -> assignNumber(scope, id));
		return ids.size();
	}

	private void assignNumber(Scope scope, long id) {
		var row = jdbc.sql("SELECT level_code, year, certificate_number, college_id FROM certificate_issue WHERE id = ? FOR UPDATE")
			.param(id).query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4) })
			.single();
		if (row[2] != null) {
			return;
		}
		int sequence = jdbc.sql("""
				INSERT INTO certificate_number_sequence (level_code, year, last_value) VALUES (?, ?, 1)
				ON CONFLICT (level_code, year) DO UPDATE SET last_value = certificate_number_sequence.last_value + 1
				RETURNING last_value""").params(row[0], row[1]).query(Integer.class).single();
		String number = CertificateNumbers.format((String) row[0], (Integer) row[1], sequence);
		jdbc.sql("UPDATE certificate_issue SET certificate_number = ? WHERE id = ? AND certificate_number IS NULL")
			.params(number, id).update();
		audit.record(scope, AuditRecord.of("certificate.number", "CertificateIssue", id, null, number, null,
				(Long) row[3]));
	}

	private static IssueView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp college = rs.getTimestamp("college_confirmed_at");
		Timestamp org = rs.getTimestamp("org_confirmed_at");
		return new IssueView(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("candidate_id"), rs.getLong("level_id"),
				rs.getString("level_code"), rs.getString("level_display_name"), rs.getLong("college_id"),
				rs.getString("college_name"), rs.getString("name"), rs.getString("id_number_masked"), rs.getInt("year"),
				IssueStatus.valueOf(rs.getString("status")), college == null ? null : college.toInstant(),
				org == null ? null : org.toInstant(), rs.getString("refusal_reason"), rs.getString("certificate_number"));
	}
}
