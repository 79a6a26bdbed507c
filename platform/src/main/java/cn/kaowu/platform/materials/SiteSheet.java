package cn.kaowu.platform.materials;

import java.util.List;
import java.util.Objects;

/**
 * A site's sessions of one plan: the source of the site-wide forms 巡考情况记录表, 考场封场确认单 and 考务人员承诺书.
 *
 * @param rooms every room and slot of the site in the plan, in the order printed
 * @param staff the exam-affairs staff who sign the pledge (may be empty: the form then has blank lines)
 */
public record SiteSheet(ExamInfo exam, List<Session> rooms, List<StaffLine> staff) {

	public SiteSheet {
		Objects.requireNonNull(exam, "exam");
		rooms = List.copyOf(rooms);
		staff = List.copyOf(staff);
	}

	/** A room in a slot and how many candidates sit there. */
	public record Session(String roomName, ExamSlot slot, int candidates) {

		public Session {
			Objects.requireNonNull(roomName, "roomName");
			Objects.requireNonNull(slot, "slot");
		}
	}

	/** A person of the exam committee and their duty, e.g. 监考员, 系统管理员, 巡考员. */
	public record StaffLine(String name, String duty) {

		public StaffLine {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(duty, "duty");
		}
	}
}
