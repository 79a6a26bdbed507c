package cn.kaowu.platform.bank;

import java.time.Instant;

/**
 * One stored version of an item (history).
 *
 * @param itemId the item
 * @param version 1, 2, …
 * @param type 题型
 * @param knowledgeArea 知识点
 * @param difficulty 难度
 * @param points 分值
 * @param body what this version says
 * @param createdAt when it was stored
 * @param createdBy the account that stored it
 */
public record ItemVersionView(long itemId, int version, ItemType type, String knowledgeArea, int difficulty,
		int points, ItemBody body, Instant createdAt, String createdBy) {
}
