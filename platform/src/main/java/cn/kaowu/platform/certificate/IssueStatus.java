package cn.kaowu.platform.certificate;

/** States of an issuance row: 待确认 (one or no side confirmed), 已退回 (refused by the college), 已确认 (both, final). */
public enum IssueStatus {
	PENDING, REFUSED, FINAL;

	public String messageKey() {
		return "certificate.status." + name();
	}
}
