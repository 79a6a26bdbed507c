package cn.kaowu.exampackage;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A candidate's receipt (回执) for the answers they submitted: SM3 over the ticket number and the answers sorted
 * by item id, shown on the submit screen in its short form. The platform recomputes it from the uploaded result
 * package ({@link CandidateResult#receipt()}), so a candidate can later prove what was submitted for them.
 *
 * @param hex the full SM3 digest, 64 lower-case hex characters
 * @param shortForm the first 80 bits in upper-case groups of four, e.g. {@code 3F2A-9C01-77BE-0D42-5A6E}
 */
public record Receipt(String hex, String shortForm) {

    public static Receipt of(String ticketNumber, Map<String, String> answers) {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        SortedMap<String, String> sorted = new TreeMap<>(answers);
        Binary.Out out = new Binary.Out().string("kaowu/receipt/v1").string(ticketNumber).i32(sorted.size());
        sorted.forEach((itemId, answer) -> out.string(itemId).string(answer));
        String hex = HexFormat.of().formatHex(Sm3.digest(out.toByteArray()));
        String upper = hex.substring(0, 20).toUpperCase(Locale.ROOT);
        String shortForm = String.join("-", upper.substring(0, 4), upper.substring(4, 8), upper.substring(8, 12),
                upper.substring(12, 16), upper.substring(16, 20));
        return new Receipt(hex, shortForm);
    }
}
