package cn.kaowu.platform.bank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.ImportColumns;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量导入试题 into one subject as a job: every row checked by {@link ItemRules} (the reason names the row and the
 * column), the good rows stored in one transaction at the end (all or nothing if the job fails). The failed rows
 * come back as an xlsx with 失败原因; the job row is the import record.
 */
@Component
class ImportItems implements JobHandler {

	/** Form field → header of the template, in column order; {@code *} marks the required ones. */
	static final Map<String, String> COLUMNS = columns();

	static final ImportColumns IMPORT = ImportColumns.of(COLUMNS).alias("options", "选项");

	static final String NOTES = """
			注意说明:
			1. 题型填写 单选、多选、判断 或 实操；难度为 1（易）到 5（难）的整数；分值为 1 到 100 的整数。
			2. 单选、多选题从选项A起依次填写选项（单选至少 2 个，多选至少 3 个，最多 6 个）；答案填写选项字母，多选如 ACD。
			3. 判断题不填选项，答案填写 正确 或 错误。
			4. 实操题的题干填写操作要求，评分标准每条写成“评分要点:分值”，多条用分号隔开，分值之和须等于该题分值；素材文件导入后在页面上传。
			5. 导入的试题进入所选证书等级和科目，状态为启用。""";

	private static final Pattern CRITERION = Pattern.compile("^(.*?)[:：]\\s*(\\d+)\\s*分?$");

	private final BankManagement bank;

	private final ItemStore store;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	ImportItems(BankManagement bank, ItemStore store, ProblemMessages messages, AuditLog audit, TransactionTemplate tx, Clock clock) {
		this.bank = bank;
		this.store = store;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	private static Map<String, String> columns() {
		Map<String, String> c = new LinkedHashMap<>();
		c.put("type", "*题型");
		c.put("knowledgeArea", "*知识点");
		c.put("difficulty", "*难度");
		c.put("points", "*分值");
		c.put("stem", "*题干");
		for (int i = 0; i < ItemRules.MAX_OPTIONS; i++) {
			c.put("option" + i, "选项" + ItemBody.letter(i));
		}
		c.put("answer", "答案");
		c.put("rubric", "评分标准");
		return c;
	}

	@Override
	public String kind() {
		return BankManagement.IMPORT_JOB;
	}

	static byte[] template() {
		return IMPORT.template("试题导入模板", NOTES, field -> switch (field) {
			case "stem" -> 50;
			case "rubric" -> 40;
			case "type", "difficulty", "points", "answer" -> 10;
			default -> 18;
		});
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		String[] ids = context.params().split(":");
		long levelId = Long.parseLong(ids[0]);
		long subjectId = Long.parseLong(ids[1]);
		byte[] content = context.requireInput();
		String fileName = String.valueOf(context.inputName());
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		List<Spreadsheets.FailedRow> failed = new ArrayList<>();
		int total = rows.size();
		int stored = tx.execute(status -> {
			SubjectView subject = bank.subject(scope, levelId, subjectId);
			Instant now = clock.instant();
			int n = 0;
			for (int i = 0; i < rows.size(); i++) {
				SheetRow row = rows.get(i);
				try {
					ItemRules.Values v = ItemRules.check(form(row, levelId, subjectId));
					store.add(scope, subject, v, context.jobId(), now);
					n++;
				}
				catch (InvalidInputProblem e) {
					failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
							messages.text("bank.import.row", row.number()) + IMPORT.reason(e.fieldProblems(), messages)));
				}
				context.progress(i + 1, total);
			}
			audit.record(scope, AuditRecord.of("bank.import", "BankImport", context.jobId(), null, null,
					subject.code() + " " + subject.name() + " " + fileName + "：成功 " + n + " 条，失败 " + failed.size()
							+ " 条",
					subject.organisationId()));
			return n;
		});
		if (!failed.isEmpty()) {
			context.attachReport("导入失败试题.xlsx", Spreadsheets.CONTENT_TYPE,
					Spreadsheets.failedRows(read.headers(), failed));
		}
		context.finish(stored, failed.size(), failed.isEmpty() ? messages.text("bank.import.done", stored)
				: messages.text("bank.import.doneWithFailures", stored, failed.size()));
	}

	static ItemForm form(SheetRow row, long levelId, long subjectId) {
		List<FieldProblem> problems = new ArrayList<>();
		String typeText = row.get("题型").strip();
		ItemForm form = new ItemForm();
		form.setLevelId(levelId);
		form.setSubjectId(subjectId);
		if (!typeText.isEmpty()) {
			ItemType type = ItemType.fromLabel(typeText).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("type", "bank.type.unknown", typeText));
			}
			form.setType(type);
		}
		form.setKnowledgeArea(row.get("知识点"));
		form.setDifficulty(integer(row.get("难度"), "difficulty", problems));
		form.setPoints(integer(row.get("分值"), "points", problems));
		form.setStem(row.get("题干"));
		List<String> options = new ArrayList<>();
		for (int i = 0; i < ItemRules.MAX_OPTIONS; i++) {
			options.add(row.get("选项" + ItemBody.letter(i)));
		}
		form.setOptions(options);
		form.setAnswer(row.get("答案"));
		List<ItemForm.CriterionForm> rubric = new ArrayList<>();
		for (String part : row.get("评分标准").split("[;；\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher m = CRITERION.matcher(part.strip());
			if (!m.matches()) {
				problems.add(new FieldProblem("rubric", "bank.rubric.format", part.strip()));
				continue;
			}
			rubric.add(new ItemForm.CriterionForm(m.group(1).strip(), Integer.valueOf(m.group(2))));
		}
		form.setRubric(rubric);
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return form;
	}

	private static Integer integer(String text, String field, List<FieldProblem> problems) {
		String t = text.strip();
		if (t.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(t.endsWith(".0") ? t.substring(0, t.length() - 2) : t);
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "bank.notNumber", t));
			return null;
		}
	}

}
