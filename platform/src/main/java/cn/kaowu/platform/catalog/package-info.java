/**
 * Catalogue (证书目录, DOMAIN.md §2): the certificates an ORG (培训评价组织) owns, their levels and subjects,
 * and the provinces' exam fee standards.
 * <ul>
 * <li><b>certificate</b> ({@code catalog_certificate}): owning ORG, name (e.g. 网店运营推广, unique per ORG),
 * enabled.</li>
 * <li><b>level</b> ({@code catalog_level}): one per {@link cn.kaowu.platform.catalog.CertificateLevel}
 * (初级/中级/高级) and certificate, with its own 16-digit certificate code (证书代码, unique nationally, starts
 * with 15); its official name (e.g. 网店运营推广职业技能等级证书（初级）) is derived, not stored.</li>
 * <li><b>subject</b> ({@code catalog_subject}): name (初级理论, 初级实操 …), 19-digit subject code (unique
 * nationally; 16 + level code without its 15 + 3 digits), {@link cn.kaowu.platform.catalog.ExamMode}, full
 * marks 100, pass mark 0–100 (60 by default), enabled.</li>
 * <li><b>fee standard</b> ({@code catalog_fee_standard}): per province and level, in fen; absent means the
 * default 初级 380 元 / 中级·高级 360 元.</li>
 * </ul>
 * Every table has a {@code version} column for optimistic locking. A level or subject is usable only when it
 * and everything above it is enabled. The API for other modules is {@link cn.kaowu.platform.catalog.CatalogManagement}
 * and {@link cn.kaowu.platform.catalog.FeeStandards} with the read views; rules are in
 * {@link cn.kaowu.platform.catalog.CatalogRules}. Texts are in the bundle {@code i18n/catalog}.
 */
package cn.kaowu.platform.catalog;
