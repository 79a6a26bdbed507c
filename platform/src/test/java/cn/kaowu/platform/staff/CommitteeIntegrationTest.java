package cn.kaowu.platform.staff;

import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exam committees and responsibility letters through the API and the pages: what is refused, which violations
 * appear and disappear, the recusal check for candidates, and uploads checked by content.
 */
@IntegrationTest
class CommitteeIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CommitteeManagement committees;

	@Autowired
	AuditLog audit;

	OrganisationView college;

	AccountView admin;

	ApiClient a;

	long certificateId;

	final Map<String, Long> staff = new HashMap<>();

	final Map<String, String> ids = new HashMap<>();

	@BeforeEach
	void aCollegeWithFiveStaffAndACertificate() {
		college = world.college(world.province());
		admin = world.account(Role.COLLEGE_ADMIN, college);
		a = new ApiClient(port).login(admin.username(), TestWorld.PASSWORD);
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		certificateId = catalog.createCertificate(world.scopeOf(org), CertificateForm.of(TestWorld.unique("测试证书")))
			.id();
		add("王主任", StaffRole.SITE_HEAD, 8);
		add("陈老师", StaffRole.EXAM_MANAGER, 1);
		add("刘老师", StaffRole.EXAM_MANAGER, 0.99);
		add("赵工", StaffRole.TECHNICAL, 2);
		add("孙师傅", StaffRole.LOGISTICS, 3);
	}

	@Test
	void aCommitteeIsBuiltStepByStepAndTheViolationsFollow() {
		var created = a.post("/api/v1/staff/committees", Map.of("certificateId", certificateId));
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().path("id").asLong();
		assertThat(messages(created.body())).containsExactly("考评组尚无成员（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"考务组尚无成员（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"技术组尚无成员（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"巡视组尚无成员（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"仲裁组尚无成员（依据：《考核站点遴选条件与建设标准》（三）组织机构）");
		var again = a.post("/api/v1/staff/committees", Map.of("certificateId", certificateId));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.fieldError("certificateId")).endsWith("的考核委员会已经组建");

		// Refusals: an external person in a staff-only group, someone twice, a deactivated person, another college's staff.
		var external = a.post(members(id), Map.of("group", "GRADING", "externalName", "外人", "externalOrganisation",
				"某大学", "externalYears", 3));
		assertThat(external.status()).isEqualTo(422);
		assertThat(external.fieldError("staffId")).isEqualTo("考评组成员须从本校考务人员信息库中选择");
		assertThat(a.post(members(id), member("GRADING", "陈老师", true)).status()).isEqualTo(201);
		var twice = a.post(members(id), member("GRADING", "陈老师", false));
		assertThat(twice.fieldError("staffId")).isEqualTo("“陈老师”已在考评组中");
		a.post("/api/v1/staff/" + staff.get("孙师傅") + "/deactivate", Map.of());
		assertThat(a.post(members(id), member("TECHNICAL", "孙师傅", false)).fieldError("staffId"))
			.isEqualTo("“孙师傅”已停用，不能加入考核委员会");
		a.post("/api/v1/staff/" + staff.get("孙师傅") + "/activate", Map.of());
		ApiClient other = new ApiClient(port)
			.login(world.account(Role.COLLEGE_ADMIN, world.college(world.province())).username(), TestWorld.PASSWORD);
		long foreign = other.post("/api/v1/staff", StaffMother.staff("外校", StaffRole.OTHER, StaffMother.idNumber()))
			.body()
			.path("id")
			.asLong();
		assertThat(a.post(members(id), Map.of("group", "TECHNICAL", "staffId", foreign)).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/staff/committees/" + id).status()).isEqualTo(404);
		assertThat(other.post(members(id), member("TECHNICAL", "赵工", true)).status()).isEqualTo(404);
		var noGroup = a.post(members(id), Map.of("externalName", "某人"));
		assertThat(noGroup.fieldError("group")).isEqualTo("请选择小组");
		var incomplete = a.post(members(id), Map.of("group", "PATROL", "externalName", ""));
		assertThat(incomplete.fieldError("externalName")).isEqualTo("请填写外派人员姓名或选择考务人员");
		assertThat(incomplete.fieldError("externalOrganisation")).isEqualTo("请填写外派人员所在单位");
		assertThat(incomplete.fieldError("externalYears")).isEqualTo("请填写外派人员的相关工作年限");

		a.post(members(id), member("AFFAIRS", "刘老师", true));
		a.post(members(id), member("TECHNICAL", "赵工", true));
		a.post(members(id), externalMember("PATROL", "钱巡视", "北京鸿科经纬科技有限公司", 1.99, true));
		a.post(members(id), externalMember("ARBITRATION", "黄仲裁", "外校职业学院", 6, true));
		JsonNode after = a.post(members(id), externalMember("ARBITRATION", "林仲裁", "另一职业学院", 3, false)).body();
		assertThat(messages(after)).containsExactly(
				"考务组组长“刘老师”的相关工作经验为 0.99 年，应在 1 年以上（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"巡视组组长“钱巡视”的相关工作经验为 1.99 年，应在 2 年以上（依据：《考核站点遴选条件与建设标准》（三）组织机构）",
				"仲裁组现有 2 人，人数须为奇数（依据：《考核站点遴选条件与建设标准》（三）5. 仲裁组）");

		// Own college people in the patrol group breach recusal, shown on the page too.
		a.post(members(id), member("PATROL", "孙师傅", false));
		JsonNode check = a.get("/api/v1/staff/committees/" + id + "/violations").body();
		assertThat(check.valueStream().map(v -> v.path("message").asString()))
			.contains("巡视组成员“孙师傅”来自本站点院校（" + college.name()
					+ "），须由外派人员担任（依据：《考核站点遴选条件与建设标准》（三）组织机构，回避原则）");
		WebSession web = new WebSession(port);
		web.login(admin.username(), TestWorld.PASSWORD);
		String page = web.get("/staff/committees/" + id).body();
		assertThat(page).contains("仲裁组现有 2 人，人数须为奇数", "来自本站点院校", "tag tag-danger", "钱巡视", "添加成员");

		// Fixing: a third arbitrator, the affairs leader replaced, the patrol member removed, the patrol leader replaced.
		a.post(members(id), externalMember("ARBITRATION", "周仲裁", "第三职业学院", 2, false));
		long chen = memberId(a.get("/api/v1/staff/committees/" + id).body(), "AFFAIRS", null);
		a.post(members(id), member("AFFAIRS", "陈老师", true));
		JsonNode current = a.get("/api/v1/staff/committees/" + id).body();
		a.delete(members(id) + "/" + memberId(current, "PATROL", "孙师傅"));
		a.post(members(id), externalMember("PATROL", "吴巡视", "北京鸿科经纬科技有限公司", 2, true));
		JsonNode fixed = a.get("/api/v1/staff/committees/" + id).body();
		assertThat(messages(fixed)).isEmpty();
		assertThat(committees.check(college.id(), certificateId)).isEmpty();
		assertThat(chen).isPositive();
		assertThat(web.get("/staff/committees/" + id).body()).contains("未发现问题，考务人员与考核委员会符合要求。");

		// Deactivating a member or dropping below five staff shows again.
		a.post("/api/v1/staff/" + staff.get("孙师傅") + "/deactivate", Map.of());
		assertThat(committees.check(college.id(), certificateId)).extracting(StaffViolation::rule)
			.containsExactly(StaffViolation.Rule.STAFF_COUNT, StaffViolation.Rule.STAFF_ROLES);

		List<String> actions = audit.list(Scope.system(), "ExamCommittee", String.valueOf(id), PageQuery.of(1, 50))
			.items()
			.stream()
			.map(AuditEntry::action)
			.distinct()
			.toList();
		assertThat(actions).contains("staff.committee.create", "staff.committee.member.add",
				"staff.committee.member.remove");
	}

	@Test
	void membersWithARelativeAmongTheCandidatesAreFound() {
		long id = a.post("/api/v1/staff/committees", Map.of("certificateId", certificateId)).body().path("id").asLong();
		a.post(members(id), member("AFFAIRS", "陈老师", true));
		String child = StaffMother.idNumber();
		assertThat(a.post("/api/v1/staff/" + staff.get("陈老师") + "/relatives",
				Map.of("name", "陈小明", "idNumber", child.toLowerCase(), "relation", "子女")).status()).isEqualTo(201);
		// A relative of someone outside the committee does not matter.
		String nephew = StaffMother.idNumber();
		a.post("/api/v1/staff/" + staff.get("孙师傅") + "/relatives",
				Map.of("name", "孙小小", "idNumber", nephew, "relation", "侄子"));
		var badRelative = a.post("/api/v1/staff/" + staff.get("陈老师") + "/relatives",
				Map.of("name", "", "idNumber", StaffMother.withWrongCheckDigit(child), "relation", ""));
		assertThat(badRelative.fieldError("idNumber")).isEqualTo("居民身份证号码校验位不正确，请核对");
		assertThat(badRelative.fieldError("name")).isEqualTo("请填写亲属姓名");
		assertThat(badRelative.fieldError("relation")).isEqualTo("请填写关系");

		List<String> candidates = List.of(StaffMother.idNumber(), nephew, child);
		List<StaffViolation> conflicts = committees.relativeConflicts(college.id(), certificateId, candidates);
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.getFirst().args()).element(0).isEqualTo("陈老师");
		var api = a.post("/api/v1/staff/committees/" + id + "/relative-conflicts",
				Map.of("candidateIdNumbers", candidates));
		assertThat(api.body().get(0).path("message").asString()).isEqualTo("考务组成员“陈老师”申报的子女“陈小明”（"
				+ ChineseIdNumber.mask(child) + "）参加本次考核，应回避当次考核（依据：《考核站点遴选条件与建设标准》考场人员配置）");
		assertThat(committees.relativeConflicts(college.id(), certificateId, List.of(nephew))).isEmpty();
		assertThat(committees.relativeConflicts(college.id(), certificateId + 999_999, candidates)).isEmpty();
		// Staff in a committee cannot be deleted, only deactivated.
		var delete = a.delete("/api/v1/staff/" + staff.get("陈老师"));
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.text("detail")).isEqualTo("“陈老师”已在考核委员会或责任书中使用，不能删除，请改为停用");
	}

	@Test
	void responsibilityLettersAreUploadedCheckedByContentAndListedPerExam() {
		var exam = a.post("/api/v1/staff/letter-exams", Map.of("name", "2026年6月网店运营推广考核", "examDate", "2026-06-27"));
		assertThat(exam.status()).isEqualTo(201);
		long examId = exam.body().path("examId").asLong();
		assertThat(exam.body().path("lines").size()).isEqualTo(5);
		assertThat(a.post("/api/v1/staff/letter-exams", Map.of("name", "")).fieldError("examDate"))
			.isEqualTo("请选择考试日期");

		Multipart upload = new Multipart(port, admin.username(), TestWorld.PASSWORD);
		String path = "/api/v1/staff/letter-exams/" + examId + "/letters";
		Map<String, String> fields = Map.of("staffId", String.valueOf(staff.get("王主任")), "signedOn", "2026-01-05");
		var fake = upload.post(path, fields, "责任书.pdf", "这不是 PDF".getBytes(StandardCharsets.UTF_8));
		assertThat(fake.status()).isEqualTo(422);
		assertThat(fake.fieldError("file")).contains("责任书.pdf").contains("JPG/PDF/PNG");
		byte[] pdf = "%PDF-1.4\n%责任书\n%%EOF".getBytes(StandardCharsets.UTF_8);
		var future = upload.post(path, Map.of("staffId", String.valueOf(staff.get("王主任")), "signedOn", "2999-01-01"),
				"责任书.pdf", pdf);
		assertThat(future.fieldError("signedOn")).isEqualTo("签订日期不能晚于今天");
		var ok = upload.post(path, fields, "责任书-王主任.pdf", pdf);
		assertThat(ok.status()).isEqualTo(201);
		JsonNode signed = ok.body().path("lines").valueStream()
			.filter(l -> l.path("signed").asBoolean())
			.findFirst()
			.orElseThrow();
		assertThat(signed.path("staff").path("name").asString()).isEqualTo("王主任");
		assertThat(signed.path("fileName").asString()).isEqualTo("责任书-王主任.pdf");
		assertThat(ok.body().toString()).doesNotContain(ids.get("王主任"));
		long letterId = signed.path("letterId").asLong();
		assertThat(upload.download("/api/v1/staff/letters/" + letterId + "/scan").body()).isEqualTo(pdf);

		var exams = a.get("/api/v1/staff/letter-exams").body();
		assertThat(exams.get(0).path("signed").asLong()).isEqualTo(1);
		assertThat(exams.get(0).path("total").asLong()).isEqualTo(5);
		WebSession web = new WebSession(port);
		web.login(admin.username(), TestWorld.PASSWORD);
		String sheet = web.get("/staff/letters/" + examId + "?signed=false").body();
		assertThat(sheet).contains("已签 1 人 / 共 5 人", "陈老师", "未签订").doesNotContain("王主任");
		assertThat(web.get("/staff/letters/" + examId).body()).contains("王主任", "责任书-王主任.pdf");

		ApiClient other = new ApiClient(port)
			.login(world.account(Role.COLLEGE_ADMIN, world.college(world.province())).username(), TestWorld.PASSWORD);
		assertThat(other.get("/api/v1/staff/letter-exams/" + examId).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/staff/letters/" + letterId + "/scan").status()).isEqualTo(404);
		assertThat(audit.list(Scope.system(), "ResponsibilityLetter", String.valueOf(letterId), PageQuery.of(1, 5))
			.items()).extracting(AuditEntry::action).containsExactly("staff.letter.record");
	}

	private void add(String name, StaffRole role, double years) {
		String id = StaffMother.idNumber();
		var body = StaffMother.staff(name, role, id);
		body.put("experienceYears", BigDecimal.valueOf(years));
		var r = a.post("/api/v1/staff", body);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
		staff.put(name, r.body().path("id").asLong());
		ids.put(name, id);
	}

	private static String members(long id) {
		return "/api/v1/staff/committees/" + id + "/members";
	}

	private Map<String, Object> member(String group, String name, boolean leader) {
		return Map.of("group", group, "staffId", staff.get(name), "leader", leader);
	}

	private static Map<String, Object> externalMember(String group, String name, String organisation, double years,
			boolean leader) {
		return Map.of("group", group, "externalName", name, "externalOrganisation", organisation, "externalYears",
				BigDecimal.valueOf(years), "leader", leader);
	}

	private static List<String> messages(JsonNode committee) {
		return committee.path("violations").valueStream().map(v -> v.path("message").asString()).toList();
	}

	private static long memberId(JsonNode committee, String group, String name) {
		for (JsonNode g : committee.path("groups")) {
			if (g.path("group").asString().equals(group)) {
				for (JsonNode m : g.path("members")) {
					if (name == null || m.path("name").asString().equals(name)) {
						return m.path("id").asLong();
					}
				}
			}
		}
		throw new IllegalStateException(group + " " + name);
	}
}
