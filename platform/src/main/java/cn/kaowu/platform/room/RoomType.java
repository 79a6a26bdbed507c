package cn.kaowu.platform.room;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.catalog.ExamMode;

/** 考场类型, never entered: derived from the exam modes of the subjects the room serves (004 ch.3 §5 ⑦). */
public enum RoomType {

	/** 机考考场: every subject is 机考. */
	COMPUTER,
	/** 笔试考场: every subject is 笔试. */
	WRITTEN,
	/** 实操考场: every subject is 实操. */
	PRACTICAL,
	/** 综合考场: subjects of different modes, or a combined mode (机考+实操, 笔试+实操). */
	MIXED;

	public static RoomType of(Collection<ExamMode> modes) {
		Set<ExamMode> distinct = modes.isEmpty() ? EnumSet.noneOf(ExamMode.class) : EnumSet.copyOf(modes);
		if (distinct.size() != 1) {
			return MIXED;
		}
		return switch (distinct.iterator().next()) {
			case COMPUTER -> COMPUTER;
			case WRITTEN -> WRITTEN;
			case PRACTICAL -> PRACTICAL;
			case COMPUTER_PRACTICAL, WRITTEN_PRACTICAL -> MIXED;
		};
	}

	public String messageKey() {
		return "room.type." + name();
	}
}
