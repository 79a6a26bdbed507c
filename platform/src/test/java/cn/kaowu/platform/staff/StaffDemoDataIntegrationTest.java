package cn.kaowu.platform.staff;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo college has its staff and a committee whose rule panel shows the even arbitration group. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class StaffDemoDataIntegrationTest {

	@Autowired
	StaffManagement staff;

	@Autowired
	CommitteeManagement committees;

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	List<DemoStep> steps;

	@Test
	void theDemoCollegeHasEightStaffAndACommitteeWithAVisibleViolation() {
		OrganisationView college = organisations.findByCode("10850").orElseThrow();
		List<StaffView> people = staff.all(Scope.system(), college.id());
		assertThat(people).hasSize(8).allMatch(p -> p.idNumberMasked().contains("********"));
		CommitteeView committee = committees.list(Scope.system(), college.id()).getFirst();
		assertThat(committee.certificateName()).isEqualTo("网店运营推广");
		assertThat(committee.violations()).extracting(StaffViolation::messageKey)
			.containsExactly("staff.rule.arbitrationEven", "staff.rule.untrainedRole");
		assertThat(committees.check(college.id(), committee.certificateId())).hasSize(2);

		steps.forEach(DemoStep::run);
		assertThat(staff.all(Scope.system(), college.id())).hasSize(8);
		assertThat(committees.list(Scope.system(), college.id())).hasSize(1);
	}
}
