/**
 * Printed exam materials (排考后下载的物料, DOMAIN.md §9; 004 ch.3 §7 and ch.4 §2): 准考证, 桌贴, 门贴, 签到表 (theory
 * and practice), 考场情况记录表, 巡考情况记录表, 考场封场确认单 and 考务人员承诺书, each an A4 PDF drawn with
 * {@link cn.kaowu.platform.document.PdfCanvas}, and all of a site's materials as one zip.
 * <p>
 * The module owns no data: its input is plain records ({@link cn.kaowu.platform.materials.TicketData},
 * {@link cn.kaowu.platform.materials.RoomSheet}, {@link cn.kaowu.platform.materials.SiteSheet}) that the scheduling
 * module fills. {@link cn.kaowu.platform.materials.ExamMaterials} writes every file straight to an
 * {@link java.io.OutputStream}; the zip takes the rooms one by one, so a batch of any size needs the memory of one
 * room.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.materials;
