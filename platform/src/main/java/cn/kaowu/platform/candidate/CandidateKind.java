package cn.kaowu.platform.candidate;

/** The two lists of a college (004 ch.3 §3). */
public enum CandidateKind {
	/** 院校考生: the college's own students. */
	COLLEGE,
	/** 社会考生: others who sit the exam at the college. */
	SOCIAL;

	public String messageKey() {
		return "candidate.kind." + name();
	}
}
