package cn.kaowu.examsite.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.kaowu.exampackage.ItemType;
import cn.kaowu.exampackage.SubjectKind;

/**
 * One candidate's sitting as their browser shows it: identity, timing, the paper and their saved answers.
 *
 * @param effectiveEnd the slot's end plus the candidate's own and their room's extensions
 * @param submitFrom from when the candidate may submit ({@link EarlyLeaveRule}); {@code null} with the chief
 *        examiner's consent
 */
public record SittingView(String packageId, String ticketNumber, String name, String maskedIdNumber,
        CandidateStatus status, Instant slotStart, Instant effectiveEnd, Instant submitFrom, SubjectKind subjectKind,
        List<Section> sections, BigDecimal objectiveScore, String receipt, Instant submittedAt) {

    /** The receipt as shown on the submit screen ({@link cn.kaowu.exampackage.Receipt#shortForm()}). */
    public String receiptShortForm() {
        if (receipt == null) {
            return null;
        }
        String upper = receipt.substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        return String.join("-", upper.substring(0, 4), upper.substring(4, 8), upper.substring(8, 12),
                upper.substring(12, 16), upper.substring(16, 20));
    }

    public boolean submitted() {
        return status == CandidateStatus.SUBMITTED;
    }

    public boolean disqualified() {
        return status == CandidateStatus.DISQUALIFIED;
    }

    /** Whether the submit button is open at {@code now}. */
    public boolean maySubmit(Instant now) {
        return submitFrom == null || !now.isBefore(submitFrom);
    }

    public record Section(String name, List<Item> items) {
    }

    /**
     * @param number the item's number on this paper, from 1
     * @param options the options in display order, under their display labels
     * @param chosen the labels saved so far
     * @param work the uploaded work file of a practical item ("作品.zip（120 KB）"), or null
     */
    public record Item(int number, String itemId, ItemType type, String stem, BigDecimal points,
            List<Option> options, Set<String> chosen, String work) {

        public boolean practical() {
            return type == ItemType.PRACTICAL;
        }

        public boolean multiple() {
            return type == ItemType.MULTIPLE_CHOICE;
        }

        public String typeLabel() {
            return switch (type) {
                case SINGLE_CHOICE -> "单选题";
                case MULTIPLE_CHOICE -> "多选题";
                case TRUE_FALSE -> "判断题";
                case PRACTICAL -> "实操题";
            };
        }
    }

    public record Option(String label, String text, boolean chosen) {
    }
}
