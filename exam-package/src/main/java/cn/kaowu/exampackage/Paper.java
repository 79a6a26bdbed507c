package cn.kaowu.exampackage;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One candidate's paper as built by {@link PaperBuilder}: sections and items in the candidate's order. */
public record Paper(String packageId, String ticketNumber, List<Section> sections) {

    public Paper {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        sections = List.copyOf(sections);
    }

    public record Section(String name, List<Item> items) {
        public Section {
            Objects.requireNonNull(name, "name");
            items = List.copyOf(items);
        }
    }

    /**
     * An item as the candidate sees it. Choice options are shown under the labels A, B, C, … in this order;
     * true/false items keep their option keys as labels.
     *
     * @param options the bank's option keys in display order
     * @param answerKey the correct options as display labels (what the candidate must pick)
     */
    public record Item(String itemId, ItemType type, List<String> options, Set<String> answerKey) {
        public Item {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(type, "type");
            options = List.copyOf(options);
            answerKey = Set.copyOf(answerKey);
        }

        /** The display labels in order: A, B, C, … for choice items, the option keys otherwise. */
        public List<String> labels() {
            if (!type.shufflesOptions()) {
                return options;
            }
            return options.stream().map(option -> label(options.indexOf(option))).toList();
        }

        /** The bank's option key shown under {@code label}, e.g. to store an answer in the bank's terms. */
        public String originalOption(String label) {
            int index = labels().indexOf(label);
            if (index < 0) {
                throw new IllegalArgumentException("item " + itemId + " has no option " + label);
            }
            return options.get(index);
        }

        static String label(int index) {
            return String.valueOf((char) ('A' + index));
        }
    }
}
