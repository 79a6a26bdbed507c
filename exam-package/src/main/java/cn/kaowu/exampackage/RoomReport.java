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
 *          "systemAdministrator":"…","examStaff":"…","recordedAt":"…"},
 *  "panel":{"siteCollege":"…","members":[{"name":"…","organisation":"…","contact":"…"}],"recordedBy":"…","recordedAt":"…"},
 *  "appeals":[{"id":1,"ticketNumber":"…","text":"…","recordedBy":"…","signatureType":"image/png",
 *              "signature":"<base64>","recordedAt":"…","dueAt":"…",
 *              "events":[{"kind":"DECIDED","outcome":"MAINTAINED","text":"…","decidedBy":["…"],"agreedAt":"…",
 *                         "reason":null,"recordedBy":"…","recordedAt":"…"}]}]}</pre>
 * Instants are ISO-8601; {@code seal} is {@code null} for a room that was not confirmed. {@code panel} (the package's
 * 仲裁组, the same in every room of the package) and {@code appeals} (申诉 of the room's candidates, 000 §4.5) came
 * later within version 1: a report without them reads as no panel and no appeals. The scanned signature travels as
 * base64 inside the JSON (≤ 5 MB each, so ≤ 6.7 MB of text per appeal).
 */
public record RoomReport(int version, String packageId, String roomCode, List<Seat> candidates,
        List<Extension> extensions, List<Incident> incidents, List<EarlyLeave> earlyLeaves, Seal seal, Panel panel,
        List<Appeal> appeals) {

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

    /** 仲裁组 of the package: 1, 3 or 5 members, none from the site's own college (as the site declared it). */
    public record Panel(String siteCollege, List<PanelMember> members, String recordedBy, Instant recordedAt) {
        public Panel {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** One arbitrator: name, organisation (工作单位) and how to reach them. */
    public record PanelMember(String name, String organisation, String contact) {
    }

    /** 仲裁结果: 维持 (the appeal fails), 支持, 部分支持. */
    public enum AppealOutcome {
        MAINTAINED("维持"), SUPPORTED("支持"), PARTLY_SUPPORTED("部分支持");

        private final String label;

        AppealOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What happened to an appeal after it was recorded; each is its own append-only entry. */
    public enum AppealEventKind {
        /** The panel's written decision (outcome, text, the members who decided, the agreed time of receipt). */
        DECIDED,
        /** The appellant signed for the decision in person. */
        SIGNED_FOR,
        /** The appellant did not come at the agreed time: the appeal counts as withdrawn (000 §4.5.6). */
        ABSENT,
        /** The appellant withdrew (any time before the decision), with a reason. */
        WITHDRAWN
    }

    /** 已受理 → 已决定 → 已签收, or → 已撤回. */
    public enum AppealState {
        ACCEPTED("已受理"), DECIDED("已决定"), SIGNED_FOR("已签收"), WITHDRAWN("已撤回");

        private final String label;

        AppealState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One entry of an appeal's history. */
    public record AppealEvent(AppealEventKind kind, AppealOutcome outcome, String text, List<String> decidedBy,
            Instant agreedAt, String reason, String recordedBy, Instant recordedAt) {
        public AppealEvent {
            Objects.requireNonNull(kind, "kind");
            decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
        }
    }

    /**
     * A candidate's written appeal as the staff recorded it, with the scanned signed page ({@code signatureType}
     * image/jpeg or image/png) and its history in order.
     */
    public record Appeal(long id, String ticketNumber, String text, String recordedBy, String signatureType,
            byte[] signature, Instant recordedAt, Instant dueAt, List<AppealEvent> events) {
        public Appeal {
            Objects.requireNonNull(ticketNumber, "ticketNumber");
            events = events == null ? List.of() : List.copyOf(events);
        }

        public AppealState state() {
            return stateOf(events);
        }

        /** The decision, if there is one. */
        public java.util.Optional<AppealEvent> decision() {
            return events.stream().filter(e -> e.kind() == AppealEventKind.DECIDED).findFirst();
        }

        /** Decided after the due time (recorded + 2 h), or not decided and the due time has passed. */
        public boolean lateAt(Instant now) {
            return decision().map(d -> d.recordedAt().isAfter(dueAt))
                    .orElse(state() == AppealState.ACCEPTED && now.isAfter(dueAt));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Appeal that && id == that.id && ticketNumber.equals(that.ticketNumber)
                    && Objects.equals(text, that.text) && java.util.Arrays.equals(signature, that.signature)
                    && Objects.equals(recordedAt, that.recordedAt) && events.equals(that.events);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, ticketNumber, recordedAt);
        }

        @Override
        public String toString() {
            return "Appeal[" + id + ", " + ticketNumber + ", " + state() + "]";
        }
    }

    /** The state after these events (in order). */
    public static AppealState stateOf(List<AppealEvent> events) {
        AppealState state = AppealState.ACCEPTED;
        for (AppealEvent event : events) {
            state = switch (event.kind()) {
                case DECIDED -> AppealState.DECIDED;
                case SIGNED_FOR -> AppealState.SIGNED_FOR;
                case ABSENT, WITHDRAWN -> AppealState.WITHDRAWN;
            };
        }
        return state;
    }

    /** A report as written before panels and appeals were recorded. */
    public RoomReport(int version, String packageId, String roomCode, List<Seat> candidates,
            List<Extension> extensions, List<Incident> incidents, List<EarlyLeave> earlyLeaves, Seal seal) {
        this(version, packageId, roomCode, candidates, extensions, incidents, earlyLeaves, seal, null, List.of());
    }

    public RoomReport {
        ExamPackageManifest.requireId(packageId, "packageId");
        ExamPackageManifest.requireId(roomCode, "roomCode");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        earlyLeaves = earlyLeaves == null ? List.of() : List.copyOf(earlyLeaves);
        appeals = appeals == null ? List.of() : List.copyOf(appeals);
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
