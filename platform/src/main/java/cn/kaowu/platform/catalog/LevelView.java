package cn.kaowu.platform.catalog;

import java.util.List;

/**
 * One level of a certificate (its own certificate code) with its subjects.
 *
 * @param id the level
 * @param certificateId the certificate
 * @param certificateName e.g. 网店运营推广
 * @param organisationId the ORG that owns the certificate
 * @param organisationName that ORG's name
 * @param level 初级 / 中级 / 高级
 * @param code the 16-digit certificate code (证书代码)
 * @param displayName e.g. 网店运营推广职业技能等级证书（初级）
 * @param enabled whether the level itself is enabled
 * @param certificateEnabled whether its certificate is enabled
 * @param version optimistic-locking version
 * @param subjects its subjects ordered by code
 */
public record LevelView(long id, long certificateId, String certificateName, long organisationId,
		String organisationName, CertificateLevel level, String code, String displayName, boolean enabled,
		boolean certificateEnabled, int version, List<SubjectView> subjects) {

	/** Whether plans, pilot applications and registrations may use this level now. */
	public boolean usable() {
		return enabled && certificateEnabled;
	}

	/** The subjects that can be examined now. */
	public List<SubjectView> usableSubjects() {
		return subjects.stream().filter(SubjectView::usable).toList();
	}

	public boolean ownedBy(long organisationId) {
		return this.organisationId == organisationId;
	}
}
