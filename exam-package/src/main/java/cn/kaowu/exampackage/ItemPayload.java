package cn.kaowu.exampackage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of a {@link PoolItem}: UTF-8 JSON, written by the platform's package builder and read by the site
 * <pre>{"type":"SINGLE_CHOICE","stem":"…","options":[{"key":"A","text":"…"},…],"answerKey":["A"],"points":2}</pre>
 * True/false items have the options {@code T} and {@code F}; practical tasks have no options nor answer key and
 * carry their instructions in {@code stem}.
 */
public record ItemPayload(ItemType type, String stem, List<Option> options, List<String> answerKey, BigDecimal points) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One option under the bank's key. */
    public record Option(String key, String text) {
        public Option {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
        }
    }

    public ItemPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stem, "stem");
        options = options == null ? List.of() : List.copyOf(options);
        answerKey = answerKey == null ? List.of() : List.copyOf(answerKey);
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
    }

    /** What {@link PaperBuilder} needs; validates the options against the type. */
    public ItemShape shape(String itemId) {
        return new ItemShape(itemId, type, options.stream().map(Option::key).toList(), new LinkedHashSet<>(answerKey));
    }

    public Optional<String> optionText(String key) {
        return options.stream().filter(option -> option.key().equals(key)).map(Option::text).findFirst();
    }

    public byte[] encode() {
        return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws CryptoException for a payload that is not this format (a package from an incompatible bank) */
    public static ItemPayload decode(String itemId, byte[] payload) {
        try {
            ItemPayload item = JSON.readValue(new String(payload, StandardCharsets.UTF_8), ItemPayload.class);
            item.shape(itemId);
            return item;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new CryptoException("题目 " + itemId + " 的内容格式无法识别 (item " + itemId + " payload is not understood)",
                    e);
        }
    }
}
