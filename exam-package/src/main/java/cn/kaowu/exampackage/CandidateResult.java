package cn.kaowu.exampackage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One candidate's entry in a result package.
 *
 * @param answers item id → the answer as the site stores it (e.g. {@code "A,C"}, {@code "T"}, free text)
 * @param objectiveScore the points of the objective items as graded on the site ({@link ObjectiveGrading})
 * @param uploads practical-task files
 * @param signedInAt {@code null} for a candidate who did not sign in (缺考)
 * @param submittedAt {@code null} when nothing was submitted
 */
public record CandidateResult(String ticketNumber, SortedMap<String, String> answers, BigDecimal objectiveScore,
        List<Upload> uploads, Instant signedInAt, Instant submittedAt) {

    /** A file the candidate uploaded for a practical task. */
    public record Upload(String itemId, String fileName, byte[] content) {
        public Upload {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(fileName, "fileName");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Upload that && itemId.equals(that.itemId) && fileName.equals(that.fileName)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, fileName, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Upload[" + itemId + ", " + fileName + ", " + content.length + " bytes]";
        }
    }

    public CandidateResult {
        ExamPackageManifest.requireId(ticketNumber, "ticketNumber");
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers));
        Objects.requireNonNull(objectiveScore, "objectiveScore");
        uploads = List.copyOf(uploads);
    }

    /** The receipt of the submitted answers, as the candidate was shown it. */
    public Receipt receipt() {
        return Receipt.of(ticketNumber, answers);
    }

    byte[] encode() {
        Binary.Out out = new Binary.Out().string(ticketNumber).i32(answers.size());
        answers.forEach((itemId, answer) -> out.string(itemId).string(answer));
        out.decimal(objectiveScore).i32(uploads.size());
        uploads.forEach(upload -> out.string(upload.itemId()).string(upload.fileName()).bytes(upload.content()));
        return out.instant(signedInAt).instant(submittedAt).toByteArray();
    }

    static CandidateResult decode(byte[] data) {
        Binary.In in = new Binary.In(data, "考生成绩记录", "candidate result record");
        String ticket = in.string();
        int answerCount = in.count();
        SortedMap<String, String> answers = new TreeMap<>();
        for (int i = 0; i < answerCount; i++) {
            answers.put(in.string(), in.string());
        }
        BigDecimal score = in.decimal();
        int uploadCount = in.count();
        List<Upload> uploads = new ArrayList<>(uploadCount);
        for (int i = 0; i < uploadCount; i++) {
            uploads.add(new Upload(in.string(), in.string(), in.bytes()));
        }
        CandidateResult result = new CandidateResult(ticket, answers, score, uploads, in.instant(), in.instant());
        in.end();
        return result;
    }
}
