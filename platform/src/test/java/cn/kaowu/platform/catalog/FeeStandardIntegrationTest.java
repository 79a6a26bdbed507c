package cn.kaowu.platform.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/** A province sets its own fee standard; everyone reads it; unset levels fall back to 380/360. */
@IntegrationTest
class FeeStandardIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	CatalogManagement catalog;

	OrganisationView province;

	ApiClient provinceUser;

	@BeforeEach
	void aProvince() {
		province = world.province();
		provinceUser = login(world.account(Role.PROVINCE, province));
	}

	@Test
	void withoutAStandardTheDefaultsApply() {
		JsonNode fees = provinceUser.get("/api/v1/fee-standards/" + province.id()).body();
		assertThat(fees.path("provinceName").asString()).isEqualTo(province.name());
		assertThat(amounts(fees)).containsExactly(Map.entry("JUNIOR", "380"), Map.entry("INTERMEDIATE", "360"),
				Map.entry("SENIOR", "360"));
		assertThat(fees.path("fees").valueStream().allMatch(f -> f.path("usesDefault").asBoolean())).isTrue();
		EffectiveFee junior = catalog.feeFor(province.id(), CertificateLevel.JUNIOR);
		assertThat(junior.amount()).isEqualByComparingTo("380");
		assertThat(junior.usesDefault()).isTrue();
		assertThat(catalog.feeFor(province.id(), CertificateLevel.SENIOR).amount()).isEqualByComparingTo("360");
	}

	@Test
	void aProvinceSetsAndResetsItsOwnStandard() {
		var saved = provinceUser.put("/api/v1/fee-standards/" + province.id(),
				Map.of("junior", 400, "senior", new BigDecimal("355.50")));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(amounts(saved.body())).containsExactly(Map.entry("JUNIOR", "400"), Map.entry("INTERMEDIATE", "360"),
				Map.entry("SENIOR", "355.5"));
		EffectiveFee junior = catalog.feeFor(province.id(), CertificateLevel.JUNIOR);
		assertThat(junior.amount()).isEqualByComparingTo("400");
		assertThat(junior.usesDefault()).isFalse();
		assertThat(catalog.feeFor(province.id(), CertificateLevel.INTERMEDIATE).usesDefault()).isTrue();
		assertThat(catalog.feeFor(province.id(), CertificateLevel.SENIOR).amount()).isEqualByComparingTo("355.50");

		// Everyone reads it.
		ApiClient college = login(world.account(Role.COLLEGE_ADMIN, world.college(province)));
		assertThat(college.get("/api/v1/fee-standards/" + province.id() + "/JUNIOR").body().path("amount").decimalValue())
			.isEqualByComparingTo("400");

		// An empty amount goes back to the default.
		Map<String, Object> reset = new HashMap<>();
		reset.put("junior", null);
		reset.put("senior", new BigDecimal("355.50"));
		provinceUser.put("/api/v1/fee-standards/" + province.id(), reset);
		assertThat(catalog.feeFor(province.id(), CertificateLevel.JUNIOR).usesDefault()).isTrue();

		ApiClient admin = login(world.admin());
		var audit = admin.get("/api/v1/audit?entityType=FeeStandard&entityId=" + province.id() + ":JUNIOR").body();
		assertThat(audit.path("items").valueStream().map(e -> e.path("action").asString()))
			.containsExactly("catalog.fee.reset", "catalog.fee.set");
		assertThat(audit.path("items").get(1).path("fromState").asString()).isEqualTo("DEFAULT 380");
		assertThat(audit.path("items").get(1).path("toState").asString()).isEqualTo("400");
		// Saving the same amounts again changes nothing and records nothing.
		provinceUser.put("/api/v1/fee-standards/" + province.id(), reset);
		assertThat(admin.get("/api/v1/audit?entityType=FeeStandard&entityId=" + province.id() + ":SENIOR")
			.body()
			.path("total")
			.asLong()).isEqualTo(1);
	}

	@Test
	void onlyTheProvinceItselfOrTheAdministratorSetsIt() {
		OrganisationView other = world.province();
		var otherProvince = provinceUser.put("/api/v1/fee-standards/" + other.id(), Map.of("junior", 1));
		assertThat(otherProvince.status()).isEqualTo(403);
		assertThat(otherProvince.text("detail")).isEqualTo("只能设置本省的收费标准");

		ApiClient org = login(world.account(Role.ORG, world.trainingOrg()));
		var byOrg = org.put("/api/v1/fee-standards/" + province.id(), Map.of("junior", 1));
		assertThat(byOrg.status()).isEqualTo(403);
		assertThat(byOrg.text("detail")).isEqualTo("只有省级教育行政部门或平台管理员可以设置收费标准");
		ApiClient city = login(world.account(Role.CITY, world.city(province)));
		assertThat(city.put("/api/v1/fee-standards/" + province.id(), Map.of("junior", 1)).status()).isEqualTo(403);
		assertThat(catalog.feeFor(province.id(), CertificateLevel.JUNIOR).usesDefault()).isTrue();

		ApiClient admin = login(world.admin());
		assertThat(admin.put("/api/v1/fee-standards/" + other.id(), Map.of("intermediate", 300)).status()).isEqualTo(200);
		assertThat(catalog.feeFor(other.id(), CertificateLevel.INTERMEDIATE).amount()).isEqualByComparingTo("300");

		// A college is not a province.
		OrganisationView college = world.college(province);
		assertThat(admin.get("/api/v1/fee-standards/" + college.id()).status()).isEqualTo(404);
	}

	@Test
	void amountsAreCheckedInChinese() {
		var negative = provinceUser.put("/api/v1/fee-standards/" + province.id(), Map.of("junior", -1));
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.fieldError("junior")).isEqualTo("金额须在 0～99999.99 元之间");
		var fractions = provinceUser.put("/api/v1/fee-standards/" + province.id(),
				Map.of("senior", new BigDecimal("12.345")));
		assertThat(fractions.fieldError("senior")).isEqualTo("金额最多保留两位小数");
		assertThat(provinceUser.put("/api/v1/fee-standards/" + province.id(), Map.of("junior", 0)).status())
			.isEqualTo(200);
	}

	private static Map<String, String> amounts(JsonNode provinceFees) {
		Map<String, String> amounts = new LinkedHashMap<>();
		provinceFees.path("fees")
			.forEach(f -> amounts.put(f.path("level").asString(), f.path("amount").decimalValue().stripTrailingZeros().toPlainString()));
		return amounts;
	}

	private ApiClient login(AccountView account) {
		return new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
	}
}
