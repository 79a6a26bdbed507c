package cn.kaowu.platform.bank;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** hongke's demo bank: ten items and a satisfied blueprint for 初级理论; running again adds none. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class BankDemoDataIntegrationTest {

	@Autowired
	BankManagement bank;

	@Autowired
	AccountManagement accounts;

	@Autowired
	List<DemoStep> steps;

	@Test
	void tenItemsAndASatisfiedBlueprint() {
		AccountView a = accounts.findByUsername("hongke").orElseThrow();
		Scope hongke = new Scope(a.id(), a.username(), a.role(), a.organisationId(), null, null);
		assertThat(bank.list(hongke, ItemFilter.none(), PageQuery.of(1, 100)).total()).isEqualTo(10);
		var item = bank.list(hongke, new ItemFilter(null, null, ItemType.SINGLE, null, null), PageQuery.of(1, 1))
			.items()
			.getFirst();
		assertThat(bank.check(hongke, item.levelId(), item.subjectId()).satisfied()).isTrue();
		steps.forEach(DemoStep::run);
		assertThat(bank.list(hongke, ItemFilter.none(), PageQuery.of(1, 100)).total()).isEqualTo(10);
	}
}
