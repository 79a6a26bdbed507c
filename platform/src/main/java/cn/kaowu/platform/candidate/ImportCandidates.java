package cn.kaowu.platform.candidate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.ImportColumns;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量导入考生 as a job: reads the xlsx (streaming), checks every row (a reason per row naming the column), drops
 * duplicates inside the file and against every stored candidate (ID type + number, all colleges), and stores the
 * good rows with one {@code COPY} in one transaction at the end. The failed rows come back as an xlsx with the
 * reason column; the job keeps the counts.
 */
@Component
class ImportCandidates implements JobHandler {

	static final ImportColumns IMPORT = ImportColumns.of(CandidateRules.COLUMNS);

	/** The job parameter suffix of 批量修改. */
	static final String MODIFY = "MODIFY";

	static final String NOTES = """
			注意说明:
			1. 学生姓名、姓名拼音、证件类型、证件号码、手机号码、入学年份、专业层次、就读专业、所属院校, 请按实际情况填写。
			2. 姓名拼音必须填写学生姓名的全拼, 这个后续会印刷在证书上, 一定要确保拼音准确, 填写时姓和名用空格隔开, 首字母大写, 例如: 张三丰, 拼音应该是: Zhang Sanfeng; 库尔班·热合曼, 拼音应该是: Kuerban Rehemani;
			3. 填写信息完成后, 点击批量导入功能, 自动导入到系统
			4. 证件类型填写：身份证、港澳台居民居住证、港澳台身份证、护照；性别填写：男、女；入学年份填写 4 位年份，如 2024；专业层次填写：中职、高职、专科、职业本科、本科等。""";

	private final Candidates candidates;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	ImportCandidates(Candidates candidates, ProblemMessages messages,
			AuditLog audit, TransactionTemplate tx, Clock clock) {
		this.candidates = candidates;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return CandidateManagement.IMPORT_JOB;
	}

	static byte[] template() {
		return IMPORT.template("本校学生导入模板", NOTES, 12, 18, 8, 18, 24, 16, 10, 12, 20, 12);
	}

	/** The outcome of an import, also used by the benchmark. */
	record Outcome(int stored, List<Spreadsheets.FailedRow> failed, List<String> headers) {
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		long collegeId = scope.requireOrganisation();
		CandidateAccess.requireManager(scope, collegeId);
		String[] params = context.params().split(":");
		CandidateKind kind = CandidateKind.valueOf(params[0]);
		boolean modify = params.length > 1 && params[1].equals(MODIFY);
		byte[] content = context.requireInput();
		Outcome outcome = modify
				? modifyRows(scope, collegeId, kind, String.valueOf(context.inputName()), content, context)
				: importRows(scope, collegeId, kind, String.valueOf(context.inputName()), content, context);
		if (!outcome.failed().isEmpty()) {
			context.attachReport("导入失败考生.xlsx", Spreadsheets.CONTENT_TYPE,
					Spreadsheets.failedRows(outcome.headers(), outcome.failed()));
		}
		String list = messages.text(kind.messageKey());
		String done = modify ? "candidate.modify.done" : "candidate.import.done";
		context.finish(outcome.stored(), outcome.failed().size(), outcome.failed().isEmpty()
				? messages.text(done, list)
				: messages.text(done + "WithFailures", list, outcome.failed().size()));
	}

	Outcome importRows(Scope scope, long collegeId, CandidateKind kind, String fileName, byte[] content,
			JobContext progress) {
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		// The rows are the work; the last one counts only once everything is stored.
		int total = rows.size();
		Checked checked = check(rows, progress);
		List<CandidateRules.Values> good = checked.good();
		List<SheetRow> goodRows = checked.goodRows();
		List<Spreadsheets.FailedRow> failed = checked.failed();
		Set<String> existing = candidates.existingIdentities(good);
		List<CandidateRules.Values> toStore = new ArrayList<>(good.size());
		for (int i = 0; i < good.size(); i++) {
			if (existing.contains(good.get(i).identity())) {
				failed.add(new Spreadsheets.FailedRow(goodRows.get(i).number(), goodRows.get(i).cells(),
						messages.text("candidate.import.duplicateStored")));
			}
			else {
				toStore.add(good.get(i));
			}
		}
		failed.sort(java.util.Comparator.comparingInt(Spreadsheets.FailedRow::number));
		var now = clock.instant();
		int stored = tx.execute(status -> {
			int n = candidates.copy(collegeId, kind, toStore, progress.jobId(), now);
			audit.record(scope, AuditRecord.of("candidate.import", "CandidateImport", progress.jobId(), null, null,
					fileName + "：成功 " + n + " 条，失败 " + failed.size() + " 条", collegeId));
			return n;
		});
		progress.progress(total, total);
		return new Outcome(stored, failed, read.headers());
	}

	/**
	 * 批量修改: the same template; each row names an existing candidate of the list by ID type and number and
	 * replaces its other values. After 信息准确 the name may not change (the ID is the key, so it cannot either).
	 * Unknown candidates and invalid rows are reported; the others are updated in one transaction.
	 */
	Outcome modifyRows(Scope scope, long collegeId, CandidateKind kind, String fileName, byte[] content,
			JobContext progress) {
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		int total = rows.size();
		Checked checked = check(rows, progress);
		List<CandidateRules.Values> good = checked.good();
		List<SheetRow> goodRows = checked.goodRows();
		List<Spreadsheets.FailedRow> failed = checked.failed();
		Map<String, Candidates.Row> stored = candidates.byIdentities(collegeId, kind, good);
		List<Long> ids = new ArrayList<>();
		List<CandidateRules.Values> changes = new ArrayList<>();
		for (int i = 0; i < good.size(); i++) {
			CandidateRules.Values v = good.get(i);
			Candidates.Row current = stored.get(v.identity());
			SheetRow row = goodRows.get(i);
			if (current == null) {
				failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
						messages.text("candidate.modify.notFound", messages.text(kind.messageKey()))));
			}
			else if (current.state().identityLocked() && !current.name().equals(v.name())) {
				failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
						IMPORT.name("name") + "：" + messages.text("candidate.locked")));
			}
			else {
				ids.add(current.id());
				changes.add(v);
			}
		}
		failed.sort(java.util.Comparator.comparingInt(Spreadsheets.FailedRow::number));
		var now = clock.instant();
		int updated = tx.execute(status -> {
			int n = candidates.updateAll(ids, changes, now);
			audit.record(scope, AuditRecord.of("candidate.modify", "CandidateImport", progress.jobId(), null, null,
					fileName + "：修改 " + n + " 条，失败 " + failed.size() + " 条", collegeId));
			return n;
		});
		progress.progress(total, total);
		return new Outcome(updated, failed, read.headers());
	}

	/** The rows that pass every check (and are not repeated in the file), and the others with their reason. */
	private record Checked(List<CandidateRules.Values> good, List<SheetRow> goodRows,
			List<Spreadsheets.FailedRow> failed) {
	}

	private Checked check(List<SheetRow> rows, JobContext progress) {
		int year = CandidateRules.currentYear(clock);
		Map<String, Integer> seen = new HashMap<>();
		List<CandidateRules.Values> good = new ArrayList<>(rows.size());
		List<SheetRow> goodRows = new ArrayList<>(rows.size());
		List<Spreadsheets.FailedRow> failed = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			SheetRow row = rows.get(i);
			CandidateRules.Checked checked = CandidateRules.check(input(row), year);
			if (checked.values() == null) {
				failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(), IMPORT.reason(checked.problems(), messages)));
			}
			else {
				Integer first = seen.putIfAbsent(checked.values().identity(), row.number());
				if (first != null) {
					failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
							messages.text("candidate.import.duplicateInFile", first)));
				}
				else {
					good.add(checked.values());
					goodRows.add(row);
				}
			}
			if ((i & 255) == 0) {
				progress.progress(i, rows.size());
			}
		}
		return new Checked(good, goodRows, failed);
	}


	private static CandidateRules.Input input(SheetRow r) {
		return new CandidateRules.Input(r.get("学生姓名"), r.get("姓名拼音"), r.get("性别"), r.get("证件类型"),
				r.get("证件号码"), r.get("手机号码"), r.get("入学年份"), r.get("专业层次"), r.get("就读专业"), r.get("专业代码"));
	}

}
