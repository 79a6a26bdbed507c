/**
 * Exam sites (考核站点, DOMAIN.md §4, 004 ch.2, 002 ch.2–3, 000 ch.1): a pilot college applies for one site
 * per certificate ({@code exam_site}, name generated as college + certificate + 考核站点) with the stamped
 * application form and photos; the ORG owning the certificate reviews it against the certificate's
 * qualification checklist ({@code site_checklist_item}), approves it with a site code and a qualification
 * certificate PDF (filed with the province) or returns it with a reason. An approved site operates as
 * ACTIVE, SUSPENDED or REVOKED.
 * <p>
 * API for other modules: {@link cn.kaowu.platform.site.ExamSites} ({@code requireActive}, suspend / revoke /
 * reinstate for the evaluation). Workflow: {@link cn.kaowu.platform.site.SiteManagement}; checklists:
 * {@link cn.kaowu.platform.site.QualificationChecklists}. Texts: bundle {@code i18n/site}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.site;
