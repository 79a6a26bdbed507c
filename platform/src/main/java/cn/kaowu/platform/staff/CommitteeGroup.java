package cn.kaowu.platform.staff;

import java.math.BigDecimal;

/**
 * The five groups of the exam committee (考核委员会, 000 §1.3 (三)) with what the seed asks of each: the
 * experience of the group leader (“一年以上” / “两年以上”) and whether members must come from outside the site's
 * college (巡视组 c.: 需由外派人员担任; 仲裁组 d.: 回避原则).
 */
public enum CommitteeGroup {
	/** 考评组: leader with one year or more of grading experience; drawn from the staff database. */
	GRADING(1, false),
	/** 考务组: leader with one year or more (the seed: 一年以上考评工作经验); drawn from the site's own college. */
	AFFAIRS(1, false),
	/** 技术组: leader with two years or more of technical experience. */
	TECHNICAL(2, false),
	/** 巡视组: leader with two years or more; external people only. */
	PATROL(2, true),
	/** 仲裁组: leader with two years or more; odd size, at most 5; external people only. */
	ARBITRATION(2, true);

	/** Largest arbitration group (000 §1.3 5.(2) c.: 一般不超过 5 人). */
	public static final int MAX_ARBITRATORS = 5;

	private final BigDecimal leaderYears;

	private final boolean external;

	CommitteeGroup(int leaderYears, boolean external) {
		this.leaderYears = BigDecimal.valueOf(leaderYears);
		this.external = external;
	}

	/** Years of experience the group leader needs at least. */
	public BigDecimal leaderYears() {
		return leaderYears;
	}

	/** Whether members must be external to the site's college. */
	public boolean external() {
		return external;
	}

	public String messageKey() {
		return "staff.group." + name();
	}
}
