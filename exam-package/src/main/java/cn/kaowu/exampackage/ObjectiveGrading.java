package cn.kaowu.exampackage;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores objective items locally on submit. Answers are the display labels the candidate picked
 * (case and surrounding spaces ignored).
 *
 * <ul>
 * <li>single choice and true/false: full points for exactly the one correct label, otherwise 0;
 * <li>multiple choice: <b>all-or-nothing</b> — full points only for exactly the set of correct labels; a
 *     missing or an extra label gives 0 (no partial credit, as in the 1+X theory exams);
 * <li>an empty answer gives 0.
 * </ul>
 */
public final class ObjectiveGrading {

    private ObjectiveGrading() {
    }

    /** Points for the candidate's answer to {@code item} on their paper. */
    public static BigDecimal score(Paper.Item item, Set<String> answer, BigDecimal points) {
        return score(item.type(), item.answerKey(), answer, points);
    }

    /**
     * @throws IllegalArgumentException for practical tasks, which examiners grade
     */
    public static BigDecimal score(ItemType type, Set<String> answerKey, Set<String> answer, BigDecimal points) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(answerKey, "answerKey");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(points, "points");
        if (!type.isObjective()) {
            throw new IllegalArgumentException("practical tasks are not graded objectively");
        }
        Set<String> given = normalise(answer);
        Set<String> key = normalise(answerKey);
        boolean correct = switch (type) {
            case SINGLE_CHOICE, TRUE_FALSE -> given.size() == 1 && given.equals(key);
            case MULTIPLE_CHOICE -> !given.isEmpty() && given.equals(key);
            case PRACTICAL -> false;
        };
        return correct ? points : BigDecimal.ZERO;
    }

    private static Set<String> normalise(Set<String> labels) {
        return labels.stream().map(label -> label.strip().toUpperCase(Locale.ROOT)).filter(label -> !label.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
