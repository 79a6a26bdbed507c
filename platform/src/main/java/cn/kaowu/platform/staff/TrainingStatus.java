package cn.kaowu.platform.staff;

/** Whether a person has had the exam-affairs training (002 art.17 (四) 6; 000 §1.3: 培训考核合格后方能上岗). */
public enum TrainingStatus {
	/** 未培训. */
	UNTRAINED,
	/** 已培训, with the date. */
	TRAINED,
	/** 持培训合格证书, with the date and the certificate number. */
	CERTIFIED;

	public String messageKey() {
		return "staff.training." + name();
	}

	public boolean trained() {
		return this != UNTRAINED;
	}
}
