package cn.kaowu.platform.staff;

/** 性别. */
public enum Gender {
	/** 男. */
	MALE,
	/** 女. */
	FEMALE;

	public String messageKey() {
		return "staff.gender." + name();
	}
}
