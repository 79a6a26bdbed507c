package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ItemPayloadTest {

    @Test
    void roundTripsAndGivesTheShapeForPaperBuilder() {
        ItemPayload item = new ItemPayload(ItemType.MULTIPLE_CHOICE, "以下哪些是关系型数据库？",
                List.of(new ItemPayload.Option("A", "PostgreSQL"), new ItemPayload.Option("B", "Redis"),
                        new ItemPayload.Option("C", "MySQL")), List.of("A", "C"), new BigDecimal("4"));

        ItemPayload decoded = ItemPayload.decode("m1", item.encode());

        assertThat(decoded).isEqualTo(item);
        assertThat(decoded.shape("m1").optionKeys()).containsExactly("A", "B", "C");
        assertThat(decoded.shape("m1").answerKey()).isEqualTo(Set.of("A", "C"));
        assertThat(decoded.optionText("C")).hasValue("MySQL");
    }

    @Test
    void readsThePlatformsJson() {
        String json = """
                {"type":"TRUE_FALSE","stem":"TCP 是面向连接的协议。","options":[{"key":"T","text":"正确"},
                 {"key":"F","text":"错误"}],"answerKey":["T"],"points":1}""";

        ItemPayload item = ItemPayload.decode("t1", json.getBytes(StandardCharsets.UTF_8));

        assertThat(item.type()).isEqualTo(ItemType.TRUE_FALSE);
        assertThat(item.points()).isEqualByComparingTo("1");
    }

    @Test
    void refusesPayloadsThatAreNotThisFormatOrDoNotFitTheirType() {
        assertThatThrownBy(() -> ItemPayload.decode("x", new byte[] {1, 2, 3})).isInstanceOf(CryptoException.class)
                .hasMessageContaining("题目 x");
        String singleWithTwoKeys = """
                {"type":"SINGLE_CHOICE","stem":"?","options":[{"key":"A","text":"a"},{"key":"B","text":"b"}],
                 "answerKey":["A","B"],"points":2}""";
        assertThatThrownBy(() -> ItemPayload.decode("s", singleWithTwoKeys.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class);
    }
}
