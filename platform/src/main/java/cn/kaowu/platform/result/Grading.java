package cn.kaowu.platform.result;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.Sm3;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.bank.BankItem;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.QuestionBank;
import cn.kaowu.platform.delivery.PackageBuilt;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practical grading (issue 7 part 1; docs/architecture.md, "Practical grading"). Every practical task of an accepted
 * result package is a grading task under a random anonymous code; graders (考评员) of the ORG assigned to the plan
 * subject claim tasks one at a time ({@code FOR UPDATE SKIP LOCKED}, 30 minutes), mark them criterion by criterion,
 * each task independently by two graders and by a third when they differ by more than the subject's threshold; the
 * final mark follows {@link MarkingRule}. Graders never see a ticket number, name, college or site.
 */
@Service
public class Grading {

	/** How long a claimed task stays reserved for its grader. */
	public static final Duration CLAIM = Duration.ofMinutes(30);

	/** The default disagreement threshold: 10 % of the item's points. */
	public static final BigDecimal DEFAULT_THRESHOLD_PERCENT = BigDecimal.TEN;

	static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final int MAX_COMMENT = 1000;

	// ---- views ----------------------------------------------------------------------------------------------------

	/** An assignable grader of the ORG. */
	public record GraderRef(long accountId, String username, String displayName) {
	}

	/** The ORG's view of a plan subject's grading. */
	public record SubjectProgress(long planSubjectId, String subjectName, BigDecimal thresholdPercent,
			List<GraderRef> graders, int tasks, int firstMarks, int secondMarks, int thirdsNeeded, int thirdsDone,
			int finals, List<GraderStats> graderStats) {
	}

	/**
	 * A grader's marks in a subject: how many, the mean absolute deviation from the final mark and the share of marks
	 * within the threshold of the final (both over finalised tasks only; null while there are none).
	 */
	public record GraderStats(long accountId, String username, String displayName, int marks,
			@Nullable BigDecimal meanDeviation, @Nullable BigDecimal agreementPercent) {
	}

	/** A subject in a grader's queue: what they marked, what they could still take. */
	public record QueueSubject(long planId, String planName, long planSubjectId, String subjectName, int markedByMe,
			int remaining) {
	}

	/** A grader's queue: their subjects and the task they hold, if any. */
	public record Queue(List<QueueSubject> subjects, int markedByMe, int remaining, @Nullable String current) {
	}

	/** What a grader sees of a task: no ticket, no name, no college, no site. */
	public record TaskView(String code, String subjectName, String stem, int points, List<Criterion> rubric,
			List<TaskFile> files, @Nullable Instant claimedUntil, @Nullable MyMark myMark) {
	}

	public record Criterion(int index, String text, int points) {
	}

	public record TaskFile(int index, String name, long size) {
	}

	public record MyMark(BigDecimal total, List<BigDecimal> scores, @Nullable String comment, Instant markedAt) {
	}

	/** The ORG's row of a task with its marks (for voiding). */
	public record TaskRow(String code, int points, int marksNeeded, @Nullable BigDecimal finalMark, boolean hasFiles,
			List<MarkRow> marks) {
	}

	public record MarkRow(long id, String grader, BigDecimal total, Instant markedAt, boolean voided,
			@Nullable String voidReason) {
	}

	/** A candidate's practical marks in a package: the sum of final marks, and whether any task is still open. */
	record CandidateMarks(BigDecimal sum, boolean pending) {
	}

	private final JdbcClient jdbc;

	private final QuestionBank bank;

	private final ExamPlans plans;

	private final AccountManagement accounts;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Grading(JdbcClient jdbc, QuestionBank bank, ExamPlans plans, AccountManagement accounts, FileStorage files,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.bank = bank;
		this.plans = plans;
		this.accounts = accounts;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- papers and tasks ------------------------------------------------------------------------------------------

	/** Remembers which practical items each paper of a freshly built package holds (same transaction as the build). */
	@EventListener
	void on(PackageBuilt built) {
		built.practicalItems().forEach((ticket, items) -> {
			for (int i = 0; i < items.size(); i++) {
				jdbc.sql("""
						INSERT INTO grading_paper_item (exam_package_id, ticket_number, item_id, position)
						VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(built.packageId(), ticket, items.get(i), i)
					.update();
			}
		});
	}

	/**
	 * Turns an accepted result package's candidates into grading tasks (called inside {@link ResultIntake#complete}):
	 * every candidate who sat (signed in, not disqualified) × every practical item of their paper, with or without a
	 * file. A later sequence replaces the files of unmarked tasks; a marked task keeps its marks when its files are
	 * unchanged (same SM3) and is re-opened (its marks voided) when they changed.
	 */
	void takeIn(String packageId, String resultId, long sequence, List<CandidateResult> results) {
		var pkg = jdbc.sql("SELECT plan_id, plan_subject_id FROM exam_package WHERE id = ?").param(packageId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long planId = pkg[0];
		long planSubjectId = pkg[1];
		Map<String, List<String>> papers = new HashMap<>();
		jdbc.sql("SELECT ticket_number, item_id FROM grading_paper_item WHERE exam_package_id = ? ORDER BY position")
			.param(packageId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> papers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<String, String> outcomes = new HashMap<>();
		jdbc.sql("SELECT ticket_number, coalesce(outcome, '') FROM result_candidate WHERE exam_package_id = ?")
			.param(packageId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> outcomes.put(e.getKey(), e.getValue()));
		Map<String, Optional<BankItem>> items = new HashMap<>();
		int created = 0;
		int reopened = 0;
		Instant now = clock.instant();
		for (CandidateResult r : results) {
			String outcome = outcomes.getOrDefault(r.ticketNumber(), "");
			if (r.signedInAt() == null || outcome.equals("ABSENT") || outcome.equals("DISQUALIFIED")) {
				continue;
			}
			Set<String> itemIds = new LinkedHashSet<>(papers.getOrDefault(r.ticketNumber(), List.of()));
			if (!papers.containsKey(r.ticketNumber())) {
				// a package built before papers were recorded: at least the tasks with a file
				r.uploads().forEach(u -> itemIds.add(u.itemId()));
			}
			for (String itemId : itemIds) {
				Optional<BankItem> item = items.computeIfAbsent(itemId, this::bankItem);
				if (item.isEmpty()) {
					continue;
				}
				List<CandidateResult.Upload> uploads = r.uploads().stream().filter(u -> u.itemId().equals(itemId))
					.toList();
				String sm3 = filesSm3(uploads);
				var existing = jdbc.sql("""
						SELECT id, code, files_sm3 FROM grading_task WHERE exam_package_id = ? AND ticket_number = ?
						  AND item_id = ? FOR UPDATE""")
					.params(packageId, r.ticketNumber(), itemId)
					.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
					.optional();
				if (existing.isEmpty()) {
					String code = newCode();
					long taskId = jdbc.sql("""
							INSERT INTO grading_task (code, plan_id, plan_subject_id, exam_package_id, ticket_number,
							  item_id, item_points, result_id, files_sm3, created_at, updated_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
						.params(code, planId, planSubjectId, packageId, r.ticketNumber(), itemId, item.get().points(),
								resultId, sm3, Timestamp.from(now), Timestamp.from(now))
						.query(Long.class)
						.single();
					storeFiles(taskId, code, uploads);
					created++;
					continue;
				}
				long taskId = (Long) existing.get()[0];
				String code = (String) existing.get()[1];
				if (Objects.equals(existing.get()[2], sm3)) {
					jdbc.sql("UPDATE grading_task SET result_id = ? WHERE id = ?").params(resultId, taskId).update();
					continue;
				}
				int voided = jdbc.sql("""
						UPDATE grading_mark SET voided_at = ?, void_reason = ? WHERE task_id = ? AND voided_at IS NULL""")
					.params(Timestamp.from(now), "成绩包第 " + sequence + " 次上传更换了作品，重新评分", taskId)
					.update();
				jdbc.sql("DELETE FROM grading_task_file WHERE task_id = ?").param(taskId).update();
				jdbc.sql("DELETE FROM grading_claim WHERE task_id = ?").param(taskId).update();
				jdbc.sql("""
						UPDATE grading_task SET files_sm3 = ?, result_id = ?, marks_needed = 2, final_mark = NULL,
						  updated_at = ? WHERE id = ?""")
					.params(sm3, resultId, Timestamp.from(now), taskId)
					.update();
				storeFiles(taskId, code, uploads);
				if (voided > 0) {
					reopened++;
				}
			}
		}
		if (created + reopened > 0) {
			audit.record(Scope.system(), AuditRecord.of("grading.tasks", "ResultPackage", resultId, null, null,
					"实操阅卷任务：新增 " + created + " 个，作品更换重新评分 " + reopened + " 个",
					plans.require(planId).organisationId()));
		}
	}

	private Optional<BankItem> bankItem(String itemId) {
		int v = itemId.indexOf('v');
		if (v <= 0) {
			return Optional.empty();
		}
		try {
			return bank.item(Long.parseLong(itemId.substring(0, v)), Integer.parseInt(itemId.substring(v + 1)))
				.filter(i -> i.type() == cn.kaowu.platform.bank.ItemType.PRACTICAL);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** SM3 over the files' names and contents in order; null without files. */
	static @Nullable String filesSm3(List<CandidateResult.Upload> uploads) {
		if (uploads.isEmpty()) {
			return null;
		}
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (CandidateResult.Upload u : uploads) {
			all.writeBytes(u.fileName().getBytes(StandardCharsets.UTF_8));
			all.write(0);
			all.writeBytes(Sm3.digest(u.content()));
		}
		return Sm3.hex(all.toByteArray());
	}

	/** Stores the files under anonymous names (the candidate may have put their name into a file name). */
	private void storeFiles(long taskId, String code, List<CandidateResult.Upload> uploads) {
		for (int i = 0; i < uploads.size(); i++) {
			CandidateResult.Upload u = uploads.get(i);
			String name = code + "-" + (i + 1) + extension(u.fileName());
			String type = Optional.ofNullable(URLConnection.guessContentTypeFromName(name))
				.orElse("application/octet-stream");
			byte[] content = u.content();
			StoredFile stored = files.saveGenerated(Scope.system(), "practical-work", name, type, content);
			jdbc.sql("INSERT INTO grading_task_file (task_id, idx, file_id, name, size) VALUES (?, ?, ?, ?, ?)")
				.params(taskId, i, stored.id(), name, (long) content.length)
				.update();
		}
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0) {
			return "";
		}
		String ext = fileName.substring(dot + 1);
		return ext.matches("[A-Za-z0-9]{1,8}") ? "." + ext.toLowerCase(java.util.Locale.ROOT) : "";
	}

	private String newCode() {
		while (true) {
			StringBuilder code = new StringBuilder(8);
			for (int i = 0; i < 8; i++) {
				code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			if (jdbc.sql("SELECT count(*) FROM grading_task WHERE code = ?").param(code.toString()).query(Long.class)
				.single() == 0) {
				return code.toString();
			}
		}
	}

	// ---- the ORG ---------------------------------------------------------------------------------------------------

	/** The ORG's graders (accounts with the role 考评员 of its organisation). */
	@Transactional(readOnly = true)
	public List<GraderRef> graders(Scope scope) {
		requireOrg(scope);
		return accounts.list(scope, new AccountManagement.Filter(Role.GRADER, scope.organisationId(), null),
				new PageQuery(1, PageQuery.MAX_SIZE))
			.items()
			.stream()
			.filter(AccountView::enabled)
			.map(a -> new GraderRef(a.id(), a.username(), a.displayName()))
			.toList();
	}

	/** The ORG's plans it can grade (its own). */
	@Transactional(readOnly = true)
	public PlanView plan(Scope scope, long planId) {
		requireOrg(scope);
		return plans.find(planId)
			.filter(p -> Objects.equals(p.organisationId(), scope.organisationId()))
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
	}

	/**
	 * Assigns the graders of a plan subject (replacing the earlier set) and its threshold in percent of an item's
	 * points. Open tasks are re-evaluated against the new threshold. The ORG owning the plan.
	 */
	@Transactional
	public SubjectProgress assign(Scope scope, long planId, long planSubjectId, List<Long> graderIds,
			@Nullable BigDecimal thresholdPercent) {
		PlanView plan = plan(scope, planId);
		PlanSubjectView subject = subject(plan, planSubjectId);
		if (thresholdPercent == null || thresholdPercent.signum() < 0
				|| thresholdPercent.compareTo(BigDecimal.valueOf(100)) > 0 || thresholdPercent.scale() > 2) {
			throw new InvalidInputProblem("thresholdPercent", "grading.threshold.range");
		}
		Map<Long, GraderRef> ours = graders(scope).stream()
			.collect(Collectors.toMap(GraderRef::accountId, Function.identity()));
		Set<Long> wanted = new LinkedHashSet<>(graderIds);
		for (Long id : wanted) {
			if (!ours.containsKey(id)) {
				throw new InvalidInputProblem("graderIds", "grading.grader.unknown", id);
			}
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO grading_subject (plan_subject_id, plan_id, threshold_percent, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (plan_subject_id) DO UPDATE SET threshold_percent = EXCLUDED.threshold_percent,
				  updated_at = EXCLUDED.updated_at""")
			.params(planSubjectId, planId, thresholdPercent, Timestamp.from(now))
			.update();
		List<Long> before = assigned(planSubjectId);
		for (Long id : before) {
			if (!wanted.contains(id)) {
				jdbc.sql("DELETE FROM grading_grader WHERE plan_subject_id = ? AND account_id = ?")
					.params(planSubjectId, id).update();
				jdbc.sql("""
						DELETE FROM grading_claim c USING grading_task t WHERE c.task_id = t.id AND t.plan_subject_id = ?
						  AND c.grader_id = ?""")
					.params(planSubjectId, id).update();
			}
		}
		for (Long id : wanted) {
			jdbc.sql("""
					INSERT INTO grading_grader (plan_subject_id, account_id, assigned_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(planSubjectId, id, Timestamp.from(now)).update();
		}
		jdbc.sql("SELECT id FROM grading_task WHERE plan_subject_id = ? AND final_mark IS NULL ORDER BY id FOR UPDATE")
			.param(planSubjectId).query(Long.class).list().forEach(this::recompute);
		audit.record(scope, AuditRecord.of("grading.assign", "PlanSubject", planSubjectId, null, null,
				plan.name() + " " + subjectName(subject) + "：考评员 "
						+ wanted.stream().map(id -> ours.get(id).username()).collect(Collectors.joining("、"))
						+ "；三评阈值 " + thresholdPercent.stripTrailingZeros().toPlainString() + "%",
				plan.organisationId()));
		return progress(plan, subject);
	}

	/** Per subject of the plan: tasks, marks done, thirds, finals, graders and their agreement. The ORG. */
	@Transactional(readOnly = true)
	public List<SubjectProgress> overview(Scope scope, long planId) {
		PlanView plan = plan(scope, planId);
		return plan.subjects().stream().map(s -> progress(plan, s)).toList();
	}

	/** The tasks of a subject with every mark (voided ones too). The ORG. */
	@Transactional(readOnly = true)
	public List<TaskRow> tasks(Scope scope, long planId, long planSubjectId) {
		subject(plan(scope, planId), planSubjectId);
		Map<Long, String> names = new HashMap<>();
		graders(scope).forEach(g -> names.put(g.accountId(), g.displayName() + "（" + g.username() + "）"));
		Map<Long, List<MarkRow>> marks = new HashMap<>();
		jdbc.sql("""
				SELECT m.* FROM grading_mark m JOIN grading_task t ON t.id = m.task_id WHERE t.plan_subject_id = ?
				ORDER BY m.marked_at, m.id""")
			.param(planSubjectId)
			.query((rs, n) -> Map.entry(rs.getLong("task_id"),
					new MarkRow(rs.getLong("id"), names.getOrDefault(rs.getLong("grader_id"), "#" + rs.getLong("grader_id")),
							rs.getBigDecimal("total"), rs.getTimestamp("marked_at").toInstant(),
							rs.getTimestamp("voided_at") != null, rs.getString("void_reason"))))
			.list()
			.forEach(e -> marks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return jdbc.sql("SELECT * FROM grading_task WHERE plan_subject_id = ? ORDER BY id").param(planSubjectId)
			.query((rs, n) -> new TaskRow(rs.getString("code"), rs.getInt("item_points"), rs.getInt("marks_needed"),
					rs.getBigDecimal("final_mark"), rs.getString("files_sm3") != null,
					marks.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** Voids a mark (reason required, audited); the task needs a mark again. The ORG owning the plan. */
	@Transactional
	public void voidMark(Scope scope, long markId, @Nullable String reason) {
		requireOrg(scope);
		var row = jdbc.sql("""
				SELECT m.task_id, t.plan_id, t.code, m.total, m.voided_at FROM grading_mark m
				JOIN grading_task t ON t.id = m.task_id WHERE m.id = ?""")
			.param(markId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getTimestamp(5) })
			.optional()
			.orElseThrow(() -> new NotFoundProblem("评分", markId));
		PlanView plan = plan(scope, (Long) row[1]);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputProblem("reason", "grading.void.reason");
		}
		if (reason.length() > MAX_COMMENT) {
			throw new InvalidInputProblem("reason", "grading.comment.tooLong", MAX_COMMENT);
		}
		long taskId = (Long) row[0];
		jdbc.sql("SELECT id FROM grading_task WHERE id = ? FOR UPDATE").param(taskId).query(Long.class).single();
		if (row[4] != null) {
			throw new DomainException(HttpStatus.CONFLICT, "grading.void.already");
		}
		jdbc.sql("UPDATE grading_mark SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), scope.accountId(), reason.strip(), markId)
			.update();
		recompute(taskId);
		audit.record(scope, AuditRecord.of("grading.void", "GradingTask", row[2], "MARKED", "VOIDED",
				"作废评分 " + ((BigDecimal) row[3]).toPlainString() + " 分：" + reason.strip(), plan.organisationId()));
	}

	private SubjectProgress progress(PlanView plan, PlanSubjectView subject) {
		long id = subject.id();
		BigDecimal percent = thresholdPercent(id);
		int[] c = jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE m >= 1), count(*) FILTER (WHERE m >= 2),
				  count(*) FILTER (WHERE marks_needed = 3), count(*) FILTER (WHERE marks_needed = 3 AND m >= 3),
				  count(*) FILTER (WHERE final_mark IS NOT NULL)
				FROM (SELECT t.marks_needed, t.final_mark, (SELECT count(*) FROM grading_mark g
				  WHERE g.task_id = t.id AND g.voided_at IS NULL) AS m FROM grading_task t WHERE t.plan_subject_id = ?) x""")
			.param(id)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6) })
			.single();
		Map<Long, GraderRef> refs = new LinkedHashMap<>();
		accountsById(assigned(id)).forEach(g -> refs.put(g.accountId(), g));
		Map<Long, GraderStats> stats = new LinkedHashMap<>();
		refs.values().forEach(g -> stats.put(g.accountId(),
				new GraderStats(g.accountId(), g.username(), g.displayName(), 0, null, null)));
		jdbc.sql("""
				SELECT g.grader_id, count(*),
				  avg(abs(g.total - t.final_mark)) FILTER (WHERE t.final_mark IS NOT NULL),
				  count(*) FILTER (WHERE t.final_mark IS NOT NULL
				    AND abs(g.total - t.final_mark) <= t.item_points * ? / 100),
				  count(*) FILTER (WHERE t.final_mark IS NOT NULL)
				FROM grading_mark g JOIN grading_task t ON t.id = g.task_id
				WHERE t.plan_subject_id = ? AND g.voided_at IS NULL GROUP BY g.grader_id ORDER BY g.grader_id""")
			.params(percent, id)
			.query((rs, n) -> {
				long grader = rs.getLong(1);
				GraderRef ref = refs.computeIfAbsent(grader,
						k -> accountsById(List.of(k)).stream().findFirst().orElse(new GraderRef(k, "#" + k, "")));
				int finalised = rs.getInt(5);
				BigDecimal mean = rs.getBigDecimal(3);
				return new GraderStats(grader, ref.username(), ref.displayName(), rs.getInt(2),
						mean == null ? null : mean.setScale(2, java.math.RoundingMode.HALF_UP),
						finalised == 0 ? null
								: BigDecimal.valueOf(rs.getInt(4) * 100L)
									.divide(BigDecimal.valueOf(finalised), 1, java.math.RoundingMode.HALF_UP));
			})
			.list()
			.forEach(s -> stats.put(s.accountId(), s));
		return new SubjectProgress(id, subjectName(subject), percent,
				refs.values().stream().filter(g -> assigned(id).contains(g.accountId())).toList(), c[0], c[1], c[2],
				c[3], c[4], c[5], List.copyOf(stats.values()));
	}

	private List<GraderRef> accountsById(List<Long> ids) {
		List<GraderRef> out = new ArrayList<>();
		for (Long id : ids) {
			jdbc.sql("SELECT username, display_name FROM account WHERE id = ?").param(id)
				.query((rs, n) -> new GraderRef(id, rs.getString(1), rs.getString(2)))
				.optional()
				.ifPresent(out::add);
		}
		return out;
	}

	// ---- graders ---------------------------------------------------------------------------------------------------

	/** The grader's subjects with their progress and the task they hold. */
	@Transactional(readOnly = true)
	public Queue queue(Scope scope) {
		long me = requireGrader(scope);
		Instant now = clock.instant();
		List<QueueSubject> subjects = new ArrayList<>();
		for (var row : jdbc.sql("""
				SELECT s.plan_id, s.plan_subject_id FROM grading_grader g
				JOIN grading_subject s ON s.plan_subject_id = g.plan_subject_id WHERE g.account_id = ?
				ORDER BY s.plan_id, s.plan_subject_id""")
			.param(me)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()) {
			PlanView plan = plans.require(row[0]);
			String name = plan.subjects().stream().filter(s -> s.id() == row[1]).findFirst().map(Grading::subjectName)
				.orElse("");
			int marked = jdbc.sql("""
					SELECT count(*) FROM grading_mark m JOIN grading_task t ON t.id = m.task_id
					WHERE t.plan_subject_id = ? AND m.grader_id = ? AND m.voided_at IS NULL""")
				.params(row[1], me).query(Integer.class).single();
			int remaining = jdbc.sql("SELECT count(*) FROM grading_task t WHERE t.plan_subject_id = ? AND " + OPEN_FOR_ME)
				.params(row[1], me, me, Timestamp.from(now)).query(Integer.class).single();
			subjects.add(new QueueSubject(plan.id(), plan.name(), row[1], name, marked, remaining));
		}
		return new Queue(subjects, subjects.stream().mapToInt(QueueSubject::markedByMe).sum(),
				subjects.stream().mapToInt(QueueSubject::remaining).sum(), held(me, now).orElse(null));
	}

	/** A task the grader may still mark: open, not marked by them, and a place free among the marks it needs. */
	private static final String OPEN_FOR_ME = """
			t.final_mark IS NULL
			AND NOT EXISTS (SELECT 1 FROM grading_mark m WHERE m.task_id = t.id AND m.grader_id = ? AND m.voided_at IS NULL)
			AND (SELECT count(*) FROM grading_mark m WHERE m.task_id = t.id AND m.voided_at IS NULL)
			  + (SELECT count(*) FROM grading_claim c WHERE c.task_id = t.id AND c.grader_id <> ? AND c.expires_at > ?)
			  < t.marks_needed""";

	/**
	 * The task the grader holds, or the next one they may mark, claimed for {@link #CLAIM} ({@code FOR UPDATE SKIP
	 * LOCKED}: two graders asking at once get different tasks). Empty when nothing is left for them.
	 */
	@Transactional
	public Optional<String> claim(Scope scope) {
		long me = requireGrader(scope);
		Instant now = clock.instant();
		Optional<String> held = held(me, now);
		if (held.isPresent()) {
			return held;
		}
		Optional<Map.Entry<Long, String>> next = jdbc.sql("""
				SELECT t.id, t.code FROM grading_task t
				WHERE t.plan_subject_id IN (SELECT plan_subject_id FROM grading_grader WHERE account_id = ?)""" + " AND "
				+ OPEN_FOR_ME + " ORDER BY t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED")
			.params(me, me, me, Timestamp.from(now))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.optional();
		next.ifPresent(t -> jdbc.sql("""
				INSERT INTO grading_claim (task_id, grader_id, expires_at) VALUES (?, ?, ?)
				ON CONFLICT (task_id, grader_id) DO UPDATE SET expires_at = EXCLUDED.expires_at""")
			.params(t.getKey(), me, Timestamp.from(now.plus(CLAIM)))
			.update());
		return next.map(Map.Entry::getValue);
	}

	private Optional<String> held(long me, Instant now) {
		return jdbc.sql("""
				SELECT t.code FROM grading_claim c JOIN grading_task t ON t.id = c.task_id
				WHERE c.grader_id = ? AND c.expires_at > ? AND t.final_mark IS NULL
				  AND EXISTS (SELECT 1 FROM grading_grader g WHERE g.plan_subject_id = t.plan_subject_id AND g.account_id = ?)
				  AND NOT EXISTS (SELECT 1 FROM grading_mark m WHERE m.task_id = t.id AND m.grader_id = ?
				    AND m.voided_at IS NULL)
				ORDER BY c.expires_at LIMIT 1""")
			.params(me, Timestamp.from(now), me, me)
			.query(String.class)
			.optional();
	}

	/** A task the grader holds (or held) or marked; anything else answers 404. */
	@Transactional(readOnly = true)
	public TaskView task(Scope scope, String code) {
		long me = requireGrader(scope);
		TaskRowData t = visibleTask(me, code, false);
		return view(t, me);
	}

	/** One of the task's files, for a grader who may see the task. */
	@Transactional(readOnly = true)
	public Map.Entry<TaskFile, byte[]> file(Scope scope, String code, int index) {
		long me = requireGrader(scope);
		TaskRowData t = visibleTask(me, code, false);
		return jdbc.sql("SELECT idx, name, size, file_id FROM grading_task_file WHERE task_id = ? AND idx = ?")
			.params(t.id(), index)
			.query((rs, n) -> Map.entry(new TaskFile(rs.getInt(1), rs.getString(2), rs.getLong(3)),
					files.read(rs.getObject(4, UUID.class))))
			.optional()
			.orElseThrow(() -> new NotFoundProblem("文件", index));
	}

	/**
	 * Submits the grader's mark: one score per rubric criterion, 0 to the criterion's points in whole or half points;
	 * the total is their sum. A mark is final for the grader (only the ORG can void it).
	 */
	@Transactional
	public TaskView mark(Scope scope, String code, List<@Nullable BigDecimal> scores, @Nullable String comment) {
		long me = requireGrader(scope);
		TaskRowData t = visibleTask(me, code, true);
		if (t.markedByMe()) {
			throw new DomainException(HttpStatus.CONFLICT, "grading.alreadyMarked");
		}
		int active = jdbc.sql("SELECT count(*) FROM grading_mark WHERE task_id = ? AND voided_at IS NULL")
			.param(t.id()).query(Integer.class).single();
		if (t.finalMark() != null || active >= t.marksNeeded()) {
			throw new DomainException(HttpStatus.CONFLICT, "grading.full");
		}
		List<ItemBody.Criterion> rubric = rubric(t.itemId());
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < rubric.size(); i++) {
			ItemBody.Criterion c = rubric.get(i);
			BigDecimal s = i < scores.size() ? scores.get(i) : null;
			String field = "scores[" + i + "]";
			if (s == null) {
				problems.add(new FieldProblem(field, "grading.score.required", c.text()));
			}
			else if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(c.points())) > 0) {
				problems.add(new FieldProblem(field, "grading.score.range", c.text(), c.points()));
			}
			else if (!MarkingRule.onGrid(s)) {
				problems.add(new FieldProblem(field, "grading.score.step", c.text()));
			}
			else {
				total = total.add(s);
			}
		}
		if (scores.size() > rubric.size()) {
			problems.add(new FieldProblem("scores", "grading.score.count", rubric.size()));
		}
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		if (note != null && note.length() > MAX_COMMENT) {
			problems.add(new FieldProblem("comment", "grading.comment.tooLong", MAX_COMMENT));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		String stored = scores.stream().limit(rubric.size()).map(s -> Objects.requireNonNull(s).setScale(1).toPlainString())
			.collect(Collectors.joining(","));
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO grading_mark (task_id, grader_id, total, scores, comment, marked_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(t.id(), me, total, stored, note, Timestamp.from(now))
			.update();
		jdbc.sql("DELETE FROM grading_claim WHERE task_id = ? AND grader_id = ?").params(t.id(), me).update();
		recompute(t.id());
		audit.record(scope, AuditRecord.of("grading.mark", "GradingTask", code, null, "MARKED",
				"第 " + (active + 1) + " 评：" + total.setScale(1).toPlainString() + " 分（" + stored + "）",
				plans.require(t.planId()).organisationId()));
		return view(visibleTask(me, code, false), me);
	}

	// ---- the score module's view -----------------------------------------------------------------------------------

	/** (package id, ticket) → the candidate's practical marks in a plan subject. */
	Map<String, CandidateMarks> candidateMarks(long planSubjectId) {
		Map<String, CandidateMarks> out = new HashMap<>();
		jdbc.sql("""
				SELECT exam_package_id, ticket_number, coalesce(sum(final_mark), 0), bool_or(final_mark IS NULL)
				FROM grading_task WHERE plan_subject_id = ? GROUP BY exam_package_id, ticket_number""")
			.param(planSubjectId)
			.query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getString(2),
					new CandidateMarks(rs.getBigDecimal(3), rs.getBoolean(4))))
			.list()
			.forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	private record TaskRowData(long id, String code, long planId, long planSubjectId, String itemId, int points,
			int marksNeeded, @Nullable BigDecimal finalMark, @Nullable Instant claimedUntil, boolean markedByMe) {
	}

	private TaskRowData visibleTask(long me, String code, boolean lock) {
		TaskRowData t = jdbc.sql("""
				SELECT t.id, t.code, t.plan_id, t.plan_subject_id, t.item_id, t.item_points, t.marks_needed, t.final_mark,
				  (SELECT c.expires_at FROM grading_claim c WHERE c.task_id = t.id AND c.grader_id = ?),
				  EXISTS (SELECT 1 FROM grading_mark m WHERE m.task_id = t.id AND m.grader_id = ? AND m.voided_at IS NULL)
				FROM grading_task t WHERE t.code = ?
				  AND EXISTS (SELECT 1 FROM grading_grader g WHERE g.plan_subject_id = t.plan_subject_id AND g.account_id = ?)
				""" + (lock ? " FOR UPDATE OF t" : ""))
			.params(me, me, code, me)
			.query((rs, n) -> new TaskRowData(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getBoolean(10)))
			.optional()
			.filter(x -> x.claimedUntil() != null || x.markedByMe())
			.orElseThrow(() -> new NotFoundProblem("阅卷任务", code));
		return t;
	}

	private TaskView view(TaskRowData t, long me) {
		BankItem item = bankItem(t.itemId()).orElseThrow(() -> new NotFoundProblem("阅卷任务", t.code()));
		List<ItemBody.Criterion> rubric = item.body().rubric();
		List<Criterion> criteria = new ArrayList<>();
		for (int i = 0; i < rubric.size(); i++) {
			criteria.add(new Criterion(i, rubric.get(i).text(), rubric.get(i).points()));
		}
		List<TaskFile> taskFiles = jdbc.sql("SELECT idx, name, size FROM grading_task_file WHERE task_id = ? ORDER BY idx")
			.param(t.id())
			.query((rs, n) -> new TaskFile(rs.getInt(1), rs.getString(2), rs.getLong(3)))
			.list();
		MyMark mine = jdbc.sql("""
				SELECT total, scores, comment, marked_at FROM grading_mark WHERE task_id = ? AND grader_id = ?
				  AND voided_at IS NULL""")
			.params(t.id(), me)
			.query((rs, n) -> new MyMark(rs.getBigDecimal(1),
					java.util.Arrays.stream(rs.getString(2).split(",")).map(BigDecimal::new).toList(), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional()
			.orElse(null);
		PlanView plan = plans.require(t.planId());
		String subject = plan.subjects().stream().filter(s -> s.id() == t.planSubjectId()).findFirst()
			.map(Grading::subjectName).orElse("");
		return new TaskView(t.code(), subject, item.body().stem(), item.points(), criteria, taskFiles,
				mine == null ? t.claimedUntil() : null, mine);
	}

	private List<ItemBody.Criterion> rubric(String itemId) {
		return bankItem(itemId).map(i -> i.body().rubric()).orElse(List.of());
	}

	/** Re-applies the rule to a task's (unvoided) marks; the caller holds the task's row lock or its transaction. */
	private void recompute(long taskId) {
		var t = jdbc.sql("SELECT plan_subject_id, item_points FROM grading_task WHERE id = ?").param(taskId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		List<BigDecimal> marks = jdbc.sql("""
				SELECT total FROM grading_mark WHERE task_id = ? AND voided_at IS NULL ORDER BY marked_at, id""")
			.param(taskId).query(BigDecimal.class).list();
		BigDecimal threshold = MarkingRule.threshold((int) t[1], thresholdPercent(t[0]));
		jdbc.sql("UPDATE grading_task SET marks_needed = ?, final_mark = ?, updated_at = ? WHERE id = ?")
			.params(MarkingRule.marksNeeded(marks, threshold), MarkingRule.finalMark(marks, threshold).orElse(null),
					Timestamp.from(clock.instant()), taskId)
			.update();
	}

	private BigDecimal thresholdPercent(long planSubjectId) {
		return jdbc.sql("SELECT threshold_percent FROM grading_subject WHERE plan_subject_id = ?").param(planSubjectId)
			.query(BigDecimal.class).optional().orElse(DEFAULT_THRESHOLD_PERCENT);
	}

	/** The subject's threshold in percent (the default when none was set). */
	@Transactional(readOnly = true)
	public BigDecimal thresholdPercentOf(long planSubjectId) {
		return thresholdPercent(planSubjectId);
	}

	private List<Long> assigned(long planSubjectId) {
		return jdbc.sql("SELECT account_id FROM grading_grader WHERE plan_subject_id = ? ORDER BY account_id")
			.param(planSubjectId).query(Long.class).list();
	}

	private static PlanSubjectView subject(PlanView plan, long planSubjectId) {
		return plan.subjects().stream().filter(s -> s.id() == planSubjectId).findFirst()
			.orElseThrow(() -> new NotFoundProblem("考核科目", planSubjectId));
	}

	static String subjectName(PlanSubjectView s) {
		return s.level().withSubject(s.subjectName());
	}

	private static void requireOrg(Scope scope) {
		if (scope.role() != Role.ORG || scope.organisationId() == null) {
			throw new AccessDeniedProblem("grading.orgOnly");
		}
	}

	private static long requireGrader(Scope scope) {
		if (scope.role() != Role.GRADER || scope.accountId() == null) {
			throw new AccessDeniedProblem("grading.graderOnly");
		}
		return scope.accountId();
	}
}
