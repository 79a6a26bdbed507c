package cn.kaowu.platform.bank;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The question bank against the real database: CRUD and versions, scope, encryption at rest, import, blueprints. */
@IntegrationTest
class BankIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	AdjustableClock clock;

	@Autowired
	BankManagement bank;

	@Autowired
	QuestionBank questionBank;

	@Autowired
	Jobs jobs;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	PilotMother.Setting s;

	Scope org;

	LevelView junior;

	SubjectView theory;

	SubjectView practice;

	@BeforeEach
	void setting() {
		s = new PilotMother(world, pilot, catalog, clock).setting();
		org = s.orgScope();
		junior = s.certificate().levels().getFirst();
		theory = junior.subjects().stream().filter(x -> x.name().endsWith("理论")).findFirst().orElseThrow();
		practice = junior.subjects().stream().filter(x -> x.name().endsWith("实操")).findFirst().orElseThrow();
	}

	ItemForm single(String stem, String area, int points) {
		return ItemForm.objective(junior.id(), theory.id(), ItemType.SINGLE, area, 2, points, stem,
				List.of("淘宝", "京东", "拼多多", ""), "B");
	}

	@Test
	void anItemIsAddedEditedIntoVersionsRetiredAndAudited() {
		ItemView created = bank.create(org, single("以下哪个平台属于自营电商？", "网店开设", 2));
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.status()).isEqualTo(ItemStatus.ACTIVE);
		assertThat(created.body().options()).containsExactly("淘宝", "京东", "拼多多");
		assertThat(created.code()).startsWith("T");

		ItemForm edit = ItemForm.of(created);
		edit.setStem("以下哪个平台以自营为主？");
		edit.setAnswer("b");
		ItemView v2 = bank.update(org, created.id(), edit);
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.body().stem()).isEqualTo("以下哪个平台以自营为主？");
		// saving the same again stores nothing
		assertThat(bank.update(org, created.id(), ItemForm.of(v2)).version()).isEqualTo(2);
		// an edit from version 1 after version 2 was stored is refused
		assertThatThrownBy(() -> bank.update(org, created.id(), edit)).isInstanceOf(OptimisticLockingFailureException.class);

		assertThat(bank.history(org, created.id())).extracting(ItemVersionView::version, v -> v.body().stem())
			.containsExactly(tuple(2, "以下哪个平台以自营为主？"), tuple(1, "以下哪个平台属于自营电商？"));
		assertThat(questionBank.item(created.id(), 1).orElseThrow().body().stem()).isEqualTo("以下哪个平台属于自营电商？");

		assertThat(bank.retire(org, created.id()).status()).isEqualTo(ItemStatus.RETIRED);
		assertThat(questionBank.activeItems(junior.id(), theory.id())).isEmpty();
		assertThat(bank.list(org, new ItemFilter(null, theory.id(), ItemType.SINGLE, "网店开设", ItemStatus.RETIRED),
				PageQuery.of(1, 10)).items()).extracting(ItemView::id).containsExactly(created.id());
		assertThat(bank.reactivate(org, created.id()).status()).isEqualTo(ItemStatus.ACTIVE);
		assertThat(questionBank.activeItems(junior.id(), theory.id())).extracting(BankItem::id, BankItem::version)
			.containsExactly(tuple(created.id(), 2));

		List<AuditEntry> entries = audit.list(org, "BankItem", String.valueOf(created.id()), PageQuery.of(1, 20)).items();
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly("bank.item.reactivate", "bank.item.retire", "bank.item.update", "bank.item.create");
		assertThat(entries).allSatisfy(e -> assertThat(e.detail()).contains(created.code()).doesNotContain("自营"));
	}

	@Test
	void aPracticalTaskKeepsItsRubricAndAttachments() {
		ItemBody.Attachment file = bank.storeAttachment(org, "素材.pdf",
				"%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
		ItemForm form = ItemForm.practical(junior.id(), practice.id(), "店铺装修", 4, 60, "完成店铺首页装修",
				List.of(new ItemBody.Criterion("首页布局合理", 20), new ItemBody.Criterion("商品图片清晰", 40)));
		form.setAttachments(List.of(file));
		ItemView task = bank.create(org, form);
		assertThat(task.body().rubric()).extracting(ItemBody.Criterion::points).containsExactly(20, 40);
		assertThat(bank.attachment(org, task.id(), file.fileId()).originalName()).isEqualTo("素材.pdf");
		Scope other = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> bank.attachment(other, task.id(), file.fileId())).isInstanceOf(NotFoundProblem.class);

		ItemForm wrong = ItemForm.of(task);
		wrong.setPoints(50);
		assertThatThrownBy(() -> bank.update(org, task.id(), wrong)).isInstanceOfSatisfying(InvalidInputProblem.class,
				e -> assertThat(e.fieldProblems()).extracting(p -> p.messageKey()).containsExactly("bank.rubric.sum"));
	}

	@Test
	void onlyTheOwningOrgSeesTheBank() {
		ItemView item = bank.create(org, single("题干", "网店开设", 2));
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> bank.get(otherOrg, item.id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> bank.history(otherOrg, item.id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> bank.update(otherOrg, item.id(), ItemForm.of(item))).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> bank.retire(otherOrg, item.id())).isInstanceOf(NotFoundProblem.class);
		assertThatThrownBy(() -> bank.blueprint(otherOrg, junior.id(), theory.id())).isInstanceOf(NotFoundProblem.class);
		assertThat(bank.list(otherOrg, ItemFilter.none(), PageQuery.of(1, 100)).items()).extracting(ItemView::id)
			.doesNotContain(item.id());
		// another ORG cannot put items into this certificate
		ItemForm intoTheirs = single("题干", "网店开设", 2);
		assertThatThrownBy(() -> bank.create(otherOrg, intoTheirs)).isInstanceOfSatisfying(InvalidInputProblem.class,
				e -> assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactly("subjectId"));

		for (Scope reader : List.of(s.collegeScope(), s.provinceScope(), world.scopeOf(world.admin()))) {
			assertThatThrownBy(() -> bank.list(reader, ItemFilter.none(), PageQuery.of(1, 10)))
				.isInstanceOf(AccessDeniedProblem.class);
			assertThatThrownBy(() -> bank.get(reader, item.id())).isInstanceOf(NotFoundProblem.class);
		}
		ApiClient college = new ApiClient(port).login(s.collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(college.get("/api/v1/bank/items").status()).isEqualTo(403);
		assertThat(college.get("/api/v1/bank/items/" + item.id()).status()).isEqualTo(404);
		ApiClient owner = new ApiClient(port).login(s.orgAccount().username(), TestWorld.PASSWORD);
		assertThat(owner.get("/api/v1/bank/items/" + item.id()).body().path("body").path("stem").asString())
			.isEqualTo("题干");
	}

	@Test
	void theDatabaseHoldsOnlyCiphertextOfWhatAnItemSays() {
		String stem = "网店客服首次响应时间一般不超过多少秒？" + UUID.randomUUID();
		ItemView item = bank.create(org, ItemForm.objective(junior.id(), theory.id(), ItemType.SINGLE, "客户服务", 3, 2,
				stem, List.of("十五秒以内作答", "三十秒以内作答"), "A"));
		Map<String, Object> raw = jdbc.sql("SELECT * FROM bank_item_version WHERE item_id = ?")
			.param(item.id())
			.query()
			.singleRow();
		byte[] body = (byte[]) raw.get("body");
		String asText = new String(body, StandardCharsets.UTF_8) + new String(body, StandardCharsets.UTF_16LE);
		assertThat(asText).doesNotContain(stem).doesNotContain("十五秒").doesNotContain("stem");
		assertThat(body.length).isGreaterThan(12 + 16);
		// no column of either table holds the stem as text
		String dump = jdbc.sql("SELECT i::text || v.item_id || v.key_id || encode(v.body, 'escape') FROM bank_item i "
				+ "JOIN bank_item_version v ON v.item_id = i.id WHERE i.id = ?")
			.param(item.id())
			.query(String.class)
			.single();
		assertThat(dump).doesNotContain(stem).doesNotContain("十五秒");
		assertThat(bank.get(org, item.id()).body().stem()).isEqualTo(stem);
	}

	@Test
	void anImportStoresTheGoodRowsAndReportsTheBadOneByRowAndColumn() throws Exception {
		List<List<String>> rows = List.of(
				List.of("单选", "网店开设", "2", "2", "个人开店需要提供什么证件？", "身份证", "户口本", "", "", "", "", "A", ""),
				List.of("多选", "网店开设", "3", "2", "以下哪些是电商平台？", "淘宝", "京东", "拼多多", "", "", "", "A", ""),
				List.of("判断", "网店推广", "1", "1", "直通车按点击付费。", "", "", "", "", "", "", "正确", ""),
				List.of("实操", "店铺装修", "4", "60", "完成店铺首页装修", "", "", "", "", "", "", "", "首页布局:20；商品图片:40"));
		byte[] file = Spreadsheets.sheet("试题",
				ImportItems.COLUMNS.values().stream().map(h -> new Spreadsheets.Column(h, 12)).toList(), rows);
		Multipart upload = new Multipart(port, s.orgAccount().username(), TestWorld.PASSWORD);
		var r = upload.post("/api/v1/bank/import?levelId=" + junior.id() + "&subjectId=" + theory.id(), Map.of(),
				"试题.xlsx", file);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
		JobView job = await(UUID.fromString(r.body().path("id").asString()));
		assertThat(job.succeeded()).isEqualTo(3);
		assertThat(job.failed()).isEqualTo(1);
		List<List<String>> report = report(job);
		assertThat(report.get(1).get(4)).isEqualTo("以下哪些是电商平台？");
		assertThat(report.get(1).get(13)).isEqualTo("第 3 行，答案：多选题至少需要两个正确答案");
		assertThat(bank.list(org, new ItemFilter(junior.id(), theory.id(), null, null, null), PageQuery.of(1, 10)).items())
			.extracting(ItemView::type, ItemView::knowledgeArea)
			.containsExactly(tuple(ItemType.PRACTICAL, "店铺装修"), tuple(ItemType.TRUE_FALSE, "网店推广"),
					tuple(ItemType.SINGLE, "网店开设"));
		assertThat(upload.download("/api/v1/bank/template.xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void aBlueprintIsCheckedAgainstTheActiveItemsAndTheFullMarks() {
		for (int i = 0; i < 3; i++) {
			bank.create(org, single("单选题 " + i, "网店开设", 20));
		}
		ItemView last = bank.create(org, single("单选题 3", "网店开设", 20));
		bank.create(org, ItemForm.objective(junior.id(), theory.id(), ItemType.TRUE_FALSE, "网店推广", 1, 10, "判断题",
				List.of(), "错误"));
		BlueprintForm form = BlueprintForm.of(List.of(new Blueprint.Line(ItemType.SINGLE, "网店开设", 4, 20),
				new Blueprint.Line(ItemType.TRUE_FALSE, "网店推广", 2, 10)));
		Blueprint saved = bank.saveBlueprint(org, junior.id(), theory.id(), form);
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.totalPoints()).isEqualTo(100);
		BlueprintCheck check = bank.check(org, junior.id(), theory.id());
		assertThat(check.pointsOk()).isTrue();
		assertThat(check.lines()).extracting(BlueprintCheck.LineCheck::available, BlueprintCheck.LineCheck::ok)
			.containsExactly(tuple(4, true), tuple(1, false));
		assertThat(check.satisfied()).isFalse();

		bank.create(org, ItemForm.objective(junior.id(), theory.id(), ItemType.TRUE_FALSE, "网店推广", 1, 10, "判断题二",
				List.of(), "正确"));
		assertThat(bank.check(org, junior.id(), theory.id()).satisfied()).isTrue();
		assertThat(questionBank.check(junior.id(), theory.id()).satisfied()).isTrue();
		assertThat(questionBank.blueprint(junior.id(), theory.id()).orElseThrow().lines()).hasSize(2);
		// a retired item no longer counts
		bank.retire(org, last.id());
		assertThat(bank.check(org, junior.id(), theory.id()).satisfied()).isFalse();

		// saving from a stale version is refused; from the current one it replaces the lines
		form.setVersion(0);
		assertThatThrownBy(() -> bank.saveBlueprint(org, junior.id(), theory.id(), form))
			.isInstanceOf(OptimisticLockingFailureException.class);
		BlueprintForm next = BlueprintForm.of(List.of(new Blueprint.Line(ItemType.SINGLE, "网店开设", 3, 20)));
		next.setVersion(1);
		Blueprint shorter = bank.saveBlueprint(org, junior.id(), theory.id(), next);
		assertThat(shorter.version()).isEqualTo(2);
		BlueprintCheck c = bank.check(org, junior.id(), theory.id());
		assertThat(c.itemsOk()).isTrue();
		assertThat(c.totalPoints()).isEqualTo(60);
		assertThat(c.satisfied()).isFalse();

		ApiClient api = new ApiClient(port).login(s.orgAccount().username(), TestWorld.PASSWORD);
		var r = api.get("/api/v1/bank/blueprints/check?levelId=" + junior.id() + "&subjectId=" + theory.id());
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().path("totalPoints").asInt()).isEqualTo(60);
		var bad = api.put("/api/v1/bank/blueprints?levelId=" + junior.id() + "&subjectId=" + theory.id(),
				Map.of("lines", List.of(Map.of("type", "SINGLE", "knowledgeArea", "", "count", 1, "points", 1))));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.fieldError("lines")).isEqualTo("第 1 行：请填写知识点");
	}

	JobView await(UUID id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(org, id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish: " + id);
	}

	List<List<String>> report(JobView job) throws Exception {
		byte[] report = jobs.read(jobs.file(org, job.id(), "report"));
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
			for (Row row : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(row.getCellText(i));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
