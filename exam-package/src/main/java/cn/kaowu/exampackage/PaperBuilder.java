package cn.kaowu.exampackage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a candidate's paper (乱序组卷) deterministically: the order of items within each section and of
 * options within each choice item follows from a seed derived from (package id, ticket number), so the same
 * candidate gets the identical paper after a restart or a PC swap, with nothing stored, and a neighbour
 * gets a different one.
 *
 * <p>Seed = SM3("kaowu/paper-seed/v1" 0x00 package id 0x00 ticket number). Each section and each item draws
 * from its own stream (SM3 of seed, label and section index or item id, in counter mode), so an item's
 * option order does not depend on where the item landed. Shuffling is Fisher–Yates with unbiased rejection
 * sampling. The algorithm is part of the format: changing it changes every paper of a running exam.
 */
public final class PaperBuilder {

    private PaperBuilder() {
    }

    /**
     * @param shapes the shape of each item named in the spec
     * @throws IllegalArgumentException when the spec names an item {@code shapes} does not know
     */
    public static Paper build(String packageId, PaperSpec spec, Function<String, ItemShape> shapes) {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(shapes, "shapes");
        byte[] seed = Sm3.digest(("kaowu/paper-seed/v1\0" + packageId + "\0" + spec.ticketNumber())
                .getBytes(StandardCharsets.UTF_8));
        List<Paper.Section> sections = new ArrayList<>();
        for (int s = 0; s < spec.sections().size(); s++) {
            PaperSpec.Section section = spec.sections().get(s);
            List<String> order = new ArrayList<>(section.itemIds());
            shuffle(order, new SeededStream(seed, "section\0" + s));
            List<Paper.Item> items = new ArrayList<>();
            for (String itemId : order) {
                ItemShape shape = shapes.apply(itemId);
                if (shape == null || !shape.itemId().equals(itemId)) {
                    throw new IllegalArgumentException("no item shape for " + itemId);
                }
                items.add(item(seed, shape));
            }
            sections.add(new Paper.Section(section.name(), items));
        }
        return new Paper(packageId, spec.ticketNumber(), sections);
    }

    private static Paper.Item item(byte[] seed, ItemShape shape) {
        if (!shape.type().shufflesOptions()) {
            return new Paper.Item(shape.itemId(), shape.type(), shape.optionKeys(), shape.answerKey());
        }
        List<String> options = new ArrayList<>(shape.optionKeys());
        shuffle(options, new SeededStream(seed, "options\0" + shape.itemId()));
        Set<String> key = shape.answerKey().stream()
                .map(original -> Paper.Item.label(options.indexOf(original)))
                .collect(Collectors.toUnmodifiableSet());
        return new Paper.Item(shape.itemId(), shape.type(), options, key);
    }

    private static void shuffle(List<String> list, SeededStream random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /** SM3 in counter mode over (seed, label): a reproducible stream of 32-bit values. */
    private static final class SeededStream {
        private final byte[] prefix;
        private long counter;
        private byte[] block = new byte[0];
        private int position;

        SeededStream(byte[] seed, String label) {
            this.prefix = new Binary.Out().bytes(seed).string(label).toByteArray();
        }

        int nextInt(int bound) {
            // Reject the top partial range so that every value below bound is equally likely.
            long range = 1L << 32;
            long limit = range - range % bound;
            while (true) {
                long value = nextUnsigned32();
                if (value < limit) {
                    return (int) (value % bound);
                }
            }
        }

        private long nextUnsigned32() {
            if (position + 4 > block.length) {
                block = Sm3.digest(new Binary.Out().bytes(prefix).i64(counter++).toByteArray());
                position = 0;
            }
            long value = ((block[position] & 0xffL) << 24) | ((block[position + 1] & 0xffL) << 16)
                    | ((block[position + 2] & 0xffL) << 8) | (block[position + 3] & 0xffL);
            position += 4;
            return value;
        }
    }
}
