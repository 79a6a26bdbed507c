package cn.kaowu.platform.bank;

import java.util.List;

/**
 * A blueprint held against the bank: per line the active items that match it, and the points against the subject's
 * full marks. Satisfied when every line has enough items and the points add up to the full marks.
 *
 * @param lines per line of the blueprint
 * @param totalPoints the paper's points
 * @param fullMarks the subject's full marks (100)
 */
public record BlueprintCheck(List<LineCheck> lines, int totalPoints, int fullMarks) {

	public BlueprintCheck {
		lines = List.copyOf(lines);
	}

	/** A line and the active items of its type, knowledge area and points. */
	public record LineCheck(Blueprint.Line line, int available) {

		public boolean ok() {
			return available >= line.count();
		}

		public int shortfall() {
			return Math.max(0, line.count() - available);
		}
	}

	public boolean pointsOk() {
		return totalPoints == fullMarks;
	}

	public boolean itemsOk() {
		return lines.stream().allMatch(LineCheck::ok);
	}

	public boolean satisfied() {
		return !lines.isEmpty() && pointsOk() && itemsOk();
	}
}
