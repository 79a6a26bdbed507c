package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff database through the REST API and the pages: Chinese field errors, the college's scope (another
 * college gets 404, readers get 403 on changes), masked ID numbers in every list, and the audit trail.
 */
@IntegrationTest
class StaffApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	AuditLog audit;

	OrganisationView province;

	OrganisationView collegeA;

	AccountView adminA;

	ApiClient a;

	ApiClient b;

	@BeforeEach
	void twoColleges() {
		province = world.province();
		collegeA = world.college(province);
		adminA = world.account(Role.COLLEGE_ADMIN, collegeA);
		a = login(adminA);
		b = login(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
	}

	@Test
	void aCollegeAdminCreatesChangesDeactivatesAndDeletesStaffWithChineseFieldErrors() {
		String id = StaffMother.idNumber();
		var refused = a.post("/api/v1/staff", Map.of("name", " ", "idNumber", StaffMother.withWrongCheckDigit(id),
				"phone", "123", "department", "教务处", "experienceYears", -1));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("detail")).isEqualTo("提交的内容有误，请按提示修改");
		assertThat(refused.fieldError("name")).isEqualTo("请填写姓名");
		assertThat(refused.fieldError("gender")).isEqualTo("请选择性别");
		assertThat(refused.fieldError("idNumber")).isEqualTo("居民身份证号码校验位不正确，请核对");
		assertThat(refused.fieldError("phone")).isEqualTo("手机号码须为以 1 开头的 11 位数字");
		assertThat(refused.fieldError("role")).isEqualTo("请选择考务岗位");
		assertThat(refused.fieldError("experienceYears")).isEqualTo("工作年限须在 0～60 年之间，最多两位小数");
		assertThat(refused.fieldError("department")).isEmpty();

		var shortId = a.post("/api/v1/staff", StaffMother.staff("李娜", StaffRole.EXAM_MANAGER, id.substring(1)));
		assertThat(shortId.fieldError("idNumber")).isEqualTo("居民身份证号码须为 18 位（现为 17 位）");
		var untrainedDate = StaffMother.staff("李娜", StaffRole.EXAM_MANAGER, id);
		untrainedDate.put("trainingStatus", "CERTIFIED");
		untrainedDate.put("trainedOn", null);
		untrainedDate.put("majors", List.of(Map.of("name", "电子商务", "code", "53")));
		var training = a.post("/api/v1/staff", untrainedDate);
		assertThat(training.fieldError("trainedOn")).isEqualTo("已培训的人员请填写培训日期");
		assertThat(training.fieldError("trainingCertificateNo")).isEqualTo("请填写培训合格证书编号");
		assertThat(training.fieldError("majors"))
			.isEqualTo("第 1 行专业格式不正确，应为“专业名称 专业代码”（代码为 4～10 位字母或数字）");

		// A lower-case x is accepted and stored upper-case (shown masked).
		String withX = xNumber();
		var body = StaffMother.staff("李娜", StaffRole.EXAM_MANAGER, withX.toLowerCase());
		body.put("majors", List.of(Map.of("name", "电子商务", "code", "530701")));
		var created = a.post("/api/v1/staff", body);
		assertThat(created.status()).isEqualTo(201);
		long staffId = created.body().path("id").asLong();
		assertThat(created.text("idNumberMasked")).isEqualTo(withX.substring(0, 6) + "********" + withX.substring(14));
		assertThat(created.text("phoneMasked")).isEqualTo("138****5678");
		assertThat(created.body().toString()).doesNotContain(withX.substring(6, 14));
		assertThat(created.body().path("majors").get(0).path("code").asString()).isEqualTo("530701");

		var duplicate = a.post("/api/v1/staff", StaffMother.staff("李娜二", StaffRole.OTHER, withX));
		assertThat(duplicate.fieldError("idNumber")).isEqualTo("本校考务人员信息库中已有该证件号码");

		var changed = StaffMother.staff("李娜", StaffRole.TECHNICAL, withX);
		changed.put("department", "信息中心");
		var updated = a.put("/api/v1/staff/" + staffId, changed);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.text("department")).isEqualTo("信息中心");
		assertThat(updated.text("role")).isEqualTo("TECHNICAL");
		assertThat(updated.body().path("version").asInt()).isEqualTo(1);

		assertThat(a.post("/api/v1/staff/" + staffId + "/deactivate", Map.of()).body().path("active").asBoolean())
			.isFalse();
		assertThat(a.get("/api/v1/staff?active=false").body().path("total").asLong()).isEqualTo(1);
		assertThat(a.delete("/api/v1/staff/" + staffId).status()).isEqualTo(204);
		assertThat(a.get("/api/v1/staff/" + staffId).status()).isEqualTo(404);

		List<String> actions = audit.list(Scope.system(), "StaffMember", String.valueOf(staffId), PageQuery.of(1, 20))
			.items()
			.stream()
			.map(AuditEntry::action)
			.toList();
		assertThat(actions).containsExactly("staff.delete", "staff.deactivate", "staff.update", "staff.create");
		assertThat(audit.list(Scope.system(), "StaffMember", String.valueOf(staffId), PageQuery.of(1, 20)).items())
			.allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(withX))
			.allSatisfy(e -> assertThat(e.organisationId()).isEqualTo(collegeA.id()));
	}

	@Test
	void anotherCollegeGets404AndReadersGet403() {
		long staffId = a.post("/api/v1/staff", StaffMother.staff("张伟", StaffRole.SITE_HEAD, StaffMother.idNumber()))
			.body()
			.path("id")
			.asLong();
		for (ApiClient.Response r : List.of(b.get("/api/v1/staff/" + staffId),
				b.put("/api/v1/staff/" + staffId, StaffMother.staff("改", StaffRole.OTHER, StaffMother.idNumber())),
				b.post("/api/v1/staff/" + staffId + "/deactivate", Map.of()), b.delete("/api/v1/staff/" + staffId),
				b.get("/api/v1/staff/" + staffId + "/relatives"), b.get("/api/v1/staff?collegeId=" + collegeA.id()))) {
			assertThat(r.status()).isEqualTo(404);
			assertThat(r.text("detail")).startsWith("未找到");
		}
		assertThat(b.post("/api/v1/staff/batch-deactivate", Map.of("ids", List.of(staffId))).status()).isEqualTo(404);

		WebSession web = new WebSession(port);
		AccountView other = world.account(Role.COLLEGE_ADMIN, world.college(province));
		web.login(other.username(), TestWorld.PASSWORD);
		assertThat(web.get("/staff/members/" + staffId + "/edit").status()).isEqualTo(404);
		assertThat(web.get("/staff/members?collegeId=" + collegeA.id()).status()).isEqualTo(404);
		assertThat(web.get("/staff/members").body()).doesNotContain("张伟");

		// The province of college A reads, but may not change; another province does not see it.
		ApiClient provinceUser = login(world.account(Role.PROVINCE, province));
		assertThat(provinceUser.get("/api/v1/staff?collegeId=" + collegeA.id()).body().path("total").asLong())
			.isEqualTo(1);
		var refused = provinceUser.post("/api/v1/staff/" + staffId + "/deactivate", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("detail")).isEqualTo("只有本院校的业务管理员或院校负责人可以维护考务人员，您可以查看");
		assertThat(provinceUser.get("/api/v1/staff").fieldError("collegeId")).isEqualTo("请选择院校");
		ApiClient otherProvince = login(world.account(Role.PROVINCE, world.province()));
		assertThat(otherProvince.get("/api/v1/staff/" + staffId).status()).isEqualTo(404);
		// The college's site staff read, the principal changes.
		ApiClient site = login(world.account(Role.SITE_STAFF, collegeA));
		assertThat(site.get("/api/v1/staff/" + staffId).status()).isEqualTo(200);
		assertThat(site.post("/api/v1/staff", StaffMother.staff("甲", StaffRole.OTHER, StaffMother.idNumber())).status())
			.isEqualTo(403);
		ApiClient principal = login(world.account(Role.COLLEGE_PRINCIPAL, collegeA));
		assertThat(principal.post("/api/v1/staff/" + staffId + "/deactivate", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void listsAndExportsShowOnlyMaskedIdNumbers() {
		String id = StaffMother.idNumber();
		String masked = ChineseIdNumber.mask(id);
		long staffId = a.post("/api/v1/staff", StaffMother.staff("赵敏", StaffRole.INVIGILATOR, id))
			.body()
			.path("id")
			.asLong();
		String relative = StaffMother.idNumber();
		assertThat(a.post("/api/v1/staff/" + staffId + "/relatives",
				Map.of("name", "赵小敏", "idNumber", relative, "relation", "子女")).status()).isEqualTo(201);

		var list = a.get("/api/v1/staff?name=赵");
		assertThat(list.body().path("items").get(0).path("idNumberMasked").asString()).isEqualTo(masked);
		assertThat(list.body().toString()).doesNotContain(id).doesNotContain("13812345678");
		assertThat(a.get("/api/v1/staff/" + staffId + "/relatives").body().toString()).doesNotContain(relative)
			.contains(ChineseIdNumber.mask(relative));

		WebSession web = new WebSession(port);
		web.login(adminA.username(), TestWorld.PASSWORD);
		String page = web.get("/staff/members").body();
		assertThat(page).contains("赵敏", masked, "138****5678", "新增考务人员", "批量停用").doesNotContain(id);
		String export = web.get("/staff/members/export.csv").body();
		assertThat(export).contains("赵敏", masked).doesNotContain(id);
		// Only the edit form of the college's manager shows the whole number (to correct it).
		String edit = web.get("/staff/members/" + staffId + "/edit").body();
		assertThat(edit).contains(id, ChineseIdNumber.mask(relative)).doesNotContain(relative);
	}

	@Test
	void thePageFormShowsChineseErrorsBesideTheFields() {
		WebSession web = new WebSession(port);
		web.login(adminA.username(), TestWorld.PASSWORD);
		var page = web.post("/staff/members/new", "/staff/members/new",
				Map.of("name", "钱进", "gender", "MALE", "idNumber", StaffMother.withWrongCheckDigit(StaffMother.idNumber()),
						"phone", "13812345678", "department", "教务处", "role", "SITE_HEAD", "trainingStatus", "UNTRAINED",
						"experienceYears", "abc", "majorsText", "电子商务 530701\n市场营销"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("工作年限须为数字，如 1 或 1.5");
		var second = web.post("/staff/members/new", "/staff/members/new",
				Map.of("name", "钱进", "gender", "MALE", "idNumber", StaffMother.withWrongCheckDigit(StaffMother.idNumber()),
						"phone", "13812345678", "department", "教务处", "role", "SITE_HEAD", "trainingStatus", "UNTRAINED",
						"experienceYears", "2", "majorsText", "电子商务 530701\n市场营销"));
		assertThat(second.body()).contains("居民身份证号码校验位不正确，请核对",
				"第 2 行专业格式不正确，应为“专业名称 专业代码”（代码为 4～10 位字母或数字）");
		var ok = web.post("/staff/members/new", "/staff/members/new",
				Map.of("name", "钱进", "gender", "MALE", "idNumber", StaffMother.idNumber(), "phone", "13812345678",
						"department", "教务处", "role", "SITE_HEAD", "trainingStatus", "UNTRAINED", "experienceYears",
						"2", "majorsText", "电子商务 530701\n市场营销 530605"));
		assertThat(ok.status()).isEqualTo(302);
		assertThat(web.get("/staff/members").body()).contains("钱进", "已添加考务人员“钱进”");
	}

	private static String xNumber() {
		while (true) {
			String id = StaffMother.idNumber();
			if (id.endsWith("X")) {
				return id;
			}
		}
	}

	private ApiClient login(AccountView account) {
		return new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
	}
}
