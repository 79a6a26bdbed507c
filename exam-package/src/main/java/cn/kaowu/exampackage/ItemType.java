package cn.kaowu.exampackage;

/** The kinds of bank items a paper holds, as far as shuffling and objective grading need to know. */
public enum ItemType {

    /** 单选题: one correct option; options are shuffled. */
    SINGLE_CHOICE,

    /** 多选题: two or more correct options, scored all-or-nothing; options are shuffled. */
    MULTIPLE_CHOICE,

    /** 判断题: the options (true, false) keep their order. */
    TRUE_FALSE,

    /** 实操题: graded by examiners, not here; no options. */
    PRACTICAL;

    boolean isObjective() {
        return this != PRACTICAL;
    }

    boolean shufflesOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
