package cn.kaowu.platform.kernel;

/** The roles of DOMAIN.md §1, plus the platform administrator who runs the system itself. */
public enum Role {
	/** 平台管理员: manages organisations and accounts. */
	ADMIN,
	/** 省级教育行政部门. */
	PROVINCE,
	/** 地市教育局. */
	CITY,
	/** 培训评价组织. */
	ORG,
	/** 试点院校负责人 (one per college). */
	COLLEGE_PRINCIPAL,
	/** 试点院校业务管理员. */
	COLLEGE_ADMIN,
	/** 考点人员. */
	SITE_STAFF,
	/** 巡考员. */
	PATROL,
	/** 仲裁组成员. */
	ARBITRATOR,
	/** 考评员. */
	GRADER;

	public boolean isCollege() {
		return this == COLLEGE_PRINCIPAL || this == COLLEGE_ADMIN || this == SITE_STAFF;
	}

	/** Roles that act for a training-evaluation organisation. */
	public boolean isOrg() {
		return this == ORG || this == PATROL || this == ARBITRATOR || this == GRADER;
	}

	public String messageKey() {
		return "role." + name();
	}
}
