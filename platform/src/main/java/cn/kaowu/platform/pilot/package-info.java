/**
 * Pilot applications (证书试点申报, DOMAIN.md §3, 004 ch.1): a province publishes batches
 * ({@code pilot_batch}: window, whether majors must be listed, whether the city reviews first); a college
 * applies per batch for a certificate ({@code pilot_application} with majors and attachments) and becomes a
 * pilot college of the batch's year once one application is approved with a scale (已批准培训人数).
 * <p>
 * API for other modules: {@link cn.kaowu.platform.pilot.PilotColleges} (is a college a pilot college, its
 * approved majors and scale). Workflow: {@link cn.kaowu.platform.pilot.PilotManagement}. Texts: bundle
 * {@code i18n/pilot}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.pilot;
