package cn.kaowu.platform.score;

import java.math.BigDecimal;

import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.result.ResultIntake.Outcome;
import cn.kaowu.platform.result.ResultIntake.SubjectResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreRulesTest {

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "59.5", "60", "99.9", "100", "100.0", " 85 " })
	void scoresFromZeroToHundredWithAtMostOneDecimalAreTaken(String text) {
		assertThat(ScoreRules.problem("score", text)).isEmpty();
		assertThat(ScoreRules.parse(text).scale()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "100.1", "101", "1000" })
	void aboveHundredIsRefusedAsOutOfRange(String text) {
		assertThat(ScoreRules.problem("score", text)).get()
			.satisfies(p -> assertThat(p.messageKey()).isEqualTo("score.value.range"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "59.55", "60.", ".5", "六十", "6O", "1e2", "60,5" })
	void negativeTwoDecimalsAndNonNumbersAreRefusedAsFormat(String text) {
		assertThat(ScoreRules.problem("score", text)).get()
			.satisfies(p -> assertThat(p.messageKey()).isEqualTo("score.value.format"));
	}

	@Test
	void anEmptyScoreIsRequired() {
		assertThat(ScoreRules.problem("score", " ")).get()
			.satisfies(p -> assertThat(p.messageKey()).isEqualTo("score.value.required"));
		assertThat(ScoreRules.problem("score", null)).isPresent();
	}

	@Test
	void thePassMarkIsInclusiveAndAbsenceFails() {
		assertThat(ScoreRules.passes(new BigDecimal("59"), 60)).isFalse();
		assertThat(ScoreRules.passes(new BigDecimal("59.9"), 60)).isFalse();
		assertThat(ScoreRules.passes(new BigDecimal("60"), 60)).isTrue();
		assertThat(ScoreRules.passes(new BigDecimal("60.0"), 60)).isTrue();
		assertThat(ScoreRules.passes(null, 60)).as("缺考").isFalse();
		assertThat(ScoreRules.passes(BigDecimal.ZERO, 0)).isTrue();
	}

	@Test
	void anExamResultBecomesAScore() {
		assertThat(ScoreRules.fromResult(sat("85.55", null, false), ExamMode.COMPUTER))
			.as("rounded half up to one decimal").isEqualTo(new ScoreRules.Scored(new BigDecimal("85.6"), null));
		assertThat(ScoreRules.fromResult(new SubjectResult("t", Outcome.ABSENT, BigDecimal.ZERO, null, false),
				ExamMode.COMPUTER)).isInstanceOf(ScoreRules.Absent.class);
		assertThat(ScoreRules.fromResult(new SubjectResult("t", Outcome.DISQUALIFIED, new BigDecimal("70"), null, false),
				ExamMode.COMPUTER)).isEqualTo(new ScoreRules.Scored(new BigDecimal("0.0"), "取消资格"));
	}

	@Test
	void aPracticalSubjectAddsTheGradedMarkAndWaitsForAPendingOne() {
		assertThat(ScoreRules.fromResult(sat("20", "45.5", false), ExamMode.COMPUTER_PRACTICAL))
			.isEqualTo(new ScoreRules.Scored(new BigDecimal("65.5"), null));
		assertThat(ScoreRules.fromResult(sat("0", "60", false), ExamMode.PRACTICAL))
			.isEqualTo(new ScoreRules.Scored(new BigDecimal("60.0"), null));
		assertThat(ScoreRules.fromResult(sat("20", null, true), ExamMode.PRACTICAL))
			.isInstanceOf(ScoreRules.PracticalPending.class);
		assertThat(ScoreRules.fromResult(sat("20", null, false), ExamMode.PRACTICAL))
			.as("not graded yet although not flagged").isInstanceOf(ScoreRules.PracticalPending.class);
		assertThat(ScoreRules.fromResult(sat("20", "30", true), ExamMode.PRACTICAL))
			.isInstanceOf(ScoreRules.PracticalPending.class);
		assertThat(ScoreRules.fromResult(sat("20", null, true), ExamMode.COMPUTER))
			.as("a theory subject has no practical part").isEqualTo(new ScoreRules.Scored(new BigDecimal("20.0"), null));
	}

	@Test
	void importRowsMatchByTheLastFourCharactersOfTheIdNumber() {
		String id = "11010519491231002X";
		assertThat(ImportScores.idMatches(id, "002X")).isTrue();
		assertThat(ImportScores.idMatches(id, "002x")).isTrue();
		assertThat(ImportScores.idMatches(id, "110105********002X")).isTrue();
		assertThat(ImportScores.idMatches(id, id)).isTrue();
		assertThat(ImportScores.idMatches(id, "0021")).isFalse();
		assertThat(ImportScores.idMatches(id, "02X")).as("fewer than four").isFalse();
		assertThat(ImportScores.idMatches(id, "11010519491231012X")).as("a whole number must be the stored one")
			.isFalse();
	}

	private static SubjectResult sat(String objective, String practical, boolean pending) {
		return new SubjectResult("t", Outcome.SAT, new BigDecimal(objective),
				practical == null ? null : new BigDecimal(practical), pending);
	}
}
