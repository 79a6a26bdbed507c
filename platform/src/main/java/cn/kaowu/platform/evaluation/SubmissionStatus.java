package cn.kaowu.platform.evaluation;

import java.util.Set;

/** A site's part in an evaluation round. */
public enum SubmissionStatus {
	/** 待提交: the site has not yet handed in its report. */
	PENDING,
	/** 已提交: report and plan handed in; may be replaced until the deadline. */
	SUBMITTED,
	/** 已评定: the ORG rated it; final. */
	RATED;

	/** The states each state may move to. */
	Set<SubmissionStatus> next() {
		return switch (this) {
			case PENDING -> Set.of(SUBMITTED, RATED);
			case SUBMITTED -> Set.of(SUBMITTED, RATED);
			case RATED -> Set.of();
		};
	}

	public boolean canMoveTo(SubmissionStatus target) {
		return next().contains(target);
	}

	public String messageKey() {
		return "evaluation.status." + name();
	}
}
