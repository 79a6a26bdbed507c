package cn.kaowu.platform.bank;

import java.util.List;

/**
 * 组卷规则 of a level's subject: how many items of which type and knowledge area a paper draws and what each scores.
 *
 * @param levelId the certificate level
 * @param subjectId the subject
 * @param lines the lines, in entry order
 * @param version optimistic-locking version (0 when not yet saved)
 */
public record Blueprint(long levelId, long subjectId, List<Line> lines, int version) {

	public Blueprint {
		lines = List.copyOf(lines);
	}

	/**
	 * One line: {@code count} active items of {@code type} in {@code knowledgeArea} worth {@code points} each.
	 */
	public record Line(ItemType type, String knowledgeArea, int count, int points) {

		public int totalPoints() {
			return count * points;
		}
	}

	public int totalPoints() {
		return lines.stream().mapToInt(Line::totalPoints).sum();
	}

	public int itemCount() {
		return lines.stream().mapToInt(Line::count).sum();
	}
}
