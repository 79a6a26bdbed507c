/**
 * Scheduling (排考, DOMAIN.md §9, 004 ch.3 §7): inside the plan's scheduling window the ORG seats every registration
 * record of a site in a room serving its subject, gives each candidate one ticket number for the plan (the same for
 * theory and practice, {@link cn.kaowu.platform.schedule.TicketNumbers}) and assigns the approved invigilators to the
 * rooms by the ratio rule ({@link cn.kaowu.platform.schedule.Seating}, pure and deterministic).
 * <ul>
 * <li>A run stores a draft per site ({@code schedule_seat}, {@code schedule_invigilation}); running again before
 * publication replaces it and gives the same result for the same input.</li>
 * <li>Publishing writes tickets, rooms and seats into the registration records (status 待考试) and opens the printed
 * materials to the college; afterwards a change is an explicit, audited move of one candidate.</li>
 * </ul>
 * Texts are in the bundle {@code i18n/schedule}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.schedule;
