package cn.kaowu.platform.review;

/** The ORG's answer per subject: 维持 (the score stands) or 更正 (corrected). */
public enum ReviewResult {
	UPHELD, CORRECTED;

	public String messageKey() {
		return "review.result." + name();
	}
}
