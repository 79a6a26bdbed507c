package cn.kaowu.platform.enrollment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.Registrant;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.ImportColumns;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.springframework.stereotype.Component;

/**
 * 批量导入报考 · 按证书导入 as a job against one plan: reads the xlsx (streaming), matches every row to a verified
 * candidate of the college, a level of the plan and an active site of its certificate (a reason per row naming the
 * column), drops repeated candidates, then hands the rest to the {@link Registrar}, which stores them with one
 * {@code COPY} in one transaction or rejects them (already registered, over the quota). Failed rows come back as an
 * xlsx with 失败原因.
 */
@Component
class ImportRegistrations implements JobHandler {

	/** The template's columns (DOMAIN.md §7, 004 ch.3 §4 1.2), by field. */
	static final Map<String, String> COLUMNS = columns();

	static final ImportColumns IMPORT = ImportColumns.of(COLUMNS);

	static final String NOTES = """
			注意事项:
			1. 院校考生为省厅批复的本年度试点专业考生，且报考人数不能超过本年度试点申报规模；社会考生为非本年度内试点专业考生、超出了试点专业规模考生、非试点院校考生及其他社会考生。
			2. 报名的考生需已通过“考务管理-考生管理”栏目上传到对应的栏目，且上传信息已认证通过。
			3. 考生类型填写：院校考生、社会考生；证书编号为 16 位证书等级编号（如 1530003007010027）；证书等级填写：初级、中级、高级。
			4. 考核站点编号、考核站点名称见“考务管理-考核站点”栏目；可以填写其他院校的考核站点（借考）。
			5. 导入时先选择对应的考核计划；一名考生报考一个证书等级，系统为该等级的每个科目（理论、实操）各生成一条报考记录。""";

	private static Map<String, String> columns() {
		Map<String, String> c = new LinkedHashMap<>();
		c.put("name", "*考生姓名");
		c.put("idNumber", "*证件号码");
		c.put("kind", "*考生类型");
		c.put("levelCode", "*证书编号");
		c.put("certificate", "*报考证书");
		c.put("level", "*证书等级");
		c.put("siteCode", "*考核站点编号");
		c.put("siteName", "*考核站点");
		return c;
	}

	private final Registrar registrar;

	private final CandidateManagement candidates;

	private final ExamPlans plans;

	private final ExamSites sites;

	private final CatalogManagement catalog;

	private final EnrollmentAccess access;

	private final ProblemMessages messages;

	ImportRegistrations(Registrar registrar, CandidateManagement candidates, ExamPlans plans, ExamSites sites,
			CatalogManagement catalog, EnrollmentAccess access, ProblemMessages messages) {
		this.registrar = registrar;
		this.candidates = candidates;
		this.plans = plans;
		this.sites = sites;
		this.catalog = catalog;
		this.access = access;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return EnrollmentManagement.IMPORT_JOB;
	}

	static byte[] template() {
		return IMPORT.template("按证书批量导入报考模板", NOTES, 12, 22, 10, 20, 30, 10, 18, 30);
	}

	/** The outcome of an import, also used by the benchmark. */
	record Outcome(int candidates, int records, List<Spreadsheets.FailedRow> failed, List<String> headers) {
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		OrganisationView college = access.ownCollege(scope);
		PlanView plan = plans.require(Long.parseLong(context.params()));
		byte[] content = context.requireInput();
		Outcome outcome = importRows(scope, college, plan, String.valueOf(context.inputName()), content, context);
		if (!outcome.failed().isEmpty()) {
			context.attachReport("报考导入失败记录.xlsx", Spreadsheets.CONTENT_TYPE,
					Spreadsheets.failedRows(outcome.headers(), outcome.failed()));
		}
		context.finish(outcome.candidates(), outcome.failed().size(), outcome.failed().isEmpty()
				? messages.text("enrollment.import.done", outcome.candidates(), outcome.records())
				: messages.text("enrollment.import.doneWithFailures", outcome.candidates(), outcome.records(),
						outcome.failed().size()));
	}

	Outcome importRows(Scope scope, OrganisationView college, PlanView plan, String fileName, byte[] content,
			JobContext progress) {
		List<SheetRow> rows = new ArrayList<>();
		var read = Spreadsheets.read("file", fileName, content, IMPORT.headers(), rows::add);
		int total = rows.size();

		Set<String> numbers = new HashSet<>();
		rows.forEach(r -> numbers.add(r.get("证件号码").toUpperCase(java.util.Locale.ROOT)));
		Map<String, List<Registrant>> byNumber = candidates.registrants(college.id(), numbers);
		Map<String, PlanLevel> levelsByCode = levelsByCode(plan);
		Map<String, Optional<SiteView>> sitesByCode = new HashMap<>();

		List<Spreadsheets.FailedRow> failed = new ArrayList<>();
		Map<Integer, SheetRow> byNumberOfRow = new HashMap<>();
		Map<Long, Integer> seen = new HashMap<>();
		List<Registrar.Request> requests = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			SheetRow row = rows.get(i);
			byNumberOfRow.put(row.number(), row);
			List<FieldProblem> problems = new ArrayList<>();
			Registrar.Request request = match(row, plan, byNumber, levelsByCode, sitesByCode, problems);
			if (request == null) {
				failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(), IMPORT.reason(problems, messages)));
			}
			else {
				Integer first = seen.putIfAbsent(request.candidate().id(), row.number());
				if (first != null) {
					failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(),
							messages.text("enrollment.import.duplicateInFile", first)));
				}
				else {
					requests.add(request);
				}
			}
			if ((i & 255) == 0) {
				progress.progress(i, total);
			}
		}
		Registrar.Outcome outcome = registrar.register(scope, college, plan, requests, progress.jobId(), fileName);
		for (Registrar.Rejection r : outcome.rejected()) {
			SheetRow row = byNumberOfRow.get(r.row());
			failed.add(new Spreadsheets.FailedRow(row.number(), row.cells(), messages.text(r.messageKey(), r.args())));
		}
		failed.sort(Comparator.comparingInt(Spreadsheets.FailedRow::number));
		progress.progress(total, total);
		return new Outcome(outcome.candidates(), outcome.records(), failed, read.headers());
	}

	/** The row as a request, or {@code null} with the problems added. */
	private Registrar.@org.jspecify.annotations.Nullable Request match(SheetRow row, PlanView plan,
			Map<String, List<Registrant>> byNumber, Map<String, PlanLevel> levelsByCode,
			Map<String, Optional<SiteView>> sitesByCode, List<FieldProblem> problems) {
		for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
			if (row.get(column.getValue()).isEmpty()) {
				problems.add(new FieldProblem(column.getKey(), "enrollment.error.required"));
			}
		}
		if (!problems.isEmpty()) {
			return null;
		}
		CandidateKind kind = kind(row.get("考生类型"));
		if (kind == null) {
			problems.add(new FieldProblem("kind", "enrollment.error.kind"));
		}
		Registrant candidate = null;
		if (kind != null) {
			candidate = byNumber.getOrDefault(row.get("证件号码").toUpperCase(java.util.Locale.ROOT), List.of())
				.stream()
				.filter(c -> c.kind() == kind)
				.findFirst()
				.or(() -> byNumber.getOrDefault(row.get("证件号码").toUpperCase(java.util.Locale.ROOT), List.of())
					.stream()
					.findFirst())
				.orElse(null);
			if (candidate == null) {
				problems.add(new FieldProblem("idNumber", "enrollment.error.noCandidate"));
			}
			else {
				EnrollmentRules.candidate(candidate, kind, row.get("考生姓名")).ifPresent(problems::add);
			}
		}
		PlanLevel level = levelsByCode.get(row.get("证书编号"));
		if (level == null) {
			problems.add(new FieldProblem("levelCode", "enrollment.error.levelNotInPlan", plan.name()));
		}
		else {
			if (!EnrollmentRules.sameCertificate(row.get("报考证书"), plan.certificateName())) {
				problems.add(new FieldProblem("certificate", "enrollment.error.certificate", plan.certificateName()));
			}
			if (!row.get("证书等级").equals(level.level().label())) {
				problems.add(new FieldProblem("level", "enrollment.error.level", level.level().label()));
			}
		}
		String code = row.get("考核站点编号");
		Optional<SiteView> site = sitesByCode.computeIfAbsent(code, sites::findByCode);
		if (site.isEmpty()) {
			problems.add(new FieldProblem("siteCode", "enrollment.error.noSite", code));
		}
		else {
			if (!site.get().name().equals(row.get("考核站点"))) {
				problems.add(new FieldProblem("siteName", "enrollment.error.siteName", site.get().name()));
			}
			EnrollmentRules.site(site.get(), plan).ifPresent(problems::add);
		}
		if (!problems.isEmpty() || candidate == null || level == null) {
			return null;
		}
		return new Registrar.Request(row.number(), candidate, level, site.get());
	}

	/** The plan's levels by their 16-digit catalogue code. */
	Map<String, PlanLevel> levelsByCode(PlanView plan) {
		Map<String, PlanLevel> byCode = new HashMap<>();
		for (PlanLevel l : plan.levels()) {
			catalog.findLevel(l.levelId()).ifPresent(v -> byCode.put(v.code(), l));
		}
		return byCode;
	}

	private static @org.jspecify.annotations.Nullable CandidateKind kind(String text) {
		return switch (text) {
			case "院校考生" -> CandidateKind.COLLEGE;
			case "社会考生" -> CandidateKind.SOCIAL;
			default -> null;
		};
	}

}
