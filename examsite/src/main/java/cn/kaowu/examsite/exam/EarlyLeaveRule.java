package cn.kaowu.examsite.exam;

import java.time.Instant;

import cn.kaowu.exampackage.SubjectKind;

/**
 * 提前交卷 (seed 004 ch.4 §4, 考核开始 5): a candidate hands in from 15 minutes (theory) or 30 minutes (practice)
 * before their effective end, or earlier only with the chief examiner's consent as the proctor recorded it. The end
 * itself (auto-submit) always falls inside the window.
 */
public final class EarlyLeaveRule {

    private EarlyLeaveRule() {
    }

    /** The first instant a candidate may submit without consent. */
    public static Instant allowedFrom(Instant effectiveEnd, SubjectKind kind) {
        return effectiveEnd.minus(kind.earlyLeaveWindow());
    }

    public static boolean maySubmit(Instant now, Instant effectiveEnd, SubjectKind kind, boolean chiefConsented) {
        return chiefConsented || !now.isBefore(allowedFrom(effectiveEnd, kind));
    }
}
