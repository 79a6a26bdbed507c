/**
 * Exam plans (考核计划, DOMAIN.md §5, 004 ch.3 §2 and §11): an ORG sets, for one of its certificates, four
 * windows that follow each other — registration (报名), scheduling (排考, starting within a week after
 * registration closes), score registration (成绩登记) and score publication (成绩公示; scores lock when it
 * ends) — and, per level, the subjects of the plan with plan-specific code, mode, pass mark and exam slot.
 * <p>
 * API for other modules: {@link cn.kaowu.platform.plan.ExamPlans} (a plan's windows, phase, levels and
 * subjects); workflow: {@link cn.kaowu.platform.plan.PlanManagement}; event
 * {@link cn.kaowu.platform.plan.PlanEvents.PlanPublished}. Texts: bundle {@code i18n/plan}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.plan;
