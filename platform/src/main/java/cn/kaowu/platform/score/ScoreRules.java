package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.result.ResultIntake;
import org.jspecify.annotations.Nullable;

/**
 * The pure rules of scores: what a typed score may be (0–100, at most one decimal), what an exam result becomes, and
 * whether a score passes. No database, no clock.
 */
public final class ScoreRules {

	/** 缺考 in the import's 备注 column. */
	public static final String ABSENT_NOTE = "缺考";

	/** The note a disqualified candidate's 0 carries. */
	public static final String DISQUALIFIED_NOTE = "取消资格";

	private static final Pattern SCORE = Pattern.compile("\\d{1,9}(\\.\\d)?");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ScoreRules() {
	}

	/**
	 * A typed score: digits with at most one decimal, 0–100 inclusive ("59.5" yes, "59.55", "-1", "100.1", "六十"
	 * no). A spreadsheet's numeric cell read back as {@code 60.0} is a typed 60.0 and passes.
	 */
	public static Optional<FieldProblem> problem(String field, @Nullable String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Optional.of(new FieldProblem(field, "score.value.required"));
		}
		if (!SCORE.matcher(t).matches()) {
			return Optional.of(new FieldProblem(field, "score.value.format", t));
		}
		if (new BigDecimal(t).compareTo(HUNDRED) > 0) {
			return Optional.of(new FieldProblem(field, "score.value.range", t));
		}
		return Optional.empty();
	}

	/** The score of a text that passed {@link #problem}, with one decimal. */
	public static BigDecimal parse(String text) {
		return new BigDecimal(text.strip()).setScale(1, RoundingMode.UNNECESSARY);
	}

	/** Whether a score passes a pass mark (inclusive: 60 passes 60, 59.9 does not); 缺考 (null) never passes. */
	public static boolean passes(@Nullable BigDecimal score, int passMark) {
		return score != null && score.compareTo(BigDecimal.valueOf(passMark)) >= 0;
	}

	/** What an uploaded result makes of a subject score. */
	public sealed interface FromResult {
	}

	/** A score to register (with a note for a disqualified candidate). */
	public record Scored(BigDecimal score, @Nullable String note) implements FromResult {
	}

	/** 缺考: no score. */
	public record Absent() implements FromResult {
	}

	/** The practical part is not graded yet: reported, not registered. */
	public record PracticalPending() implements FromResult {
	}

	/**
	 * An uploaded result as a subject score: ABSENT → 缺考; DISQUALIFIED → 0 with the note 取消资格 (the proctors'
	 * decision is recorded on the score so the 考证结果 fails and the case file can show why — 缺考 would say the
	 * candidate never came); SAT → objective + practical, where a subject with a practical part needs the practical mark
	 * (not pending, not missing). The sum is rounded half up to one decimal and capped to 0–100.
	 */
	public static FromResult fromResult(ResultIntake.SubjectResult r, ExamMode mode) {
		return switch (r.outcome()) {
			case ABSENT -> new Absent();
			case DISQUALIFIED -> new Scored(BigDecimal.ZERO.setScale(1), DISQUALIFIED_NOTE);
			case SAT -> {
				BigDecimal objective = r.objectiveScore() == null ? BigDecimal.ZERO : r.objectiveScore();
				BigDecimal sum = objective;
				if (mode.includesPractical()) {
					if (r.practicalPending() || r.practicalMark() == null) {
						yield new PracticalPending();
					}
					sum = sum.add(r.practicalMark());
				}
				yield new Scored(sum.max(BigDecimal.ZERO).min(HUNDRED).setScale(1, RoundingMode.HALF_UP), null);
			}
		};
	}
}
