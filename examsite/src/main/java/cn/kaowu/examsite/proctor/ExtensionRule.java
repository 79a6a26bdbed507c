package cn.kaowu.examsite.proctor;

import cn.kaowu.examsite.Refusal;

/**
 * Who decides an extension (延时, seed 004 ch.4 §3 巡考员 5 and §5.4): up to {@value #CHIEF_AND_PATROL_LIMIT}
 * minutes in total for a candidate the chief examiner (主考) and the patrol (巡考) — both names recorded; beyond that
 * the ORG, whose approval code the proctor types in. The total is the affected candidate's (for a room: the highest
 * of its candidates') extension after this one.
 */
public final class ExtensionRule {

    /** Total extension minutes the chief examiner and the patrol may grant on site. */
    public static final int CHIEF_AND_PATROL_LIMIT = 15;

    private ExtensionRule() {
    }

    /** What the proctor typed in. Blank strings count as missing. */
    public record Request(Integer minutes, String reason, String chiefExaminer, String patrol, String approvalCode) {
    }

    /** What is recorded: either both names or the approval code (the other side {@code null}). */
    public record Decision(int minutes, String reason, String chiefExaminer, String patrol, String approvalCode,
            int totalMinutes) {

        public boolean byTheOrg() {
            return approvalCode != null;
        }
    }

    /** Checks the approval code for the given total; throws a {@link Refusal} when it does not match. */
    public interface CodeCheck {
        void check(int totalMinutes, String code);
    }

    /** The minutes of a request, checked first (the total depends on them). */
    public static int minutes(Request request) {
        if (request.minutes() == null || request.minutes() < 1) {
            throw Refusal.of("refusal.extension.minutes");
        }
        if (request.minutes() > 600) {
            throw new Refusal("延时分钟数：一次最多 600 分钟。");
        }
        return request.minutes();
    }

    /**
     * @param currentTotal the affected candidate's extension so far (for a room, the highest of its candidates')
     * @param whatToReport how to name target and total to the ORG in a refusal
     */
    public static Decision decide(Request request, int currentTotal, CodeCheck codes, String whatToReport) {
        int minutes = minutes(request);
        String reason = Text.clean(request.reason());
        if (reason == null) {
            throw new Refusal("延时原因：必填（如机器故障、停电），将写入考场情况记录。");
        }
        int total = currentTotal + minutes;
        if (total <= CHIEF_AND_PATROL_LIMIT) {
            String chief = Text.clean(request.chiefExaminer());
            String patrol = Text.clean(request.patrol());
            if (chief == null) {
                throw new Refusal("主考姓名：累计延时 " + total + " 分钟（不超过 15 分钟）由主考和巡考决定，须填写主考姓名。");
            }
            if (patrol == null) {
                throw new Refusal("巡考姓名：累计延时 " + total + " 分钟（不超过 15 分钟）由主考和巡考决定，须填写巡考姓名。");
            }
            return new Decision(minutes, reason, chief, patrol, null, total);
        }
        String code = Text.clean(request.approvalCode());
        if (code == null) {
            throw new Refusal("延时审批码：本次延时后累计 " + total + " 分钟，超过 15 分钟，须由培训评价组织决定。请向其报告"
                    + whatToReport + "、累计延时 " + total + " 分钟，并填写其告知的审批码。");
        }
        codes.check(total, code);
        return new Decision(minutes, reason, Text.clean(request.chiefExaminer()), Text.clean(request.patrol()), code,
                total);
    }
}
