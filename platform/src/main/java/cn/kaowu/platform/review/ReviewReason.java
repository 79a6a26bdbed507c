package cn.kaowu.platform.review;

/** Why a subject is to be reviewed (004 ch.3 §8, 成绩复查范围). */
public enum ReviewReason {
	/** 已参加考试但无成绩. */
	MISSING_SCORE,
	/** 客观题：成绩为 0 或缺考. */
	OBJECTIVE_ZERO_OR_ABSENT,
	/** 主观题：漏评. */
	MISSED_MARKING,
	/** 主观题：合分、登分错误. */
	ADDING_UP,
	/** 对主观题评分有疑议（重新评阅）: never accepted, named so the refusal can say why. */
	REMARKING;

	public String messageKey() {
		return "review.reason." + name();
	}
}
