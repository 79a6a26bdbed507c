package cn.kaowu.platform.room;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A room as pages, the API and other modules see it.
 *
 * @param subjects the plan subjects (slots) it serves
 * @param type derived from the subjects' exam modes
 * @param state derived from the plan's scheduling window when read
 * @param invigilatorsRequired 2 up to 40 seats, otherwise one per 20 (rounded up)
 */
public record RoomView(long id, long planId, String planName, long siteId, String siteName, long collegeId,
		String name, String address, @Nullable String detailAddress, int seats, List<Subject> subjects, RoomType type,
		RoomState state, int invigilatorsRequired, int version, Instant createdAt) {

	/** A plan subject served by the room. */
	public record Subject(long planSubjectId, long subjectId, String level, String name, String code, String examMode,
			String slot) {

		/** e.g. 初级理论 (2026-06-26 14:00-15:00). */
		public String label() {
			return level + name + "（" + slot + "）";
		}
	}

	public String subjectsText() {
		return String.join("、", subjects.stream().map(Subject::label).toList());
	}

	public boolean serves(long planSubjectId) {
		return subjects.stream().anyMatch(s -> s.planSubjectId() == planSubjectId);
	}
}
