/**
 * 题库管理 (question bank, issue 6 part 1, DOMAIN.md §10): the items of an ORG's certificate levels and subjects and
 * the paper blueprints (组卷规则). Only the ORG owning the certificate sees or changes them; colleges, provinces and
 * the administrator never see an item.
 * <ul>
 * <li><b>item</b> ({@code bank_item}, {@code bank_item_version}): 单选, 多选, 判断, 实操 with knowledge area,
 * difficulty and points in clear (for filters and blueprints) and the body (stem, options, answer key, rubric,
 * attachments) only as SM4-GCM ciphertext ({@link cn.kaowu.platform.bank.BankCipher}). Every edit adds a version;
 * the item points at its current one; items are retired (停用), never deleted. Rules per type in
 * {@link cn.kaowu.platform.bank.ItemRules}.</li>
 * <li><b>blueprint</b> ({@code bank_blueprint}, {@code bank_blueprint_line}): per level and subject, lines of type,
 * knowledge area, count and points per item, checked against the active items and the subject's full marks.</li>
 * </ul>
 * The package builder reads decrypted items through {@link cn.kaowu.platform.bank.QuestionBank}. Texts are in the
 * bundle {@code i18n/bank}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.bank;
