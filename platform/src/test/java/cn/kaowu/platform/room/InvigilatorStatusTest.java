package cn.kaowu.platform.room;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every from/to pair of the invigilator review. */
class InvigilatorStatusTest {

	@ParameterizedTest
	@CsvSource({ "PENDING, PENDING, false", "PENDING, APPROVED, true", "PENDING, RETURNED, true",
			"APPROVED, PENDING, false", "APPROVED, APPROVED, false", "APPROVED, RETURNED, false",
			"RETURNED, PENDING, true", "RETURNED, APPROVED, false", "RETURNED, RETURNED, false" })
	void transitions(InvigilatorStatus from, InvigilatorStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		Runnable move = switch (to) {
			case APPROVED -> from::approve;
			case RETURNED -> from::returnForChanges;
			case PENDING -> from::resubmit;
		};
		if (allowed) {
			move.run();
		}
		else {
			assertThatThrownBy(move::run).isInstanceOf(IllegalStateTransition.class);
		}
	}
}
