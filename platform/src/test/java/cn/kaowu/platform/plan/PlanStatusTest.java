package cn.kaowu.platform.plan;

import java.util.Map;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every from/to pair of the plan's states. */
class PlanStatusTest {

	static final Map<PlanStatus, Set<PlanStatus>> ALLOWED = Map.of(PlanStatus.DRAFT, Set.of(PlanStatus.PUBLISHED),
			PlanStatus.PUBLISHED, Set.of(PlanStatus.ARCHIVED), PlanStatus.ARCHIVED, Set.of());

	@Test
	void transitions() {
		for (PlanStatus from : PlanStatus.values()) {
			for (PlanStatus to : PlanStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
			}
		}
		assertThat(PlanStatus.DRAFT.publish()).isEqualTo(PlanStatus.PUBLISHED);
		assertThatThrownBy(PlanStatus.PUBLISHED::publish).isInstanceOf(IllegalStateTransition.class);
		assertThatThrownBy(PlanStatus.DRAFT::archive).isInstanceOf(IllegalStateTransition.class);
		assertThatThrownBy(() -> PlanStatus.PUBLISHED.requireDraft("删除")).isInstanceOf(IllegalStateTransition.class);
	}
}
