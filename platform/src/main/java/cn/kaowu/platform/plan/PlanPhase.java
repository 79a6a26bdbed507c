package cn.kaowu.platform.plan;

import java.time.Instant;
import java.util.List;

/**
 * Where a plan stands at an instant, derived from its four windows and the clock. The gaps between windows
 * are phases of their own, so every instant has exactly one phase. Phase {@code i} lasts from boundary
 * {@code i-1} (inclusive) to boundary {@code i} (exclusive), the boundaries being the opening and closing
 * instants of the windows in order.
 */
public enum PlanPhase {

	/** 未开始: registration has not opened yet. */
	NOT_STARTED("tag-info"),
	/** 报名中: inside the registration window. */
	REGISTRATION("tag-success"),
	/** 待排考: registration closed, scheduling not yet open. */
	AWAITING_SCHEDULING("tag-info"),
	/** 排考中: inside the scheduling window. */
	SCHEDULING("tag-primary"),
	/** 考试阶段: scheduling closed, score registration not yet open; the exam slots lie here. */
	EXAMS("tag-primary"),
	/** 成绩登记中: inside the score-registration window. */
	SCORE_REGISTRATION("tag-warning"),
	/** 待公示: score registration closed, publication not yet open. */
	AWAITING_PUBLICATION("tag-info"),
	/** 成绩公示中: scores are visible and may still be corrected. */
	PUBLICATION("tag-warning"),
	/** 已结束: publication is over, scores are locked for good. */
	FINISHED("tag-info");

	/**
	 * The SQL expression of each boundary over the {@code exam_plan p} columns (window ends are stored as the
	 * last minute, inclusive).
	 */
	private static final List<String> BOUNDARY_SQL = List.of("p.registration_start",
			"p.registration_end + INTERVAL '1 minute'", "p.scheduling_start", "p.scheduling_end + INTERVAL '1 minute'",
			"p.score_start", "p.score_end + INTERVAL '1 minute'", "p.publication_start",
			"p.publication_end + INTERVAL '1 minute'");

	private final String tag;

	PlanPhase(String tag) {
		this.tag = tag;
	}

	/** The phase at {@code instant} of a plan with these windows. */
	public static PlanPhase at(Instant instant, PlanWindow registration, PlanWindow scheduling,
			PlanWindow scoreRegistration, PlanWindow publication) {
		List<Instant> boundaries = List.of(registration.opensAt(), registration.closesAt(), scheduling.opensAt(),
				scheduling.closesAt(), scoreRegistration.opensAt(), scoreRegistration.closesAt(), publication.opensAt(),
				publication.closesAt());
		int passed = 0;
		for (Instant boundary : boundaries) {
			if (!instant.isBefore(boundary)) {
				passed++;
			}
		}
		return values()[passed];
	}

	/** A condition over {@code exam_plan p} that holds when the plan is in this phase at the bound instant(s). */
	String sqlCondition() {
		int i = ordinal();
		if (i == 0) {
			return "? < " + BOUNDARY_SQL.get(0);
		}
		if (i == BOUNDARY_SQL.size()) {
			return "? >= " + BOUNDARY_SQL.get(i - 1);
		}
		return "? >= " + BOUNDARY_SQL.get(i - 1) + " AND ? < " + BOUNDARY_SQL.get(i);
	}

	/** How many times the instant is bound in {@link #sqlCondition()}. */
	int sqlParameterCount() {
		return ordinal() == 0 || ordinal() == BOUNDARY_SQL.size() ? 1 : 2;
	}

	/** The CSS class of its status tag. */
	public String tag() {
		return tag;
	}

	public String messageKey() {
		return "plan.phase." + name();
	}
}
