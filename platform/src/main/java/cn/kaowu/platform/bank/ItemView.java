package cn.kaowu.platform.bank;

import java.time.Instant;

/**
 * An item at its current version, decrypted, for its owner's pages and API.
 *
 * @param id the item
 * @param code 试题编号, e.g. T000042
 * @param levelId the certificate level
 * @param levelName e.g. 网店运营推广职业技能等级证书（初级）
 * @param subjectId the subject
 * @param subjectName e.g. 初级理论
 * @param type 题型
 * @param knowledgeArea 知识点
 * @param difficulty 难度 1–5
 * @param points 分值
 * @param status active or retired
 * @param version the current version (1 for a new item)
 * @param body what the current version says
 * @param createdAt first stored
 * @param updatedAt last version or status change
 */
public record ItemView(long id, String code, long levelId, String levelName, long subjectId, String subjectName,
		ItemType type, String knowledgeArea, int difficulty, int points, ItemStatus status, int version, ItemBody body,
		Instant createdAt, Instant updatedAt) {

	static String code(long id) {
		return String.format("T%06d", id);
	}

	/** The stem cut to {@code max} characters for lists. */
	public String stemExcerpt(int max) {
		String s = body.stem().replaceAll("\\s+", " ");
		return s.length() <= max ? s : s.substring(0, max) + "…";
	}
}
