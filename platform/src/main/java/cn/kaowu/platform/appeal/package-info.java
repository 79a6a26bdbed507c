/**
 * Appeals and arbitration as the exam sites recorded them (申诉与仲裁, DOMAIN.md §11, seed 000 §4.5; issue 7 part 6).
 * The site keeps the panel and the appeals (append-only) and sends them inside each room's
 * {@link cn.kaowu.exampackage.RoomReport} of the result package; this module only reads them out of the accepted
 * result ({@link cn.kaowu.platform.result.ResultIntake#roomReports}) — no tables of its own — and shows them to the
 * ORG owning the plan and to the college owning the site (申诉记录), with the scanned signature. Texts are in the
 * bundle {@code i18n/appeal}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "plan", "delivery", "result" })
package cn.kaowu.platform.appeal;
