package cn.kaowu.examsite.proctor;

import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.examsite.Refusal;

/**
 * The 考场封场确认单 of a room (seed 004 ch.4 §4 考前准备): every one of the four checks confirmed, signed by the
 * system administrator and the exam staff (系统管理员、考务人员).
 */
public final class SealRule {

    /** The four checks, as the form words them. */
    public static final String TRIAL_RUN = "已完成试考检查，模拟考试系统运行正常，考试机不能访问外网";
    public static final String SYSTEM_CHECKED = "已完成系统检查，服务器、考试机未感染病毒，其他无关软件均已退出";
    public static final String POWER_AND_MONITORING = "考核当天供电正常，监控设备运行正常";
    public static final String SIGN_IN_SHEET_MATCHES = "《考场签到表》与系统中数据一致";

    private SealRule() {
    }

    /** What the proctor ticked and typed. */
    public record Request(boolean trialRun, boolean systemChecked, boolean powerAndMonitoring,
            boolean signInSheetMatches, String systemAdministrator, String examStaff) {
    }

    /** The seal to record, at {@code now}. */
    public static RoomReport.Seal check(Request request, java.time.Instant now) {
        if (!request.trialRun()) {
            throw unchecked(1, TRIAL_RUN);
        }
        if (!request.systemChecked()) {
            throw unchecked(2, SYSTEM_CHECKED);
        }
        if (!request.powerAndMonitoring()) {
            throw unchecked(3, POWER_AND_MONITORING);
        }
        if (!request.signInSheetMatches()) {
            throw unchecked(4, SIGN_IN_SHEET_MATCHES);
        }
        String admin = Text.clean(request.systemAdministrator());
        if (admin == null) {
            throw new Refusal("系统管理员签字：必填。");
        }
        String staff = Text.clean(request.examStaff());
        if (staff == null) {
            throw new Refusal("考务人员签字：必填。");
        }
        return new RoomReport.Seal(true, true, true, true, admin, staff, now);
    }

    private static Refusal unchecked(int number, String check) {
        return new Refusal("封场确认第 " + number + " 项（" + check + "）：未确认。四项都确认后才能封场。");
    }
}
