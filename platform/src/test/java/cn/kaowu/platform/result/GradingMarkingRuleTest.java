package cn.kaowu.platform.result;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GradingMarkingRuleTest {

	static final BigDecimal TEN_PERCENT = new BigDecimal("10");

	static List<BigDecimal> marks(String... values) {
		return Arrays.stream(values).map(BigDecimal::new).toList();
	}

	@Test
	void tenPercentOfOneHundredIsTen() {
		assertThat(MarkingRule.threshold(100, TEN_PERCENT)).isEqualByComparingTo("10");
		assertThat(MarkingRule.threshold(30, TEN_PERCENT)).isEqualByComparingTo("3");
		assertThat(MarkingRule.threshold(25, new BigDecimal("12.5"))).isEqualByComparingTo("3.13");
	}

	@Test
	void aDifferenceExactlyAtTheThresholdNeedsNoThirdMark() {
		BigDecimal t = MarkingRule.threshold(100, TEN_PERCENT);
		assertThat(MarkingRule.marksNeeded(marks("70", "80"), t)).isEqualTo(2);
		assertThat(MarkingRule.finalMark(marks("70", "80"), t)).contains(new BigDecimal("75.0"));
		assertThat(MarkingRule.finalMark(marks("80", "70"), t)).contains(new BigDecimal("75.0"));
	}

	@Test
	void oneStepAboveTheThresholdNeedsAThirdMark() {
		BigDecimal t = MarkingRule.threshold(100, TEN_PERCENT);
		assertThat(MarkingRule.marksNeeded(marks("70", "80.5"), t)).isEqualTo(3);
		assertThat(MarkingRule.finalMark(marks("70", "80.5"), t)).isEmpty();
		assertThat(MarkingRule.marksNeeded(marks("80.5", "70"), t)).isEqualTo(3);
	}

	@Test
	void oneMarkIsNeverFinal() {
		assertThat(MarkingRule.finalMark(marks("70"), TEN_PERCENT)).isEmpty();
		assertThat(MarkingRule.finalMark(List.of(), TEN_PERCENT)).isEmpty();
	}

	@Test
	void theMeanOfTwoIsRoundedToTheHalfGridHalvesUp() {
		BigDecimal t = new BigDecimal("10");
		assertThat(MarkingRule.finalMark(marks("72", "72.5"), t)).contains(new BigDecimal("72.5"));
		assertThat(MarkingRule.finalMark(marks("72.5", "73"), t)).contains(new BigDecimal("73.0"));
		assertThat(MarkingRule.finalMark(marks("0", "0"), t)).contains(new BigDecimal("0.0"));
	}

	@Test
	void withThreeTheTwoClosestAreAveraged() {
		BigDecimal t = new BigDecimal("10");
		assertThat(MarkingRule.finalMark(marks("60", "80", "78"), t)).contains(new BigDecimal("79.0"));
		assertThat(MarkingRule.finalMark(marks("60", "80", "63"), t)).contains(new BigDecimal("61.5"));
		// the third mark between both: the closer side wins
		assertThat(MarkingRule.finalMark(marks("60", "80", "71"), t)).contains(new BigDecimal("75.5"));
	}

	@Test
	void withThreeAndATieTheMedianIsFinal() {
		BigDecimal t = new BigDecimal("10");
		assertThat(MarkingRule.finalMark(marks("60", "80", "70"), t)).contains(new BigDecimal("70.0"));
		assertThat(MarkingRule.finalMark(marks("50", "90", "70"), t)).contains(new BigDecimal("70.0"));
	}

	@Test
	void criterionScoresAreWholeOrHalfPoints() {
		assertThat(MarkingRule.onGrid(new BigDecimal("7.5"))).isTrue();
		assertThat(MarkingRule.onGrid(new BigDecimal("7"))).isTrue();
		assertThat(MarkingRule.onGrid(new BigDecimal("7.50"))).isTrue();
		assertThat(MarkingRule.onGrid(new BigDecimal("7.25"))).isFalse();
		assertThat(MarkingRule.onGrid(new BigDecimal("0.1"))).isFalse();
	}
}
