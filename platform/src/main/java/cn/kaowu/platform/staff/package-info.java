/**
 * Exam-affairs staff (考务人员, DOMAIN.md §4): the staff database of each college, the exam committee of each site
 * and the responsibility letters signed before each exam.
 * <ul>
 * <li><b>staff member</b> ({@code staff_member}): name, gender, ID number (GB 11643, checked by
 * {@link cn.kaowu.platform.kernel.ChineseIdNumber}; stored whole, masked in every list, export and audit entry),
 * phone, department, {@link cn.kaowu.platform.staff.StaffRole}, {@link cn.kaowu.platform.staff.TrainingStatus},
 * years of experience, majors taught, active; declared close relatives ({@code staff_relative}).</li>
 * <li><b>exam committee</b> ({@code staff_committee}, {@code staff_committee_member}): one per site with the five
 * {@link cn.kaowu.platform.staff.CommitteeGroup}s. A site is (college, certificate) until the site module exists;
 * {@code certificate_id} is the site key and will become a site id.</li>
 * <li><b>responsibility letter</b> ({@code staff_letter_exam}, {@code staff_letter}): per exam (name and date;
 * {@code plan_id} for the plan module later) and person, with the signed scan in the storage module.</li>
 * </ul>
 * The rules of 002 art.17 and 000 §1.3 are pure functions in {@link cn.kaowu.platform.staff.StaffRules} and come
 * out as {@link cn.kaowu.platform.staff.StaffViolation}s; other modules call
 * {@link cn.kaowu.platform.staff.CommitteeManagement#check} and
 * {@link cn.kaowu.platform.staff.CommitteeManagement#relativeConflicts}. Texts are in the bundle {@code i18n/staff}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.staff;
