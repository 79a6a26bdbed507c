package cn.kaowu.platform.staff;

/** What a person does at the exam site (002 art.17 names the first four; 004 ch.3 §6 the invigilators). */
public enum StaffRole {
	/** 考点负责人 / 站点负责人: exactly one per site. */
	SITE_HEAD,
	/** 考务管理人员 (监考管理人员): at least two. */
	EXAM_MANAGER,
	/** 技术支持人员: at least one. */
	TECHNICAL,
	/** 后勤保障人员 (后勤考务保障人员): at least one. */
	LOGISTICS,
	/** 监考员. */
	INVIGILATOR,
	/** 考评员. */
	GRADER,
	/** 其他考务工作人员. */
	OTHER;

	public String messageKey() {
		return "staff.role." + name();
	}
}
