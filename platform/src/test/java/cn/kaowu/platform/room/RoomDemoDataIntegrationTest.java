package cn.kaowu.platform.room;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo site of 南京工业职业技术大学 has two rooms and two invigilators (one approved); running again adds none. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class RoomDemoDataIntegrationTest {

	@Autowired
	ExamPlans plans;

	@Autowired
	ExamRooms rooms;

	@Autowired
	InvigilatorManagement invigilators;

	@Autowired
	List<DemoStep> steps;

	@Test
	void twoRoomsAndTwoInvigilatorsOneApproved() {
		PlanView plan = plans.published(null).stream().filter(p -> !rooms.roomsOfPlan(p.id()).isEmpty()).findFirst()
			.orElseThrow();
		List<RoomView> demo = rooms.roomsOfPlan(plan.id());
		assertThat(demo).extracting(RoomView::type).containsExactly(RoomType.COMPUTER, RoomType.PRACTICAL);
		long siteId = demo.getFirst().siteId();
		assertThat(invigilators.list(Scope.system(), plan.id(), siteId)).extracting(InvigilatorView::status)
			.containsExactly(InvigilatorStatus.APPROVED, InvigilatorStatus.PENDING);
		steps.forEach(DemoStep::run);
		assertThat(rooms.roomsOfPlan(plan.id())).hasSize(2);
	}
}
