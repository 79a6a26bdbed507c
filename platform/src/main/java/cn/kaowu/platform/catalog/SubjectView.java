package cn.kaowu.platform.catalog;

/**
 * A subject (科目) of a level, flat with what the seed's subject table shows beside it.
 *
 * @param id the subject
 * @param levelId its level
 * @param level 初级 / 中级 / 高级
 * @param levelCode the level's 16-digit certificate code
 * @param levelDisplayName e.g. 网店运营推广职业技能等级证书（初级）
 * @param certificateId the certificate
 * @param certificateName e.g. 网店运营推广
 * @param organisationId the ORG that owns the certificate
 * @param organisationName that ORG's name (考核单位)
 * @param name e.g. 初级理论
 * @param code the 19-digit subject code
 * @param examMode 考试方式
 * @param fullMarks always 100
 * @param passMark 0–100, inclusive
 * @param enabled whether the subject itself is enabled
 * @param levelEnabled whether its level is enabled
 * @param certificateEnabled whether its certificate is enabled
 * @param version optimistic-locking version
 */
public record SubjectView(long id, long levelId, CertificateLevel level, String levelCode, String levelDisplayName,
		long certificateId, String certificateName, long organisationId, String organisationName, String name,
		String code, ExamMode examMode, int fullMarks, int passMark, boolean enabled, boolean levelEnabled,
		boolean certificateEnabled, int version) {

	/** Enabled itself and through its level and certificate. */
	public boolean usable() {
		return enabled && levelEnabled && certificateEnabled;
	}

	/** Whether a score passes this subject (the pass mark is inclusive). */
	public boolean passes(int score) {
		return score >= passMark;
	}
}
