package cn.kaowu.platform.org;

/** The kinds of organisation on the platform. */
public enum OrganisationType {
	/** 省级教育行政部门. */
	PROVINCE,
	/** 地市教育局, inside a province. */
	CITY,
	/** 培训评价组织. */
	ORG,
	/** 职业院校 (pilot college and exam site host), inside a province and optionally a city. */
	COLLEGE
}
