package cn.kaowu.platform.materials;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One room in one subject slot with its seated candidates: the source of its 桌贴, 门贴, 签到表 and 考场情况记录表.
 *
 * @param roomName building and room, e.g. 信息楼 A302
 * @param roomAddress where the room is, e.g. 南京市江宁区龙眠大道 639 号 信息楼三楼
 * @param seats the candidates by seat
 * @param invigilators the invigilators' names (may be empty: the sheets leave lines to write them)
 */
public record RoomSheet(ExamInfo exam, String roomName, String roomAddress, ExamSlot slot, List<Seat> seats,
		List<String> invigilators) {

	public RoomSheet {
		Objects.requireNonNull(exam, "exam");
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(roomAddress, "roomAddress");
		Objects.requireNonNull(slot, "slot");
		seats = seats.stream().sorted(Comparator.comparingInt(Seat::seat)).toList();
		invigilators = List.copyOf(invigilators);
	}

	/** The lowest and highest ticket number in the room, "2630001001 - 2630001030" (or one number, or empty). */
	public String ticketRange() {
		if (seats.isEmpty()) {
			return "";
		}
		String first = seats.stream().map(Seat::ticketNumber).min(Comparator.naturalOrder()).orElseThrow();
		String last = seats.stream().map(Seat::ticketNumber).max(Comparator.naturalOrder()).orElseThrow();
		return first.equals(last) ? first : first + " - " + last;
	}

	/**
	 * A candidate at a seat.
	 *
	 * @param photo JPEG or PNG, or {@code null}
	 * @param maskedIdNumber masked as in {@code ChineseIdNumber.mask}; a whole number is refused
	 */
	public record Seat(int seat, String ticketNumber, String name, String maskedIdNumber, byte @Nullable [] photo) {

		public Seat {
			Objects.requireNonNull(ticketNumber, "ticketNumber");
			Objects.requireNonNull(name, "name");
			MaskedId.require(maskedIdNumber);
		}
	}
}
