package cn.kaowu.examsite.proctor;

import java.util.List;

import cn.kaowu.exampackage.RoomReport.IncidentKind;
import cn.kaowu.examsite.Refusal;

/**
 * An entry of the 考场情况记录表 (seed 004 §3 监考人员 4, §5.8): 情况记录 (a note, with or without a candidate), 警告 or
 * 取消考试资格 (both of one candidate); the description is required; signed by the candidate (考生已签字) or, when the
 * candidate refuses or none is concerned, by every invigilator present (at least one name).
 */
public final class IncidentRule {

    private IncidentRule() {
    }

    /** What the proctor typed in. */
    public record Request(String ticketNumber, String kind, String description, boolean candidateSigned,
            String invigilators) {
    }

    /** What is recorded. */
    public record Entry(String ticketNumber, IncidentKind kind, String description, boolean candidateSigned,
            List<String> invigilators) {
    }

    public static Entry check(Request request) {
        IncidentKind kind;
        try {
            kind = IncidentKind.valueOf(request.kind() == null ? "" : request.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("记录类型：请选择情况记录、警告或取消考试资格。");
        }
        String ticket = Text.clean(request.ticketNumber());
        if (ticket == null && kind != IncidentKind.NOTE) {
            throw new Refusal("考生：" + kind.label() + "须选择被处理的考生。");
        }
        String description = Text.clean(request.description());
        if (description == null) {
            throw new Refusal("情况说明：必填，请如实、详细地写明经过。");
        }
        if (request.candidateSigned() && ticket == null) {
            throw new Refusal("签字：没有选择考生，不能记为考生已签字；请填写在场监考员姓名。");
        }
        List<String> invigilators = Text.names(request.invigilators());
        if (!request.candidateSigned() && invigilators.isEmpty()) {
            throw new Refusal("在场监考员签字：考生未签字（或拒绝签字）时，须填写所有在场监考员的姓名（至少一人）。");
        }
        return new Entry(ticket, kind, description, request.candidateSigned(), invigilators);
    }
}
