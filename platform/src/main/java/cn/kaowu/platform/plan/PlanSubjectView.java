package cn.kaowu.platform.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.AdjustableClock;

/**
 * A subject of a plan (考核科目) with its exam slot, as the seed's plan table shows it.
 *
 * @param id the row
 * @param planId the plan
 * @param levelId the catalogue level (证书等级)
 * @param level 初级 / 中级 / 高级
 * @param levelDisplayName e.g. 网店运营推广职业技能等级证书（初级）
 * @param subjectId the catalogue subject
 * @param subjectName e.g. 理论
 * @param code the plan-specific subject code (科目编码), the catalogue code unless the ORG set another
 * @param examMode 考试方式
 * @param passMark 合格分数, 0–100 inclusive
 * @param examDate the exam day
 * @param startTime start of the slot, Beijing time
 * @param endTime end of the slot, Beijing time
 */
public record PlanSubjectView(long id, long planId, long levelId, CertificateLevel level, String levelDisplayName,
		long subjectId, String subjectName, String code, ExamMode examMode, int passMark, LocalDate examDate,
		LocalTime startTime, LocalTime endTime) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public Instant startsAt() {
		return examDate.atTime(startTime).atZone(AdjustableClock.CHINA).toInstant();
	}

	public Instant endsAt() {
		return examDate.atTime(endTime).atZone(AdjustableClock.CHINA).toInstant();
	}

	/** "2026-06-26 14:00-15:00", as in the seed's table. */
	public String slot() {
		return examDate + " " + TIME.format(startTime) + "-" + TIME.format(endTime);
	}

	/** Whether a score passes this subject in this plan (the pass mark is inclusive). */
	public boolean passes(int score) {
		return score >= passMark;
	}
}
