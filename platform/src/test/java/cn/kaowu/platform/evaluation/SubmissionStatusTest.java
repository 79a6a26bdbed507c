package cn.kaowu.platform.evaluation;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every from/to pair of the submission state machine, allowed or refused. */
class SubmissionStatusTest {

	static final Map<SubmissionStatus, Set<SubmissionStatus>> ALLOWED = Map.of(SubmissionStatus.PENDING,
			Set.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RATED), SubmissionStatus.SUBMITTED,
			Set.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RATED), SubmissionStatus.RATED, Set.of());

	@Test
	void walksEveryPair() {
		for (SubmissionStatus from : SubmissionStatus.values()) {
			for (SubmissionStatus to : SubmissionStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
			}
		}
	}

	@Test
	void onlyPassNeedsNoComment() {
		for (EvaluationOutcome outcome : EvaluationOutcome.values()) {
			assertThat(outcome.needsComment()).as(outcome.name()).isEqualTo(outcome != EvaluationOutcome.PASS);
		}
	}
}
