package cn.kaowu.platform.result;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The final-mark rule of practical grading (pure; documented in docs/architecture.md, "Practical grading").
 * <ul>
 * <li>Marks are on a 0.5 grid (criterion scores are whole or half points).</li>
 * <li>The threshold is {@code points × percent / 100} of the task's item (10 % of 100 = 10).</li>
 * <li>Two marks with {@code |a − b| ≤ threshold}: final = their mean. {@code |a − b| > threshold}: a third mark is
 * needed (a difference exactly at the threshold needs none; one half point more does).</li>
 * <li>Three marks: final = the mean of the two closest; when the middle mark is exactly as far from both others (a
 * tie), the median.</li>
 * <li>The final mark is rounded to the 0.5 grid, halves up (in the candidate's favour): 72.25 → 72.5, 72.75 → 73.</li>
 * </ul>
 */
public final class MarkingRule {

	/** The smallest step of a criterion score. */
	public static final BigDecimal STEP = new BigDecimal("0.5");

	private MarkingRule() {
	}

	/** The largest difference two marks may have without a third mark. */
	public static BigDecimal threshold(int points, BigDecimal percent) {
		return BigDecimal.valueOf(points).multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	/** How many marks a task needs given the marks it has: 2, or 3 once the first two disagree. */
	public static int marksNeeded(List<BigDecimal> marks, BigDecimal threshold) {
		if (marks.size() < 2) {
			return 2;
		}
		return marks.get(0).subtract(marks.get(1)).abs().compareTo(threshold) > 0 ? 3 : 2;
	}

	/** The final mark, once enough marks are in (in the order they were given); empty while more are needed. */
	public static Optional<BigDecimal> finalMark(List<BigDecimal> marks, BigDecimal threshold) {
		int needed = marksNeeded(marks, threshold);
		if (marks.size() < needed) {
			return Optional.empty();
		}
		if (needed == 2) {
			return Optional.of(toGrid(marks.get(0).add(marks.get(1)).divide(BigDecimal.TWO)));
		}
		List<BigDecimal> sorted = new ArrayList<>(marks.subList(0, 3));
		sorted.sort(null);
		BigDecimal low = sorted.get(1).subtract(sorted.get(0));
		BigDecimal high = sorted.get(2).subtract(sorted.get(1));
		int c = low.compareTo(high);
		BigDecimal result = c == 0 ? sorted.get(1)
				: c < 0 ? sorted.get(0).add(sorted.get(1)).divide(BigDecimal.TWO)
						: sorted.get(1).add(sorted.get(2)).divide(BigDecimal.TWO);
		return Optional.of(toGrid(result));
	}

	/** Rounded to the 0.5 grid, halves up. */
	static BigDecimal toGrid(BigDecimal value) {
		return value.multiply(BigDecimal.TWO).setScale(0, RoundingMode.HALF_UP).divide(BigDecimal.TWO).setScale(1);
	}

	/** Whether a criterion score is on the grid. */
	public static boolean onGrid(BigDecimal score) {
		return score.multiply(BigDecimal.TWO).stripTrailingZeros().scale() <= 0;
	}
}
