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
    ABSENT("缺考");

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
}
