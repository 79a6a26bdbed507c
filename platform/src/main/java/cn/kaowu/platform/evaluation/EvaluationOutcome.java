package cn.kaowu.platform.evaluation;

/** The ORG's rating of a site (002 art.20–23). */
public enum EvaluationOutcome {
	/** 通过. */
	PASS,
	/** 警告. */
	WARNING,
	/** 暂停考试: the site takes no registrations or rooms until reinstated. */
	SUSPENSION,
	/** 限期整改: needs a rectification deadline. */
	RECTIFICATION,
	/** 撤销站点资格: final; reported to the province. */
	REVOCATION;

	public String messageKey() {
		return "evaluation.outcome." + name();
	}

	/** Whether the rating needs a written reason. */
	public boolean needsComment() {
		return this != PASS;
	}
}
