/**
 * Rooms and invigilators (考场管理, 监考人员, DOMAIN.md §8, 004 ch.3 §5–6).
 * <ul>
 * <li><b>room</b> ({@code room}, {@code room_subject}): per plan and site, set by the college owning the site: the
 * plan subjects it serves (stored by catalogue subject), name, address, seat count (考位数 = candidates planned in
 * it). Type derived from the subjects' exam mode ({@link cn.kaowu.platform.room.RoomType}); state derived from the
 * plan's scheduling window ({@link cn.kaowu.platform.room.RoomState}); the edit rules are pure functions in
 * {@link cn.kaowu.platform.room.RoomRules}. Copy from an earlier plan of the site, xlsx import as a job, export.</li>
 * <li><b>invigilator</b> ({@code room_invigilator}): a person of the college's staff database with the role 监考员,
 * submitted per plan and site, reviewed by the ORG owning the plan within 2 working days
 * ({@link cn.kaowu.platform.room.InvigilatorStatus}).</li>
 * </ul>
 * Other modules read through {@link cn.kaowu.platform.room.ExamRooms}, {@link cn.kaowu.platform.room.Invigilators}
 * and {@link cn.kaowu.platform.room.RoomManagement#coverage}, which counts the site's registration records
 * ({@link cn.kaowu.platform.enrollment.Enrollments}). Texts are in the bundle {@code i18n/room}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.room;
