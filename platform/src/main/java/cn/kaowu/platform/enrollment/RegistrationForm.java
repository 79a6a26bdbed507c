package cn.kaowu.platform.enrollment;

import org.jspecify.annotations.Nullable;

/** 单个报考: a verified candidate of the college, a level of the plan and a site of its certificate. */
public class RegistrationForm {

	private @Nullable Long planId;

	private @Nullable Long candidateId;

	private @Nullable Long levelId;

	private @Nullable Long siteId;

	public static RegistrationForm of(long planId, long candidateId, long levelId, long siteId) {
		RegistrationForm f = new RegistrationForm();
		f.planId = planId;
		f.candidateId = candidateId;
		f.levelId = levelId;
		f.siteId = siteId;
		return f;
	}

	public @Nullable Long getPlanId() {
		return planId;
	}

	public void setPlanId(@Nullable Long planId) {
		this.planId = planId;
	}

	public @Nullable Long getCandidateId() {
		return candidateId;
	}

	public void setCandidateId(@Nullable Long candidateId) {
		this.candidateId = candidateId;
	}

	public @Nullable Long getLevelId() {
		return levelId;
	}

	public void setLevelId(@Nullable Long levelId) {
		this.levelId = levelId;
	}

	public @Nullable Long getSiteId() {
		return siteId;
	}

	public void setSiteId(@Nullable Long siteId) {
		this.siteId = siteId;
	}
}
