package cn.kaowu.platform.review;

/** 草稿 → 已提交 (by the college) → 已答复 (by the ORG). */
public enum ReviewStatus {
	DRAFT, SUBMITTED, ANSWERED;

	public String messageKey() {
		return "review.status." + name();
	}
}
