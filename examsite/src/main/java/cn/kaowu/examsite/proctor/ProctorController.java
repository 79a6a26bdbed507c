package cn.kaowu.examsite.proctor;

import cn.kaowu.examsite.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The proctor console's actions on the package page ({@code /admin/packages/{id}}, behind the admin login); each
 * answers with a redirect to the page and a message or the refusal. The room travels as a form field (room names
 * are free text such as 2号楼102).
 */
@Controller
class ProctorController {

    private final Proctoring proctoring;

    ProctorController(Proctoring proctoring) {
        this.proctoring = proctoring;
    }

    /** 延时: {@code ticketNumber} blank = the whole room. */
    @PostMapping("/admin/packages/{packageId}/extensions")
    String extend(@PathVariable String packageId, @RequestParam(defaultValue = "") String roomCode,
            @RequestParam(defaultValue = "") String ticketNumber, @RequestParam(required = false) String minutes,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String chiefExaminer,
            @RequestParam(defaultValue = "") String patrol, @RequestParam(defaultValue = "") String approvalCode,
            RedirectAttributes flash) {
        try {
            ExtensionRule.Decision decision = proctoring.extend(packageId, roomCode, ticketNumber,
                    new ExtensionRule.Request(number(minutes), reason, chiefExaminer, patrol, approvalCode));
            flash.addFlashAttribute("message", (ticketNumber.isBlank() ? "考场 " + roomCode.strip() + " 全体考生"
                    : "考生 " + ticketNumber.strip()) + " 延时 " + decision.minutes() + " 分钟已记录（累计 "
                    + decision.totalMinutes() + " 分钟，" + (decision.byTheOrg() ? "培训评价组织审批" : "主考、巡考决定") + "）");
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back(packageId);
    }

    /** 情况记录 / 警告 / 取消考试资格. */
    @PostMapping("/admin/packages/{packageId}/incidents")
    String incident(@PathVariable String packageId, @RequestParam(defaultValue = "") String roomCode,
            @RequestParam(defaultValue = "") String ticketNumber, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean candidateSigned,
            @RequestParam(defaultValue = "") String invigilators, RedirectAttributes flash) {
        try {
            IncidentRule.Entry entry = proctoring.recordIncident(packageId, roomCode,
                    new IncidentRule.Request(ticketNumber, kind, description, candidateSigned, invigilators));
            flash.addFlashAttribute("message", entry.kind().label() + "已记录"
                    + (entry.ticketNumber() == null ? "" : "（考生 " + entry.ticketNumber() + "）"));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back(packageId);
    }

    /** 提前交卷许可: the chief examiner's consent. */
    @PostMapping("/admin/packages/{packageId}/candidates/{ticket}/early-leave")
    String earlyLeave(@PathVariable String packageId, @PathVariable String ticket,
            @RequestParam(defaultValue = "") String chiefExaminer, RedirectAttributes flash) {
        try {
            proctoring.consentEarlyLeave(packageId, ticket, chiefExaminer);
            flash.addFlashAttribute("message", "考生 " + ticket + " 的提前交卷许可已记录（主考 " + chiefExaminer.strip() + "）");
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back(packageId);
    }

    /** 考场封场确认. */
    @PostMapping("/admin/packages/{packageId}/seals")
    String seal(@PathVariable String packageId, @RequestParam(defaultValue = "") String roomCode,
            @RequestParam(defaultValue = "false") boolean trialRun,
            @RequestParam(defaultValue = "false") boolean systemChecked,
            @RequestParam(defaultValue = "false") boolean powerAndMonitoring,
            @RequestParam(defaultValue = "false") boolean signInSheetMatches,
            @RequestParam(defaultValue = "") String systemAdministrator,
            @RequestParam(defaultValue = "") String examStaff, RedirectAttributes flash) {
        try {
            proctoring.seal(packageId, roomCode, new SealRule.Request(trialRun, systemChecked, powerAndMonitoring,
                    signInSheetMatches, systemAdministrator, examStaff));
            flash.addFlashAttribute("message", "考场 " + roomCode.strip() + " 已封场确认");
        } catch (Refusal e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back(packageId);
    }

    private static Integer number(String minutes) {
        if (minutes == null || minutes.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(minutes.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("延时分钟数：必须是大于 0 的整数。");
        }
    }

    private static String back(String packageId) {
        return "redirect:/admin/packages/" + packageId;
    }
}
