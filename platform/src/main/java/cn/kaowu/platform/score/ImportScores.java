package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.spreadsheet.ImportColumns;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 成绩导入 as a job for one plan (subjects marked elsewhere): every row found by 准考证号 and checked against the last
 * four characters of the ID number (the file need not carry whole ID numbers, a typo in the ticket cannot score another
 * person), 科目 by plan subject code, 级别+科目 or the subject's name within the candidate's level; 成绩 0–100 with at most
 * one decimal, or 备注 缺考. A record named twice in the file refuses both rows; a record marked 缺考 stays 缺考. Failed rows
 * come back with 失败原因 naming row and column; the good rows are stored in one transaction (window and lock checked
 * again in it).
 */
@Component
class ImportScores implements JobHandler {

	static final Map<String, String> COLUMNS = columns();

	static final ImportColumns IMPORT = ImportColumns.of(COLUMNS);

	static final String NOTES = """
			注意说明:
			1. 准考证号、身份证号、科目为必填项；身份证号可填写完整号码，或只填后四位（如 123X），与准考证号一起核对考生。
			2. 科目填写本考核计划的科目编码、“级别+科目”（如 初级理论）或科目名称（如 理论）。
			3. 成绩为 0 到 100 之间的数，最多一位小数；缺考的考生成绩不填，备注填写“缺考”。
			4. 每名考生每个科目只能有一行，重复的行均不导入。""";

	private final ScoreManagement scores;

	private final Enrollments enrollments;

	private final ScoreStore store;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	ImportScores(ScoreManagement scores, Enrollments enrollments, ScoreStore store, ProblemMessages messages,
			AuditLog audit, TransactionTemplate tx, Clock clock) {
		this.scores = scores;
		this.enrollments = enrollments;
		this.store = store;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	private static Map<String, String> columns() {
		Map<String, String> c = new LinkedHashMap<>();
		c.put("ticketNumber", "*准考证号");
		c.put("idNumber", "*身份证号");
		c.put("subject", "*科目");
		c.put("score", "成绩");
		c.put("note", "备注");
		return c;
	}

	static byte[] template() {
		return IMPORT.template("成绩导入模板", NOTES, 22, 24, 16, 10, 16);
	}

	@Override
	public String kind() {
		return ScoreManagement.IMPORT_JOB;
	}

	/** A row that passed its own checks, waiting for the duplicate check. */
	private record Good(SheetRow row, Enrollments.Registered record, @Nullable BigDecimal score, boolean absent,
			@Nullable String note) {
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		long planId = Long.parseLong(context.params());
		byte[] content = context.requireInput();
		String fileName = String.valueOf(context.inputName());
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		List<Spreadsheets.FailedRow> failed = new ArrayList<>();
		int total = rows.size();
		int stored = tx.execute(status -> {
			PlanView plan = scores.importablePlan(scope, planId);
			Instant now = clock.instant();
			Map<String, List<Enrollments.Registered>> byTicket = enrollments.registered(planId).stream()
				.filter(r -> r.ticketNumber() != null)
				.collect(Collectors.groupingBy(Enrollments.Registered::ticketNumber));
			Map<Long, ScoreStore.Current> current = store.currentOfPlan(planId);
			List<Good> good = new ArrayList<>();
			Map<Long, List<Integer>> rowsOfRecord = new HashMap<>();
			for (SheetRow row : rows) {
				try {
					Good g = check(row, byTicket, current);
					good.add(g);
					rowsOfRecord.computeIfAbsent(g.record().recordId(), k -> new ArrayList<>()).add(row.number());
				}
				catch (InvalidInputProblem e) {
					failed.add(failedRow(row, e.fieldProblems()));
				}
			}
			int n = 0;
			for (int i = 0; i < good.size(); i++) {
				Good g = good.get(i);
				List<Integer> same = rowsOfRecord.get(g.record().recordId());
				if (same.size() > 1) {
					String others = same.stream().filter(x -> x != g.row().number()).map(String::valueOf)
						.collect(Collectors.joining("、"));
					failed.add(failedRow(g.row(), List.of(new FieldProblem("subject", "score.import.duplicate", others))));
				}
				else {
					store.store(planId, g.record(), g.score(), g.absent(), g.note(), ScoreSource.IMPORT, null, scope, now);
					n++;
				}
				context.progress(i + 1, total);
			}
			failed.sort(java.util.Comparator.comparingInt(Spreadsheets.FailedRow::number));
			audit.record(scope, AuditRecord.of("score.import", "ScoreImport", context.jobId(), null, null,
					plan.name() + " " + fileName + "：成功 " + n + " 条，失败 " + failed.size() + " 条",
					plan.organisationId()));
			return n;
		});
		if (!failed.isEmpty()) {
			context.attachReport("导入失败成绩.xlsx", Spreadsheets.CONTENT_TYPE,
					Spreadsheets.failedRows(read.headers(), failed));
		}
		context.finish(stored, failed.size(), failed.isEmpty() ? messages.text("score.import.done", stored)
				: messages.text("score.import.doneWithFailures", stored, failed.size()));
	}

	private Spreadsheets.FailedRow failedRow(SheetRow row, List<FieldProblem> problems) {
		return new Spreadsheets.FailedRow(row.number(), row.cells(),
				messages.text("score.import.row", row.number()) + IMPORT.reason(problems, messages));
	}

	private static Good check(SheetRow row, Map<String, List<Enrollments.Registered>> byTicket,
			Map<Long, ScoreStore.Current> current) {
		List<FieldProblem> problems = new ArrayList<>();
		String ticket = row.get("准考证号").strip();
		String id = row.get("身份证号").strip();
		String subjectText = row.get("科目").strip();
		String scoreText = row.get("成绩").strip();
		String note = row.get("备注").strip();
		List<Enrollments.Registered> records = List.of();
		if (ticket.isEmpty()) {
			problems.add(new FieldProblem("ticketNumber", "score.import.ticket.required"));
		}
		else {
			records = byTicket.getOrDefault(ticket, List.of());
			if (records.isEmpty()) {
				problems.add(new FieldProblem("ticketNumber", "score.import.ticket.unknown", ticket));
			}
		}
		if (id.isEmpty()) {
			problems.add(new FieldProblem("idNumber", "score.import.id.required"));
		}
		else if (!records.isEmpty() && !idMatches(records.getFirst().idNumber(), id)) {
			problems.add(new FieldProblem("idNumber", "score.import.id.mismatch"));
		}
		Enrollments.Registered record = null;
		if (subjectText.isEmpty()) {
			problems.add(new FieldProblem("subject", "score.import.subject.required"));
		}
		else if (!records.isEmpty()) {
			record = records.stream().filter(r -> matchesSubject(r, subjectText)).findFirst().orElse(null);
			if (record == null) {
				problems.add(new FieldProblem("subject", "score.import.subject.unknown", subjectText));
			}
		}
		boolean absent = ScoreRules.ABSENT_NOTE.equals(note);
		BigDecimal score = null;
		if (absent) {
			if (!scoreText.isEmpty()) {
				problems.add(new FieldProblem("score", "score.import.absentWithScore"));
			}
		}
		else {
			var p = ScoreRules.problem("score", scoreText);
			if (p.isPresent()) {
				problems.add(p.get());
			}
			else {
				score = ScoreRules.parse(scoreText);
			}
			if (record != null && (record.absent() || isAbsent(current.get(record.recordId())))) {
				problems.add(new FieldProblem("score", "score.import.absentStays"));
			}
		}
		if (note.length() > 200) {
			problems.add(new FieldProblem("note", "score.import.note.tooLong", 200));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new Good(row, record, score, absent, absent || note.isEmpty() ? null : note);
	}

	private static boolean isAbsent(ScoreStore.@Nullable Current c) {
		return c != null && c.absent();
	}

	/**
	 * Ticket + the last four characters of the ID number: the cell may hold the whole number, a masked one
	 * ({@code 110101********123X}) or just the last four; a whole unmasked number must be the stored one.
	 */
	static boolean idMatches(String stored, String given) {
		String s = stored.strip().toUpperCase();
		String g = given.strip().toUpperCase();
		if (g.length() < 4 || s.length() < 4) {
			return false;
		}
		if (g.length() > 4 && !g.contains("*")) {
			return g.equals(s);
		}
		return s.substring(s.length() - 4).equals(g.substring(g.length() - 4));
	}

	private static boolean matchesSubject(Enrollments.Registered r, String text) {
		return text.equals(r.subjectCode()) || text.equals(r.level().withSubject(r.subjectName()))
				|| text.equals(r.subjectName());
	}
}
