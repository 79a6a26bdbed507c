package cn.kaowu.platform.pilot;

import java.util.Set;
import java.util.function.UnaryOperator;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.junit.jupiter.api.Test;

import static cn.kaowu.platform.pilot.PilotApplicationStatus.APPROVED;
import static cn.kaowu.platform.pilot.PilotApplicationStatus.CITY_APPROVED;
import static cn.kaowu.platform.pilot.PilotApplicationStatus.DRAFT;
import static cn.kaowu.platform.pilot.PilotApplicationStatus.REJECTED;
import static cn.kaowu.platform.pilot.PilotApplicationStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every from/to pair of the pilot state machines, allowed or refused, and each verb in every state. */
class PilotStatesTest {

	static final Set<String> APPLICATION_MOVES = Set.of("DRAFT>SUBMITTED", "SUBMITTED>CITY_APPROVED",
			"SUBMITTED>APPROVED", "SUBMITTED>REJECTED", "CITY_APPROVED>APPROVED", "CITY_APPROVED>REJECTED");

	@Test
	void applicationStatusAllowsExactlyTheMovesOfTheWorkflow() {
		for (PilotApplicationStatus from : PilotApplicationStatus.values()) {
			for (PilotApplicationStatus to : PilotApplicationStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to)
					.isEqualTo(APPLICATION_MOVES.contains(from + ">" + to));
			}
		}
	}

	@Test
	void applicationVerbsAnswerTheNextStateOrNameTheCurrentOne() {
		verb(PilotApplicationStatus::submit, SUBMITTED);
		verb(PilotApplicationStatus::approveByCity, CITY_APPROVED);
		verb(PilotApplicationStatus::approve, APPROVED);
		verb(PilotApplicationStatus::reject, REJECTED);
		for (PilotApplicationStatus s : PilotApplicationStatus.values()) {
			assertThat(s.editable()).as(s.name()).isEqualTo(s == DRAFT);
		}
	}

	private static void verb(UnaryOperator<PilotApplicationStatus> verb, PilotApplicationStatus target) {
		for (PilotApplicationStatus from : PilotApplicationStatus.values()) {
			if (from.canMoveTo(target)) {
				assertThat(verb.apply(from)).isEqualTo(target);
			}
			else {
				assertThatThrownBy(() -> verb.apply(from)).isInstanceOf(IllegalStateTransition.class)
					.satisfies(e -> assertThat(((IllegalStateTransition) e).args()[0]).isEqualTo("试点申报"))
					.satisfies(e -> assertThat(((IllegalStateTransition) e).args()[1].toString())
						.contains(from.messageKey()));
			}
		}
	}

	@Test
	void batchStatusOnlyPublishesDrafts() {
		for (BatchStatus from : BatchStatus.values()) {
			for (BatchStatus to : BatchStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to)
					.isEqualTo(from == BatchStatus.DRAFT && to == BatchStatus.PUBLISHED);
			}
		}
		assertThat(BatchStatus.DRAFT.publish()).isEqualTo(BatchStatus.PUBLISHED);
		assertThatThrownBy(BatchStatus.PUBLISHED::publish).isInstanceOf(IllegalStateTransition.class);
		assertThatThrownBy(() -> BatchStatus.PUBLISHED.requireEditable("编辑"))
			.isInstanceOf(IllegalStateTransition.class);
		BatchStatus.DRAFT.requireEditable("编辑");
	}
}
