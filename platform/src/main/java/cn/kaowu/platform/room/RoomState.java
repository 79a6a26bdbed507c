package cn.kaowu.platform.room;

import java.time.Instant;

import cn.kaowu.platform.plan.PlanWindow;

/** The state of a room, derived from its plan's scheduling window (004 ch.3 §5 2.1). */
public enum RoomState {

	/** 未排考: scheduling has not opened; everything may change and the room may be deleted. */
	NOT_SCHEDULED,
	/** 排考中: inside the scheduling window; only a higher seat count is accepted. */
	SCHEDULING,
	/** 已结束: scheduling is over; the room is read-only. */
	ENDED;

	public static RoomState at(PlanWindow scheduling, Instant instant) {
		if (scheduling.notYetOpen(instant)) {
			return NOT_SCHEDULED;
		}
		return scheduling.over(instant) ? ENDED : SCHEDULING;
	}

	public String tag() {
		return switch (this) {
			case NOT_SCHEDULED -> "tag-info";
			case SCHEDULING -> "tag-warning";
			case ENDED -> "tag-success";
		};
	}

	public String messageKey() {
		return "room.state." + name();
	}
}
