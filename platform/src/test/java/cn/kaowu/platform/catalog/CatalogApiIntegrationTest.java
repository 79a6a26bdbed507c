package cn.kaowu.platform.catalog;

import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue through the REST API: an ORG maintains its own certificates; every other account reads.
 * Another role is refused with 403 {@code catalog.error.orgOnly}; another ORG with 403
 * {@code catalog.error.notOwner} (the catalogue is readable by all, so there is nothing to hide behind a 404).
 */
@IntegrationTest
class CatalogApiIntegrationTest {

	static final String NOT_OWNER = "该证书属于其他培训评价组织，您只能查看，不能修改";

	static final String ORG_ONLY = "只有培训评价组织可以维护证书目录，您可以查看";

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	OrganisationView orgA;

	OrganisationView orgB;

	ApiClient a;

	ApiClient b;

	@BeforeEach
	void twoOrgs() {
		orgA = world.trainingOrg();
		orgB = world.trainingOrg();
		a = login(world.account(Role.ORG, orgA));
		b = login(world.account(Role.ORG, orgB));
	}

	@Test
	void anOrgCreatesACertificateWithLevelsAndSubjectsAndChangesThem() {
		String name = CatalogMother.certificateName();
		var created = a.post("/api/v1/certificates", Map.of("name", name));
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().path("id").asLong();
		assertThat(created.text("organisationName")).isEqualTo(orgA.name());
		assertThat(created.body().path("enabled").asBoolean()).isTrue();

		String junior = CatalogMother.levelCode();
		var level = a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("JUNIOR", junior));
		assertThat(level.status()).isEqualTo(201);
		assertThat(level.text("displayName")).isEqualTo(name + "职业技能等级证书（初级）");
		assertThat(level.body().path("subjects").valueStream().map(s -> s.path("code").asString()))
			.containsExactly(CatalogMother.subjectCode(junior, 101), CatalogMother.subjectCode(junior, 102));
		long levelId = level.body().path("id").asLong();

		var subject = a.post("/api/v1/levels/" + levelId + "/subjects",
				CatalogMother.subject("补充科目", CatalogMother.subjectCode(junior, 103), "WRITTEN_PRACTICAL"));
		assertThat(subject.status()).isEqualTo(201);
		long subjectId = subject.body().path("id").asLong();
		var changed = a.put("/api/v1/subjects/" + subjectId, Map.of("name", "补充科目（修订）", "code",
				CatalogMother.subjectCode(junior, 104), "examMode", "WRITTEN", "passMark", 70));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().path("passMark").asInt()).isEqualTo(70);
		assertThat(changed.body().path("fullMarks").asInt()).isEqualTo(100);
		assertThat(a.post("/api/v1/subjects/" + subjectId + "/disable", Map.of()).body().path("enabled").asBoolean())
			.isFalse();

		var renamed = a.put("/api/v1/certificates/" + id, Map.of("name", name + "新"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().path("version").asInt()).isEqualTo(1);

		JsonNode detail = a.get("/api/v1/certificates/" + id).body();
		assertThat(detail.path("name").asString()).isEqualTo(name + "新");
		JsonNode levels = detail.path("levels");
		assertThat(levels.size()).isEqualTo(1);
		assertThat(levels.get(0).path("code").asString()).isEqualTo(junior);
		assertThat(levels.get(0).path("displayName").asString()).isEqualTo(name + "新职业技能等级证书（初级）");
		assertThat(levels.get(0).path("subjects").valueStream().map(s -> s.path("name").asString()))
			.containsExactly("理论", "实操", "补充科目（修订）");

		// Everyone else reads it, in the subject table too.
		ApiClient college = login(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		var subjects = college.get("/api/v1/subjects?certificateId=" + id);
		assertThat(subjects.status()).isEqualTo(200);
		assertThat(subjects.body().path("total").asLong()).isEqualTo(3);
		assertThat(college.get("/api/v1/subjects?certificateId=" + id + "&enabled=true").body().path("total").asLong())
			.isEqualTo(2);
		assertThat(college.get("/api/v1/levels/" + levelId).text("code")).isEqualTo(junior);
	}

	@Test
	void validationErrorsNameTheFieldInChinese() {
		var missingName = a.post("/api/v1/certificates", Map.of("name", " "));
		assertThat(missingName.status()).isEqualTo(422);
		assertThat(missingName.text("detail")).isEqualTo("提交的内容有误，请按提示修改");
		assertThat(missingName.fieldError("name")).isEqualTo("请填写证书名称");

		long id = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		String code = CatalogMother.levelCode();
		var badLevel = a.post("/api/v1/certificates/" + id + "/levels",
				Map.of("level", "JUNIOR", "code", code.substring(1), "subjects",
						List.of(CatalogMother.subject("初级理论", CatalogMother.subjectCode(code, 101), "COMPUTER"))));
		assertThat(badLevel.status()).isEqualTo(422);
		assertThat(badLevel.fieldError("code")).isEqualTo("证书代码须为 16 位数字");

		String prefix = CatalogRules.subjectCodePrefix(code);
		var badSubjects = a.post("/api/v1/certificates/" + id + "/levels",
				Map.of("level", "JUNIOR", "code", code, "subjects",
						List.of(CatalogMother.subject("初级理论", "16" + "9".repeat(14) + "101", "COMPUTER"),
								Map.of("code", CatalogMother.subjectCode(code, 102), "examMode", "PRACTICAL",
										"passMark", 101))));
		assertThat(badSubjects.status()).isEqualTo(422);
		assertThat(badSubjects.fieldError("subjects[0].code"))
			.isEqualTo("科目代码须以 " + prefix + " 开头（“16”+ 证书代码去掉开头的“15”），后接 3 位序号");
		assertThat(badSubjects.fieldError("subjects[1].name")).isEqualTo("请填写科目名称");
		assertThat(badSubjects.fieldError("subjects[1].passMark")).isEqualTo("及格分须在 0～100 分之间");
		assertThat(badSubjects.fieldError("code")).isEmpty();

		var wrongPrefix = a.post("/api/v1/certificates/" + id + "/levels",
				CatalogMother.level("JUNIOR", "16" + code.substring(2)));
		assertThat(wrongPrefix.fieldError("code")).isEqualTo("证书代码须以 15 开头");

		var noSubjects = a.post("/api/v1/certificates/" + id + "/levels",
				Map.of("level", "SENIOR", "code", code, "subjects", List.of(Map.of("name", "", "code", ""))));
		assertThat(noSubjects.fieldError("subjects")).isEqualTo("请至少填写一个科目");

		// Nothing of the refused attempts was kept.
		assertThat(a.get("/api/v1/certificates/" + id).body().path("levels").size()).isZero();
	}

	@Test
	void collegesAndProvincesReadButCannotCreate() {
		OrganisationView province = world.province();
		ApiClient college = login(world.account(Role.COLLEGE_ADMIN, world.college(province)));
		ApiClient provinceUser = login(world.account(Role.PROVINCE, province));
		long id = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		for (ApiClient reader : List.of(college, provinceUser)) {
			var refused = reader.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName()));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.text("detail")).isEqualTo(ORG_ONLY);
			assertThat(refused.text("code")).isEqualTo("catalog.error.orgOnly");
			assertThat(reader.post("/api/v1/certificates/" + id + "/disable", Map.of()).status()).isEqualTo(403);
			assertThat(reader.get("/api/v1/certificates/" + id).status()).isEqualTo(200);
			assertThat(reader.get("/api/v1/certificates?size=1").status()).isEqualTo(200);
		}
		// Even the administrator: the catalogue belongs to the ORGs.
		assertThat(login(world.admin()).post("/api/v1/certificates", Map.of("name", "x")).status()).isEqualTo(403);
	}

	@Test
	void anotherOrgCanReadButNotChangeACertificate() {
		String name = CatalogMother.certificateName();
		long id = a.post("/api/v1/certificates", Map.of("name", name)).body().path("id").asLong();
		String code = CatalogMother.levelCode();
		JsonNode level = a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("JUNIOR", code)).body();
		long levelId = level.path("id").asLong();
		long subjectId = level.path("subjects").get(0).path("id").asLong();

		assertThat(b.get("/api/v1/certificates/" + id).status()).isEqualTo(200);
		List<ApiClient.Response> attempts = List.of(b.put("/api/v1/certificates/" + id, Map.of("name", "改名")),
				b.post("/api/v1/certificates/" + id + "/disable", Map.of()),
				b.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("SENIOR", CatalogMother.levelCode())),
				b.put("/api/v1/levels/" + levelId, Map.of("code", CatalogMother.levelCode())),
				b.post("/api/v1/levels/" + levelId + "/disable", Map.of()),
				b.post("/api/v1/levels/" + levelId + "/subjects",
						CatalogMother.subject("外来科目", CatalogMother.subjectCode(code, 109), "COMPUTER")),
				b.put("/api/v1/subjects/" + subjectId,
						Map.of("name", "改名", "code", CatalogMother.subjectCode(code, 101), "examMode", "COMPUTER",
								"passMark", 0)),
				b.post("/api/v1/subjects/" + subjectId + "/disable", Map.of()));
		for (ApiClient.Response r : attempts) {
			assertThat(r.status()).isEqualTo(403);
			assertThat(r.text("detail")).isEqualTo(NOT_OWNER);
		}
		JsonNode after = a.get("/api/v1/certificates/" + id).body();
		assertThat(after.path("name").asString()).isEqualTo(name);
		assertThat(after.path("enabled").asBoolean()).isTrue();
		assertThat(after.path("levels").size()).isEqualTo(1);
		assertThat(after.path("levels").get(0).path("subjects").get(0).path("name").asString()).isEqualTo("理论");
		// A missing id is a 404, not a 403.
		assertThat(b.put("/api/v1/certificates/987654321", Map.of("name", "x")).status()).isEqualTo(404);
	}

	@Test
	void codesAreUniqueNationallyAndLevelsOncePerCertificate() {
		long first = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		long other = b.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		String code = CatalogMother.levelCode();
		assertThat(a.post("/api/v1/certificates/" + first + "/levels", CatalogMother.level("JUNIOR", code)).status())
			.isEqualTo(201);

		var sameLevelCode = b.post("/api/v1/certificates/" + other + "/levels", CatalogMother.level("JUNIOR", code));
		assertThat(sameLevelCode.status()).isEqualTo(422);
		assertThat(sameLevelCode.fieldError("code")).isEqualTo("证书代码 " + code + " 已被使用");

		var sameKind = a.post("/api/v1/certificates/" + first + "/levels",
				CatalogMother.level("JUNIOR", CatalogMother.levelCode()));
		assertThat(sameKind.fieldError("level")).isEqualTo("该证书已有初级等级，每个等级只能添加一次");
		var inEnglish = a.post("/api/v1/certificates/" + first + "/levels?lang=en",
				CatalogMother.level("JUNIOR", CatalogMother.levelCode()));
		assertThat(inEnglish.fieldError("level"))
			.isEqualTo("This certificate already has the Junior level; each level can be added once");

		String taken = CatalogMother.subjectCode(code, 101);
		String otherCode = CatalogMother.levelCode();
		var sameSubjectCode = a.post("/api/v1/certificates/" + first + "/levels", Map.of("level", "INTERMEDIATE",
				"code", otherCode, "subjects",
				List.of(CatalogMother.subject("中级理论", CatalogMother.subjectCode(otherCode, 201), "COMPUTER"),
						CatalogMother.subject("中级实操", CatalogMother.subjectCode(otherCode, 201), "PRACTICAL"))));
		assertThat(sameSubjectCode.fieldError("subjects[1].code")).isEqualTo("科目代码与本表单中的其他科目重复");
		var level = a.get("/api/v1/certificates/" + first).body().path("levels").get(0);
		var duplicateSubject = a.post("/api/v1/levels/" + level.path("id").asLong() + "/subjects",
				CatalogMother.subject("另一科目", taken, "COMPUTER"));
		assertThat(duplicateSubject.status()).isEqualTo(422);
		assertThat(duplicateSubject.fieldError("code")).isEqualTo("科目代码 " + taken + " 已被使用");

		String name = CatalogMother.certificateName();
		assertThat(a.post("/api/v1/certificates", Map.of("name", name)).status()).isEqualTo(201);
		assertThat(a.post("/api/v1/certificates", Map.of("name", name)).fieldError("name")).isEqualTo("本机构已有同名证书");
		assertThat(b.post("/api/v1/certificates", Map.of("name", name)).status()).isEqualTo(201);
	}

	@Test
	void theListIsPagedWithTheRightTotal() {
		for (int i = 0; i < 5; i++) {
			a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName()));
		}
		var first = a.get("/api/v1/certificates?organisationId=" + orgA.id() + "&size=2");
		assertThat(first.body().path("total").asLong()).isEqualTo(5);
		assertThat(first.body().path("size").asInt()).isEqualTo(2);
		assertThat(first.body().path("page").asInt()).isEqualTo(1);
		assertThat(first.body().path("items").size()).isEqualTo(2);
		var last = a.get("/api/v1/certificates?organisationId=" + orgA.id() + "&size=2&page=3");
		assertThat(last.body().path("items").size()).isEqualTo(1);
		assertThat(a.get("/api/v1/certificates?organisationId=" + orgA.id()).body().path("size").asInt()).isEqualTo(10);

		long id = first.body().path("items").get(0).path("id").asLong();
		a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("JUNIOR", CatalogMother.levelCode()));
		a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("SENIOR", CatalogMother.levelCode()));
		var subjects = a.get("/api/v1/subjects?organisationId=" + orgA.id() + "&size=2");
		assertThat(subjects.body().path("total").asLong()).isEqualTo(4);
		assertThat(subjects.body().path("items").size()).isEqualTo(2);
		assertThat(a.get("/api/v1/subjects?organisationId=" + orgA.id() + "&level=SENIOR").body().path("total").asLong())
			.isEqualTo(2);
		assertThat(a.get("/api/v1/certificates?organisationId=" + orgA.id() + "&enabled=false").body().path("total")
			.asLong()).isZero();
	}

	@Test
	void batchDisablingIsAllOrNothing() {
		long mine1 = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		long mine2 = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		long foreign = b.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();

		var refused = a.post("/api/v1/certificates/batch-disable", Map.of("ids", List.of(mine1, foreign, mine2)));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(a.get("/api/v1/certificates/" + mine1).body().path("enabled").asBoolean()).isTrue();
		assertThat(a.get("/api/v1/certificates/" + mine2).body().path("enabled").asBoolean()).isTrue();

		var done = a.post("/api/v1/certificates/batch-disable", Map.of("ids", List.of(mine1, mine2)));
		assertThat(done.body().path("count").asInt()).isEqualTo(2);
		assertThat(a.get("/api/v1/certificates/" + mine2).body().path("enabled").asBoolean()).isFalse();
	}

	@Test
	void aStaleVersionIsAConflict() {
		long id = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		assertThat(a.put("/api/v1/certificates/" + id, Map.of("name", CatalogMother.certificateName(), "version", 0))
			.status()).isEqualTo(200);
		var stale = a.put("/api/v1/certificates/" + id, Map.of("name", CatalogMother.certificateName(), "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text("detail")).isEqualTo("该记录已被他人修改，请刷新后重试");
	}

	@Test
	void aLevelCodeChangeMustKeepItsSubjectCodesValid() {
		long id = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		long levelId = a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("JUNIOR", CatalogMother.levelCode()))
			.body()
			.path("id")
			.asLong();
		String newCode = CatalogMother.levelCode();
		var refused = a.put("/api/v1/levels/" + levelId, Map.of("code", newCode));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("code"))
			.isEqualTo("该等级现有科目的代码不以 " + CatalogRules.subjectCodePrefix(newCode) + " 开头，请先修改科目代码，再修改证书代码");
		var bad = a.put("/api/v1/levels/" + levelId, Map.of("code", "15300030070100x7"));
		assertThat(bad.fieldError("code")).isEqualTo("证书代码须为 16 位数字");
	}

	@Test
	void everyChangeIsAudited() {
		ApiClient admin = login(world.admin());
		long id = a.post("/api/v1/certificates", Map.of("name", CatalogMother.certificateName())).body().path("id").asLong();
		JsonNode level = a.post("/api/v1/certificates/" + id + "/levels", CatalogMother.level("JUNIOR", CatalogMother.levelCode()))
			.body();
		long levelId = level.path("id").asLong();
		long subjectId = level.path("subjects").get(0).path("id").asLong();
		a.put("/api/v1/certificates/" + id, Map.of("name", CatalogMother.certificateName()));
		a.post("/api/v1/certificates/" + id + "/disable", Map.of());
		a.post("/api/v1/levels/" + levelId + "/disable", Map.of());
		a.post("/api/v1/subjects/" + subjectId + "/disable", Map.of());

		assertThat(actions(admin, "Certificate", id)).containsExactly("catalog.certificate.disable",
				"catalog.certificate.update", "catalog.certificate.create");
		assertThat(actions(admin, "CertificateLevel", levelId)).containsExactly("catalog.level.disable",
				"catalog.level.create");
		assertThat(actions(admin, "Subject", subjectId)).containsExactly("catalog.subject.disable",
				"catalog.subject.create");
		var disable = admin.get("/api/v1/audit?entityType=Certificate&entityId=" + id).body().path("items").get(0);
		assertThat(disable.path("fromState").asString()).isEqualTo("ENABLED");
		assertThat(disable.path("toState").asString()).isEqualTo("DISABLED");
		assertThat(disable.path("organisationId").asLong()).isEqualTo(orgA.id());
		// The ORG reads its own trail; the other ORG does not see it.
		assertThat(actions(a, "Certificate", id)).hasSize(3);
		assertThat(actions(b, "Certificate", id)).isEmpty();
		// A refused change leaves no entry.
		b.post("/api/v1/certificates/" + id + "/enable", Map.of());
		assertThat(actions(admin, "Certificate", id)).hasSize(3);
	}

	private static List<String> actions(ApiClient client, String type, long id) {
		return client.get("/api/v1/audit?entityType=" + type + "&entityId=" + id)
			.body()
			.path("items")
			.valueStream()
			.map(e -> e.path("action").asString())
			.toList();
	}

	private ApiClient login(AccountView account) {
		return new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
	}
}
