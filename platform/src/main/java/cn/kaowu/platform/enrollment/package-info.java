/**
 * Registration (报考, DOMAIN.md §7, 004 ch.3 §4): a college registers its verified candidates for a published plan,
 * one level each, at an active site of the plan's certificate (its own, or another college's for 借考).
 * <ul>
 * <li>A registration is stored as one {@code registration_record} per subject of the level (理论 + 实操 = 2 rows),
 * with the candidate, plan, site and subject copied in (the seed keeps the plan's copy of a candidate unchanged by
 * later edits).</li>
 * <li>Every registration, single or imported, goes through {@link cn.kaowu.platform.enrollment.Registrar}: window
 * open, candidate verified and in the matching list, level in the plan, site active and of the certificate, not
 * already registered, and 院校考生 per certificate and year within the approved pilot scale — the last checked under a
 * transaction lock per college and certificate so two imports cannot both take the last places.</li>
 * <li>Import of the "按证书导入" template runs as a job ({@link cn.kaowu.platform.enrollment.ImportRegistrations}):
 * good rows stored with one COPY in one transaction, failed rows returned with 失败原因.</li>
 * <li>Status ({@link cn.kaowu.platform.enrollment.RecordStatus}) is derived: 未排考 until scheduled, then
 * 待考试/考试中/已结束 by the subject's slot, 缺考 when marked absent. Only 未排考 records are deleted, only before
 * registration closes.</li>
 * <li>{@link cn.kaowu.platform.enrollment.Enrollments} is what rooms and scheduling read.</li>
 * </ul>
 * Texts are in the bundle {@code i18n/enrollment}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.enrollment;
