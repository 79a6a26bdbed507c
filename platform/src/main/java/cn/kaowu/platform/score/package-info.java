/**
 * Scores (成绩登记、公示与锁定、考证结果; DOMAIN.md §12, 004 ch.3 §8, issue 7 parts 2, 3 and 5).
 * <ul>
 * <li>Inside the plan's score-registration window the ORG owning the plan registers one score per registration record
 * ({@code score_record}, unique): from the uploaded exam results ({@link cn.kaowu.platform.result.ResultIntake}) per
 * plan subject, or by an xlsx import (a job, {@link cn.kaowu.platform.score.ImportScores}).</li>
 * <li>Every change keeps the value before and after in {@code score_history} (who, when, source, reason).</li>
 * <li>During publication colleges see their candidates' scores; the ORG may still correct (reason required). When
 * publication ends the plan's scores are locked by {@link cn.kaowu.platform.score.ScoreLocks}, and a trigger makes
 * the database refuse any change of a locked row.</li>
 * <li>考证结果: a candidate passes a level iff every subject of the level has a score ≥ its pass mark.</li>
 * </ul>
 * Nothing depends on this module except its own web and menu, and the public portal's lookup
 * ({@code publishedScoresOf}). Texts are in the bundle {@code i18n/score}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "plan", "enrollment", "result",
		"spreadsheet", "job", "audit", "catalog", "storage" })
package cn.kaowu.platform.score;
