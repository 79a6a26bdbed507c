package cn.kaowu.platform.plan;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hongke's demo plans: one published with registration open now, one draft, and one finished (the certificates' demo,
 * its publication long over); loading again adds nothing.
 */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class PlanDemoDataIntegrationTest {

	@Autowired
	PlanManagement plans;

	@Autowired
	ExamPlans examPlans;

	@Autowired
	AdjustableClock clock;

	@Autowired
	List<DemoStep> steps;

	@Test
	void hongkeHasAnOpenAndADraftPlan() {
		List<PlanView> all = plans.list(Scope.system(), PlanManagement.PlanFilter.none(), PageQuery.of(1, 100))
			.items()
			.stream()
			.filter(p -> p.certificateName().equals("网店运营推广"))
			.toList();
		assertThat(all).extracting(PlanView::status)
			.containsExactlyInAnyOrder(PlanStatus.PUBLISHED, PlanStatus.PUBLISHED, PlanStatus.DRAFT);
		PlanView open = all.stream().filter(p -> p.isPublished() && p.isRegistrationOpen(clock.instant()))
			.findFirst().orElseThrow();
		assertThat(all).filteredOn(p -> p.isPublished() && p != open)
			.singleElement()
			.satisfies(finished -> assertThat(finished.publication().over(clock.instant())).isTrue());
		assertThat(open.levels()).extracting(PlanLevel::level)
			.containsExactly(CertificateLevel.JUNIOR, CertificateLevel.INTERMEDIATE);
		assertThat(open.subjects()).hasSize(4)
			.allSatisfy(s -> assertThat(s.examDate().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY));
		assertThat(examPlans.published(open.certificateId())).extracting(PlanView::id).contains(open.id());

		steps.forEach(DemoStep::run);
		assertThat(plans.list(Scope.system(), new PlanManagement.PlanFilter(null, open.certificateId(), null, null),
				PageQuery.of(1, 100)).total()).isEqualTo(3);
	}
}
