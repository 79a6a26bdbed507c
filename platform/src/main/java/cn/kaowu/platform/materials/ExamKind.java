package cn.kaowu.platform.materials;

/** The two kinds of exam session; every room prints its sign-in sheet and labels once per kind. */
public enum ExamKind {

	/** 理论考试 (written or computer-based theory). */
	THEORY("理论"),

	/** 实操考试 (practical tasks). */
	PRACTICE("实操");

	private final String label;

	ExamKind(String label) {
		this.label = label;
	}

	/** The Chinese word printed on the materials: 理论 or 实操. */
	public String label() {
		return label;
	}
}
