package cn.kaowu.platform.materials;

import java.util.Objects;

/**
 * What every sheet of one site and plan prints in its head.
 *
 * @param planName the exam plan, e.g. 2026年第四批网店运营推广职业技能等级证书考核
 * @param certificateName e.g. 网店运营推广职业技能等级证书
 * @param levelName 初级, 中级 or 高级
 * @param siteName the exam site (考核站点)
 * @param siteCode e.g. 30003007-320000-001
 */
public record ExamInfo(String planName, String certificateName, String levelName, String siteName, String siteCode) {

	public ExamInfo {
		Objects.requireNonNull(planName, "planName");
		Objects.requireNonNull(certificateName, "certificateName");
		Objects.requireNonNull(levelName, "levelName");
		Objects.requireNonNull(siteName, "siteName");
		Objects.requireNonNull(siteCode, "siteCode");
	}

	/** 网店运营推广职业技能等级证书（初级） */
	public String certificateAndLevel() {
		return certificateName + "（" + levelName + "）";
	}
}
