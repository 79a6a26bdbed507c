package cn.kaowu.platform.materials;

import java.util.List;
import java.util.Objects;

/**
 * One room and slot of a batch: its sheet and the admission tickets of the candidates seated there.
 *
 * @param tickets the tickets printed in this room's file (empty when the tickets are printed with another slot)
 */
public record RoomMaterials(RoomSheet sheet, List<TicketData> tickets) {

	public RoomMaterials {
		Objects.requireNonNull(sheet, "sheet");
		tickets = List.copyOf(tickets);
	}
}
