package cn.kaowu.platform.site;

import org.jspecify.annotations.Nullable;

/**
 * One requirement of a certificate's site qualification checklist (考核站点遴选条件).
 *
 * @param category e.g. 计算机硬件, 监控设备
 * @param requirement the requirement as the source document states it
 * @param source the document and table it comes from
 * @param position order in the checklist, from 1
 */
public record ChecklistItemView(long id, long certificateId, String category, String requirement,
		@Nullable String source, int position, int version) {
}
