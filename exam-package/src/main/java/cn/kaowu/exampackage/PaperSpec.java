package cn.kaowu.exampackage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which items one candidate's paper holds, per section, in the bank's order; the site shuffles them with
 * {@link PaperBuilder}.
 */
public record PaperSpec(String ticketNumber, List<Section> sections) {

    /** A part of the paper (e.g. 单选题), its items in the bank's order. */
    public record Section(String name, List<String> itemIds) {
        public Section {
            Objects.requireNonNull(name, "name");
            itemIds = List.copyOf(itemIds);
        }
    }

    public PaperSpec {
        ExamPackageManifest.requireId(ticketNumber, "ticketNumber");
        sections = List.copyOf(sections);
        Set<String> seen = new HashSet<>();
        for (Section section : sections) {
            for (String itemId : section.itemIds()) {
                if (!seen.add(itemId)) {
                    throw new IllegalArgumentException("item " + itemId + " twice in the paper of " + ticketNumber);
                }
            }
        }
    }

    byte[] encode() {
        Binary.Out out = new Binary.Out().string(ticketNumber).i32(sections.size());
        for (Section section : sections) {
            out.string(section.name()).strings(section.itemIds());
        }
        return out.toByteArray();
    }

    static PaperSpec decode(byte[] data) {
        Binary.In in = new Binary.In(data, "试卷规格记录", "paper spec record");
        String ticket = in.string();
        int count = in.count();
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sections.add(new Section(in.string(), in.strings()));
        }
        in.end();
        return new PaperSpec(ticket, sections);
    }
}
