package cn.kaowu.exampackage;

import java.time.Duration;

/**
 * Whether a slot is a theory or a practical exam (理论 / 实操), as the platform's schedule prints it on the door
 * sign. The site needs it for the early-leave rule (seed 004 ch.4 §4: theory in the last 15 minutes, practice in
 * the last 30).
 */
public enum SubjectKind {

    /** 理论考试. */
    THEORY("理论", Duration.ofMinutes(15)),

    /** 实操考试. */
    PRACTICE("实操", Duration.ofMinutes(30));

    private final String label;
    private final Duration earlyLeaveWindow;

    SubjectKind(String label, Duration earlyLeaveWindow) {
        this.label = label;
        this.earlyLeaveWindow = earlyLeaveWindow;
    }

    public String label() {
        return label;
    }

    /** How long before the (effective) end a candidate may hand in without the chief examiner's consent. */
    public Duration earlyLeaveWindow() {
        return earlyLeaveWindow;
    }
}
