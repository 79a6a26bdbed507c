package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ObjectiveGradingTest {

    private static final BigDecimal TWO = new BigDecimal("2.0");

    private static BigDecimal score(ItemType type, Set<String> key, Set<String> answer) {
        return ObjectiveGrading.score(type, key, answer, TWO);
    }

    @Test
    void singleChoice() {
        Set<String> key = Set.of("B");

        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of("B"))).isEqualTo(TWO);
        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of(" b "))).isEqualTo(TWO);
        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of("A"))).isZero();
        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of("A", "B"))).isZero();
        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of())).isZero();
        assertThat(score(ItemType.SINGLE_CHOICE, key, Set.of(""))).isZero();
    }

    @Test
    void multipleChoiceIsAllOrNothing() {
        Set<String> key = Set.of("A", "C", "D");

        assertThat(score(ItemType.MULTIPLE_CHOICE, key, Set.of("D", "C", "A"))).isEqualTo(TWO);
        assertThat(score(ItemType.MULTIPLE_CHOICE, key, Set.of("A", "C"))).as("one missing").isZero();
        assertThat(score(ItemType.MULTIPLE_CHOICE, key, Set.of("A", "B", "C", "D"))).as("one extra").isZero();
        assertThat(score(ItemType.MULTIPLE_CHOICE, key, Set.of("B"))).isZero();
        assertThat(score(ItemType.MULTIPLE_CHOICE, key, Set.of())).as("empty").isZero();
    }

    @Test
    void trueFalse() {
        assertThat(score(ItemType.TRUE_FALSE, Set.of("T"), Set.of("T"))).isEqualTo(TWO);
        assertThat(score(ItemType.TRUE_FALSE, Set.of("T"), Set.of("F"))).isZero();
        assertThat(score(ItemType.TRUE_FALSE, Set.of("F"), Set.of("F"))).isEqualTo(TWO);
        assertThat(score(ItemType.TRUE_FALSE, Set.of("T"), Set.of("T", "F"))).isZero();
        assertThat(score(ItemType.TRUE_FALSE, Set.of("T"), Set.of())).isZero();
    }

    @Test
    void gradesInTheCandidatesShuffledLabels() {
        ItemShape shape = new ItemShape("S1", ItemType.SINGLE_CHOICE, List.of("A", "B", "C", "D"), Set.of("A"));
        Paper paper = PaperBuilder.build("PKG-1",
                new PaperSpec("T1", List.of(new PaperSpec.Section("单选题", List.of("S1")))), id -> shape);
        Paper.Item item = paper.sections().get(0).items().get(0);
        String shownLabelOfBankA = item.labels().get(item.options().indexOf("A"));

        assertThat(ObjectiveGrading.score(item, Set.of(shownLabelOfBankA), TWO)).isEqualTo(TWO);
        assertThat(ObjectiveGrading.score(item, Set.of(shownLabelOfBankA.equals("A") ? "B" : "A"), TWO)).isZero();
    }

    @Test
    void practicalTasksAreNotGradedHere() {
        assertThatThrownBy(() -> score(ItemType.PRACTICAL, Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
