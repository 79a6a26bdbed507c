package cn.kaowu.platform.bank;

/**
 * An item version as the package builder reads it: referenced by {@code (id, version)}, decrypted.
 *
 * @param id the item
 * @param version the version
 * @param type 题型
 * @param knowledgeArea 知识点
 * @param difficulty 难度 1–5
 * @param points 分值
 * @param body stem, options, answer key, rubric, attachments
 */
public record BankItem(long id, int version, ItemType type, String knowledgeArea, int difficulty, int points,
		ItemBody body) {
}
