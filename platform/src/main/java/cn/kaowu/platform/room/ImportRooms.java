package cn.kaowu.platform.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.spreadsheet.ImportColumns;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量导入考场信息 as a job for one plan at one site: every row checked by {@link RoomRules} (the reason names the row
 * and the column), names unique in the file and against the stored rooms, the good rows stored in one transaction
 * at the end. The failed rows come back as an xlsx with 失败原因; the job row is the import record (who, when,
 * counts).
 */
@Component
class ImportRooms implements JobHandler {

	/** Field → header of the template, in column order; {@code *} marks the required ones. */
	static final Map<String, String> COLUMNS = columns();

	static final ImportColumns IMPORT = ImportColumns.of(COLUMNS);

	static final String NOTES = """
			注意说明:
			1. 考场指机房、教室或实训室，考场名称尽量填写其名字，例如：XX教学楼XX室/机房；当天考试用几个考场就设置几个考场，备用考场不设置。
			2. 考场地址、详细地址按实际的考场地址填写。
			3. 考位数按实际考生人数设置（不是机位数），1 到 200 之间的整数。例如：某考点报考 90 人，拟投入 2 个考场，每个考场考位数设置为 45。
			4. 考试科目填写本考核计划的科目编码或“级别+科目”（如 初级理论），多个科目用顿号或逗号隔开；考场类型无需填写，根据考试科目自动生成。""";

	private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");

	private final Rooms rooms;

	private final RoomAccess access;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	ImportRooms(Rooms rooms, RoomAccess access, ProblemMessages messages, AuditLog audit,
			TransactionTemplate tx, Clock clock) {
		this.rooms = rooms;
		this.access = access;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	private static Map<String, String> columns() {
		Map<String, String> c = new LinkedHashMap<>();
		c.put("name", "*考场名称");
		c.put("address", "*考场地址");
		c.put("detailAddress", "详细地址");
		c.put("seats", "*考位数");
		c.put("subjectIds", "*考试科目");
		return c;
	}

	@Override
	public String kind() {
		return RoomManagement.IMPORT_JOB;
	}

	static byte[] template() {
		return IMPORT.template("考场信息导入模板", NOTES, 24, 24, 30, 10, 40);
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		String[] ids = context.params().split(":");
		long planId = Long.parseLong(ids[0]);
		long siteId = Long.parseLong(ids[1]);
		byte[] content = context.requireInput();
		String fileName = String.valueOf(context.inputName());
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		List<Spreadsheets.FailedRow> failed = new ArrayList<>();
		int total = rows.size();
		int stored = tx.execute(status -> {
			RoomAccess.Context c = access.manage(scope, planId, siteId);
			Instant now = clock.instant();
			RoomManagement.requireNotScheduled(c, now);
			Map<String, Long> subjects = subjectLookup(c.plan().subjects());
			Map<String, Integer> seen = new HashMap<>();
			int n = 0;
			for (int i = 0; i < rows.size(); i++) {
				SheetRow row = rows.get(i);
				try {
					RoomForm form = form(row, subjects);
					RoomRules.Values v = RoomManagement.check(c, form);
					Integer first = seen.putIfAbsent(v.name(), row.number());
					if (first != null) {
						throw new InvalidInputProblem("name", "room.import.duplicateInFile", first);
					}
					RoomManagement.insert(rooms, c, v, context.jobId(), now);
					n++;
				}
				catch (InvalidInputProblem e) {
					failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
							messages.text("room.import.row", row.number()) + IMPORT.reason(e.fieldProblems(), messages)));
				}
				context.progress(i + 1, total);
			}
			audit.record(scope, AuditRecord.of("room.import", "RoomImport", context.jobId(), null, null,
					c.plan().name() + " " + c.site().name() + " " + fileName + "：成功 " + n + " 条，失败 " + failed.size()
							+ " 条",
					c.site().collegeId()));
			return n;
		});
		if (!failed.isEmpty()) {
			context.attachReport("导入失败考场.xlsx", Spreadsheets.CONTENT_TYPE,
					Spreadsheets.failedRows(read.headers(), failed));
		}
		context.finish(stored, failed.size(), failed.isEmpty() ? messages.text("room.import.done", stored)
				: messages.text("room.import.doneWithFailures", stored, failed.size()));
	}

	/** Plan subject code and 级别+科目 (初级理论) → plan subject id. */
	static Map<String, Long> subjectLookup(List<PlanSubjectView> subjects) {
		Map<String, Long> lookup = new HashMap<>();
		for (PlanSubjectView s : subjects) {
			lookup.put(s.code(), s.id());
			lookup.put(s.level().withSubject(s.subjectName()), s.id());
		}
		return lookup;
	}

	private static RoomForm form(SheetRow row, Map<String, Long> subjects) {
		List<FieldProblem> problems = new ArrayList<>();
		String seatsText = row.get("考位数").strip();
		Integer seats = null;
		if (!seatsText.isEmpty()) {
			try {
				seats = Integer.valueOf(seatsText.endsWith(".0") ? seatsText.substring(0, seatsText.length() - 2)
						: seatsText);
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("seats", "room.seats.notNumber", seatsText));
			}
		}
		List<Long> ids = new ArrayList<>();
		for (String token : SEPARATORS.split(row.get("考试科目").strip())) {
			if (token.isEmpty()) {
				continue;
			}
			Long id = subjects.get(token);
			if (id == null) {
				problems.add(new FieldProblem("subjectIds", "room.import.subjectUnknown", token));
			}
			else {
				ids.add(id);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		RoomForm form = new RoomForm();
		form.setName(row.get("考场名称"));
		form.setAddress(row.get("考场地址"));
		form.setDetailAddress(row.get("详细地址"));
		form.setSeats(seats);
		form.setSubjectIds(ids);
		return form;
	}

}
