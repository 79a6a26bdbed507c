package cn.kaowu.exampackage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of a {@link RoomRecord}: one room's 考场情况记录 as UTF-8 JSON, written by the site and read by the
 * platform. Everything the proctors recorded (each entry with its time), and each candidate's outcome — the only
 * place a disqualification (取消考试资格) reaches the platform, {@link CandidateResult} does not carry it.
 *
 * <pre>{"version":1,"packageId":"…","roomCode":"101",
 *  "candidates":[{"ticketNumber":"…","seatNumber":1,"outcome":"SUBMITTED","extensionMinutes":5,"effectiveEnd":"…"}],
 *  "extensions":[{"ticketNumber":null,"minutes":5,"reason":"…","chiefExaminer":"…","patrol":"…",
 *                 "approvalCode":null,"totalMinutes":5,"recordedAt":"…"}],
 *  "incidents":[{"ticketNumber":"…","kind":"WARNING","description":"…","candidateSigned":false,
 *                "invigilators":["…"],"recordedAt":"…"}],
 *  "earlyLeaves":[{"ticketNumber":"…","chiefExaminer":"…","recordedAt":"…"}],
 *  "seal":{"trialRun":true,"systemChecked":true,"powerAndMonitoring":true,"signInSheetMatches":true,
 *          "systemAdministrator":"…","examStaff":"…","recordedAt":"…"}}</pre>
 * Instants are ISO-8601; {@code seal} is {@code null} for a room that was not confirmed.
 */
public record RoomReport(int version, String packageId, String roomCode, List<Seat> candidates,
        List<Extension> extensions, List<Incident> incidents, List<EarlyLeave> earlyLeaves, Seal seal) {

    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a candidate's sitting ended (or stands) when the result package was written. */
    public enum Outcome {
        /** 未登录: never signed in and not marked absent. */
        NOT_SIGNED_IN,
        /** 作答中: still answering (only in a package built before the end). */
        ANSWERING,
        /** 已交卷. */
        SUBMITTED,
        /** 缺考. */
        ABSENT,
        /** 取消考试资格: the sitting was ended by the proctor; the answers up to then are in the candidate result. */
        DISQUALIFIED
    }

    /** One candidate of the room. */
    public record Seat(String ticketNumber, int seatNumber, Outcome outcome, int extensionMinutes,
            Instant effectiveEnd) {
        public Seat {
            Objects.requireNonNull(ticketNumber, "ticketNumber");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * An extension (延时) of one candidate or, with {@code ticketNumber} null, of the whole room; either the chief
     * examiner and the patrol (total ≤ 15 min) or the ORG's {@link ExtensionApproval} code.
     */
    public record Extension(String ticketNumber, int minutes, String reason, String chiefExaminer, String patrol,
            String approvalCode, int totalMinutes, Instant recordedAt) {
    }

    /** 情况记录, 警告 or 取消考试资格. */
    public enum IncidentKind {
        NOTE("情况记录"), WARNING("警告"), DISQUALIFICATION("取消考试资格");

        private final String label;

        IncidentKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * An entry of the 考场情况记录表, signed by the candidate or, when the candidate refused (or none is concerned),
     * by the invigilators present.
     */
    public record Incident(String ticketNumber, IncidentKind kind, String description, boolean candidateSigned,
            List<String> invigilators, Instant recordedAt) {
        public Incident {
            Objects.requireNonNull(kind, "kind");
            invigilators = invigilators == null ? List.of() : List.copyOf(invigilators);
        }
    }

    /** The chief examiner's consent to hand in before the last 15 (theory) or 30 (practice) minutes. */
    public record EarlyLeave(String ticketNumber, String chiefExaminer, Instant recordedAt) {
    }

    /** The 考场封场确认单: its four checks and the two signatures. */
    public record Seal(boolean trialRun, boolean systemChecked, boolean powerAndMonitoring,
            boolean signInSheetMatches, String systemAdministrator, String examStaff, Instant recordedAt) {
    }

    public RoomReport {
        ExamPackageManifest.requireId(packageId, "packageId");
        ExamPackageManifest.requireId(roomCode, "roomCode");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        earlyLeaves = earlyLeaves == null ? List.of() : List.copyOf(earlyLeaves);
    }

    /** The record for the result package. */
    public RoomRecord toRecord() {
        return new RoomRecord(roomCode, encode());
    }

    public byte[] encode() {
        return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws CryptoException for a payload that is not this format */
    public static RoomReport decode(byte[] payload) {
        try {
            RoomReport report = JSON.readValue(new String(payload, StandardCharsets.UTF_8), RoomReport.class);
            if (report.version() != VERSION) {
                throw new IllegalArgumentException("version " + report.version());
            }
            return report;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new CryptoException("考场记录格式无法识别 (room report is not understood)", e);
        }
    }
}
