/**
 * 成绩复查 (score review; DOMAIN.md §12, 004 ch.3 §8 and 附件1, issue 7 parts 4 and 7).
 * <ul>
 * <li>A college collects one request per candidate and plan (database constraint) with the subjects to review and the
 * reason for each ({@link cn.kaowu.platform.review.ReviewReason}); the scope rules are
 * {@link cn.kaowu.platform.review.ReviewRules} (objective subjects only at 0 or 缺考, subjective ones only for missed
 * marking or adding-up, never re-marking).</li>
 * <li>Submission (single or batch) from publication start to the end of the 7th working day after it; the ORG answers
 * each subject with 维持 or 更正 by the end of the 3rd working day after submission (later answers are flagged 逾期). A
 * 更正 goes through {@link cn.kaowu.platform.score.ScoreManagement#correctRecord}, so history, audit and the lock stay
 * the score module's.</li>
 * <li>The 附件1 request form and the 回执 as PDFs; the candidate's case file (score history and reviews in time
 * order).</li>
 * </ul>
 * Nothing depends on this module. Texts are in the bundle {@code i18n/review}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "plan", "enrollment", "score",
		"calendar", "document", "audit", "catalog", "appeal" })
package cn.kaowu.platform.review;
