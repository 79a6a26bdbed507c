package cn.kaowu.platform.score;

/** How a score came in; stored on the score and on each history row. */
public enum ScoreSource {
	/** 从考试结果登记: from the uploaded result packages. */
	RESULTS,
	/** 成绩导入: an xlsx import job. */
	IMPORT,
	/** 成绩更正: the ORG's correction (reason required). */
	CORRECTION;

	public String messageKey() {
		return "score.source." + name();
	}
}
