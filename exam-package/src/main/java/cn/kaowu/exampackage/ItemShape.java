package cn.kaowu.exampackage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link PaperBuilder} needs of one bank item, read by the site from the item's payload: its type, its
 * option keys in the bank's order and the keys of the correct options.
 *
 * @param optionKeys e.g. {@code A, B, C, D}; {@code T, F} for true/false; empty for practical tasks
 * @param answerKey a subset of {@code optionKeys}; empty for practical tasks
 */
public record ItemShape(String itemId, ItemType type, List<String> optionKeys, Set<String> answerKey) {

    public ItemShape {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        optionKeys = List.copyOf(optionKeys);
        answerKey = Set.copyOf(answerKey);
        if (new HashSet<>(optionKeys).size() != optionKeys.size() || !optionKeys.containsAll(answerKey)) {
            throw new IllegalArgumentException("item " + itemId + ": option keys must be distinct and hold the answer key");
        }
        boolean valid = switch (type) {
            case SINGLE_CHOICE -> optionKeys.size() >= 2 && answerKey.size() == 1;
            case MULTIPLE_CHOICE -> optionKeys.size() >= 2 && !answerKey.isEmpty();
            case TRUE_FALSE -> optionKeys.size() == 2 && answerKey.size() == 1;
            case PRACTICAL -> optionKeys.isEmpty() && answerKey.isEmpty();
        };
        if (!valid) {
            throw new IllegalArgumentException("item " + itemId + ": options " + optionKeys + " and answer key "
                    + answerKey + " do not fit a " + type + " item");
        }
        if (optionKeys.size() > 26) {
            throw new IllegalArgumentException("item " + itemId + ": at most 26 options");
        }
    }
}
