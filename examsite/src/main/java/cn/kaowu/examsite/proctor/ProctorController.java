package cn.kaowu.examsite.proctor;

import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.infra.Texts;
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
    private final Texts texts;

    ProctorController(Proctoring proctoring, Texts texts) {
        this.proctoring = proctoring;
        this.texts = texts;
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
            flash.addFlashAttribute("message", texts.get("flash.extended",
                    ticketNumber.isBlank() ? texts.get("flash.extended.room", roomCode.strip())
                            : texts.get("flash.extended.candidate", ticketNumber.strip()),
                    decision.minutes(), decision.totalMinutes(),
                    texts.get(decision.byTheOrg() ? "flash.extended.byTheOrg" : "flash.extended.byChiefAndPatrol")));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
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
            flash.addFlashAttribute("message", texts.get("flash.incident", texts.get("incident.kind." + entry.kind().name()),
                    entry.ticketNumber() == null ? "" : texts.get("flash.incident.candidate", entry.ticketNumber())));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    /** 提前交卷许可: the chief examiner's consent. */
    @PostMapping("/admin/packages/{packageId}/candidates/{ticket}/early-leave")
    String earlyLeave(@PathVariable String packageId, @PathVariable String ticket,
            @RequestParam(defaultValue = "") String chiefExaminer, RedirectAttributes flash) {
        try {
            proctoring.consentEarlyLeave(packageId, ticket, chiefExaminer);
            flash.addFlashAttribute("message", texts.get("flash.earlyLeave", ticket, chiefExaminer.strip()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
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
            flash.addFlashAttribute("message", texts.get("flash.sealed", roomCode.strip()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
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
            throw Refusal.of("refusal.extension.minutes");
        }
    }

    private static String back(String packageId) {
        return "redirect:/admin/packages/" + packageId;
    }
}
