package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReceiptTest {

    @Test
    void isTheSm3OfTheSortedAnswersWithAShortFormForDisplay() {
        Receipt receipt = Receipt.of("2026120500000001", Map.of("S2", "B", "S1", "A"));

        assertThat(receipt.hex()).matches("[0-9a-f]{64}");
        assertThat(receipt.shortForm()).matches("[0-9A-F]{4}(-[0-9A-F]{4}){4}");
        assertThat(receipt.shortForm().replace("-", "").toLowerCase()).isEqualTo(receipt.hex().substring(0, 20));
        assertThat(Receipt.of("2026120500000001", Map.of("S1", "A", "S2", "B"))).isEqualTo(receipt);
    }

    @Test
    void changesWithAnyAnswerAndWithTheCandidate() {
        Receipt receipt = Receipt.of("2026120500000001", Map.of("S1", "A", "S2", "B"));

        assertThat(Receipt.of("2026120500000001", Map.of("S1", "A", "S2", "C"))).isNotEqualTo(receipt);
        assertThat(Receipt.of("2026120500000001", Map.of("S1", "A"))).isNotEqualTo(receipt);
        assertThat(Receipt.of("2026120500000002", Map.of("S1", "A", "S2", "B"))).isNotEqualTo(receipt);
        // Length-prefixed fields: moving text between item id and answer changes the receipt.
        assertThat(Receipt.of("T", Map.of("S1", "AB"))).isNotEqualTo(Receipt.of("T", Map.of("S1A", "B")));
    }

    @Test
    void anEmptySubmissionHasAReceiptToo() {
        assertThat(Receipt.of("2026120500000003", Map.of()).hex()).hasSize(64);
    }
}
