package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PaperBuilderTest {

    private static final Map<String, ItemShape> SHAPES = new HashMap<>();
    private static final PaperSpec.Section SINGLE;
    private static final PaperSpec.Section MULTIPLE;
    private static final PaperSpec.Section TRUE_FALSE;
    private static final PaperSpec.Section PRACTICAL;

    static {
        List<String> single = new ArrayList<>();
        List<String> multiple = new ArrayList<>();
        List<String> trueFalse = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            SHAPES.put("S" + i, new ItemShape("S" + i, ItemType.SINGLE_CHOICE, List.of("A", "B", "C", "D"),
                    Set.of(List.of("A", "B", "C", "D").get(i % 4))));
            single.add("S" + i);
            SHAPES.put("M" + i, new ItemShape("M" + i, ItemType.MULTIPLE_CHOICE, List.of("A", "B", "C", "D", "E"),
                    Set.of("A", "C", "E")));
            multiple.add("M" + i);
            SHAPES.put("J" + i, new ItemShape("J" + i, ItemType.TRUE_FALSE, List.of("T", "F"),
                    Set.of(i % 2 == 0 ? "T" : "F")));
            trueFalse.add("J" + i);
        }
        SHAPES.put("P1", new ItemShape("P1", ItemType.PRACTICAL, List.of(), Set.of()));
        SINGLE = new PaperSpec.Section("单选题", single);
        MULTIPLE = new PaperSpec.Section("多选题", multiple);
        TRUE_FALSE = new PaperSpec.Section("判断题", trueFalse);
        PRACTICAL = new PaperSpec.Section("实操题", List.of("P1"));
    }

    private static PaperSpec spec(String ticket) {
        return new PaperSpec(ticket, List.of(SINGLE, MULTIPLE, TRUE_FALSE, PRACTICAL));
    }

    private static Paper build(String packageId, String ticket) {
        return PaperBuilder.build(packageId, spec(ticket), SHAPES::get);
    }

    private static String ticket(int n) {
        return "20261205%08d".formatted(n);
    }

    private static List<String> itemOrder(Paper paper, int section) {
        return paper.sections().get(section).items().stream().map(Paper.Item::itemId).toList();
    }

    @Test
    void theSameCandidateGetsTheIdenticalPaperEveryTime() {
        // Nothing is cached between calls, so this is what a restarted server computes.
        assertThat(build("PKG-1", ticket(1))).isEqualTo(build("PKG-1", ticket(1)));
    }

    @Test
    void aKnownPaperStaysTheSameAcrossReleases() {
        // Pinned so that a change of the algorithm, which would reshuffle running exams, fails loudly.
        Paper paper = build("PKG-1", ticket(1));

        assertThat(String.join(",", itemOrder(paper, 0))).isEqualTo("S3,S6,S8,S1,S10,S4,S9,S2,S5,S7");
        assertThat(paper.sections().get(1).items().get(0).options()).containsExactly("B", "A", "C", "D", "E");
    }

    @Test
    void keepsEveryItemAndSectionOrder() {
        Paper paper = build("PKG-1", ticket(7));

        assertThat(paper.sections()).extracting(Paper.Section::name).containsExactly("单选题", "多选题", "判断题", "实操题");
        assertThat(itemOrder(paper, 0)).containsExactlyInAnyOrderElementsOf(SINGLE.itemIds());
        assertThat(itemOrder(paper, 1)).containsExactlyInAnyOrderElementsOf(MULTIPLE.itemIds());
        assertThat(itemOrder(paper, 2)).containsExactlyInAnyOrderElementsOf(TRUE_FALSE.itemIds());
        assertThat(itemOrder(paper, 3)).containsExactly("P1");
    }

    @Test
    void remapsTheAnswerKeyToTheShuffledOptions() {
        for (int n = 0; n < 50; n++) {
            for (Paper.Section section : build("PKG-1", ticket(n)).sections()) {
                for (Paper.Item item : section.items()) {
                    ItemShape shape = SHAPES.get(item.itemId());
                    assertThat(item.options()).containsExactlyInAnyOrderElementsOf(shape.optionKeys());
                    assertThat(item.answerKey().stream().map(item::originalOption).toList())
                            .containsExactlyInAnyOrderElementsOf(shape.answerKey());
                }
            }
        }
    }

    @Test
    void shufflesChoiceOptionsButNotTrueFalse() {
        Paper paper = build("PKG-1", ticket(3));
        Paper.Item single = paper.sections().get(0).items().get(0);
        Paper.Item trueFalse = paper.sections().get(2).items().get(0);

        assertThat(single.labels()).containsExactly("A", "B", "C", "D");
        assertThat(trueFalse.options()).containsExactly("T", "F");
        assertThat(trueFalse.labels()).containsExactly("T", "F");
        long shuffled = IntStream.range(0, 200)
                .mapToObj(n -> build("PKG-1", ticket(n)).sections().get(0).items().get(0).options())
                .filter(options -> !options.equals(List.of("A", "B", "C", "D")))
                .count();
        assertThat(shuffled).isGreaterThan(150); // 23 of 24 orders are not the bank's
    }

    @Test
    void neighboursGetDifferentOrders() {
        int candidates = 1_000;
        List<Paper> papers = IntStream.range(0, candidates).mapToObj(n -> build("PKG-1", ticket(n))).toList();

        for (int section = 0; section < 3; section++) {
            int differing = 0;
            for (int n = 1; n < candidates; n++) {
                if (!itemOrder(papers.get(n - 1), section).equals(itemOrder(papers.get(n), section))) {
                    differing++;
                }
            }
            assertThat(differing).as("section %d", section).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * (candidates - 1)));
        }
        // Each position holds each item about equally often (no bias toward the bank's order).
        long firstIsS1 = papers.stream().filter(p -> itemOrder(p, 0).get(0).equals("S1")).count();
        assertThat(firstIsS1).isBetween(50L, 150L);
    }

    @Test
    void anotherPackageGivesTheSameCandidateAnotherPaper() {
        assertThat(itemOrder(build("PKG-1", ticket(1)), 0)).isNotEqualTo(itemOrder(build("PKG-2", ticket(1)), 0));
    }

    @Test
    void refusesAnUnknownItem() {
        PaperSpec spec = new PaperSpec(ticket(1), List.of(new PaperSpec.Section("单选题", List.of("X9"))));

        assertThatThrownBy(() -> PaperBuilder.build("PKG-1", spec, SHAPES::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X9");
    }
}
