package cn.kaowu.platform.plan;

import java.util.List;

import cn.kaowu.platform.catalog.CertificateLevel;

/**
 * A certificate level that is in a plan (it has subjects in it), with those subjects ordered by slot.
 *
 * @param levelId the catalogue level
 * @param level 初级 / 中级 / 高级
 * @param displayName e.g. 网店运营推广职业技能等级证书（初级）
 * @param subjects its subjects in the plan
 */
public record PlanLevel(long levelId, CertificateLevel level, String displayName, List<PlanSubjectView> subjects) {
}
