package cn.kaowu.examsite.appeal;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.kaowu.exampackage.RoomReport.PanelMember;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.infra.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申诉与仲裁 on the package page ({@code /admin/packages/{id}}, behind the admin login; every post redirects back
 * with a message or the refusal) and the public panel page {@code /arbitration} (no login: the panel's names and
 * contacts are shown to everyone at the site, 000 §4.5.2).
 */
@Controller
class AppealController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Appeals appeals;
    private final Texts texts;

    AppealController(Appeals appeals, Texts texts) {
        this.appeals = appeals;
        this.texts = texts;
    }

    @GetMapping("/arbitration")
    String publicPanels(Model model) {
        model.addAttribute("panels", appeals.publicPanels());
        return "arbitration";
    }

    /** 仲裁组: up to five rows of name / organisation / contact (blank rows ignored) and the site's college. */
    @PostMapping("/admin/packages/{packageId}/panel")
    String panel(@PathVariable String packageId, @RequestParam(defaultValue = "") String siteCollege,
            @RequestParam(defaultValue = "") String recordedBy,
            @RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(name = "organisation", required = false) List<String> organisations,
            @RequestParam(name = "contact", required = false) List<String> contacts, RedirectAttributes flash) {
        try {
            List<PanelMember> members = new ArrayList<>();
            int rows = Math.max(size(names), Math.max(size(organisations), size(contacts)));
            for (int i = 0; i < rows; i++) {
                members.add(new PanelMember(at(names, i), at(organisations, i), at(contacts, i)));
            }
            var panel = appeals.setPanel(packageId, siteCollege, members, recordedBy);
            flash.addFlashAttribute("message", texts.get("flash.appeal.panel", panel.members().size()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    /** 申诉: the written appeal's text as the candidate wrote it and the scanned signed page (JPEG/PNG ≤ 5 MB). */
    @PostMapping("/admin/packages/{packageId}/appeals")
    String record(@PathVariable String packageId, @RequestParam(defaultValue = "") String ticketNumber,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String recordedBy,
            @RequestParam(name = "signature", required = false) MultipartFile signature, RedirectAttributes flash)
            throws IOException {
        try {
            if (signature != null && signature.getSize() > AppealRules.MAX_SIGNATURE_BYTES) {
                throw Refusal.of("refusal.appeal.signature.tooLarge");
            }
            var appeal = appeals.record(packageId, ticketNumber, text, recordedBy,
                    signature == null ? null : signature.getBytes());
            flash.addFlashAttribute("message", texts.get("flash.appeal.recorded", appeal.ticketNumber(),
                    appeal.dueAt().atZone(ZONE).toLocalTime().withNano(0).toString()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    /** 仲裁结果: outcome, written answer, deciding members, the agreed time for the appellant to sign for it. */
    @PostMapping("/admin/packages/{packageId}/appeals/{appealId}/decision")
    String decide(@PathVariable String packageId, @PathVariable long appealId,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String decidedBy, @RequestParam(defaultValue = "") String agreedAt,
            @RequestParam(defaultValue = "") String recordedBy, RedirectAttributes flash) {
        try {
            appeals.decide(packageId, appealId, new Appeals.DecisionRequest(outcome, text, names(decidedBy),
                    time(agreedAt), recordedBy));
            flash.addFlashAttribute("message", texts.get("flash.appeal.decided", appealId));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    @PostMapping("/admin/packages/{packageId}/appeals/{appealId}/signed-for")
    String signedFor(@PathVariable String packageId, @PathVariable long appealId,
            @RequestParam(defaultValue = "") String recordedBy, RedirectAttributes flash) {
        try {
            appeals.signedFor(packageId, appealId, recordedBy);
            flash.addFlashAttribute("message", texts.get("flash.appeal.signedFor", appealId));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    @PostMapping("/admin/packages/{packageId}/appeals/{appealId}/absent")
    String absent(@PathVariable String packageId, @PathVariable long appealId,
            @RequestParam(defaultValue = "") String recordedBy, RedirectAttributes flash) {
        try {
            appeals.absent(packageId, appealId, recordedBy);
            flash.addFlashAttribute("message", texts.get("flash.appeal.absent", appealId));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    @PostMapping("/admin/packages/{packageId}/appeals/{appealId}/withdrawal")
    String withdraw(@PathVariable String packageId, @PathVariable long appealId,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String recordedBy,
            RedirectAttributes flash) {
        try {
            appeals.withdraw(packageId, appealId, reason, recordedBy);
            flash.addFlashAttribute("message", texts.get("flash.appeal.withdrawn", appealId));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return back(packageId);
    }

    @GetMapping("/admin/packages/{packageId}/appeals/{appealId}/signature")
    ResponseEntity<byte[]> signature(@PathVariable String packageId, @PathVariable long appealId) {
        return appeals.signature(packageId, appealId)
                .map(s -> ResponseEntity.ok().contentType(MediaType.parseMediaType(s.getKey()))
                        .header("X-Content-Type-Options", "nosniff").body(s.getValue()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static java.time.Instant time(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.of("refusal.appeal.decision.agreedAt");
        }
    }

    private static List<String> names(String value) {
        return Arrays.stream(value.split("[、,，;；\\s]+")).filter(n -> !n.isBlank()).toList();
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String back(String packageId) {
        return "redirect:/admin/packages/" + packageId;
    }
}
