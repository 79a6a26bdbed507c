package cn.kaowu.examsite.exam;

/** Where a candidate is in the slot, as the proctor console shows it. */
public enum CandidateStatus {

    /** 未登录: on the list, not signed in yet. */
    NOT_SIGNED_IN("未登录"),

    /** 作答中: signed in; answers are being saved. */
    ANSWERING("作答中"),

    /** 已交卷: submitted and graded; nothing changes any more. */
    SUBMITTED("已交卷"),

    /** 缺考: marked absent by the proctor; cannot sign in. */
    ABSENT("缺考"),

    /**
     * 取消资格: 取消考试资格 recorded by the proctor (seed 004 §5.8); the sitting ends at once, the candidate can
     * neither save, sign in nor submit again; the answers saved so far are kept.
     */
    DISQUALIFIED("取消资格");

    private final String label;

    CandidateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only a candidate who never signed in can be marked absent. */
    boolean mayBeMarkedAbsent() {
        return this == NOT_SIGNED_IN;
    }

    /** Still sitting (or still expected): extensions and early-leave consents apply. */
    public boolean sitting() {
        return this == NOT_SIGNED_IN || this == ANSWERING;
    }
}
