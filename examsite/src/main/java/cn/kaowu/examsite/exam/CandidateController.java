package cn.kaowu.examsite.exam;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.exampackage.Receipt;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.infra.SessionGuard;
import cn.kaowu.examsite.infra.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidate's browser: login, identity confirmation, the exam page (answers posted by {@code exam.js} on
 * every change and every 30 s as form fields {@code q.<itemId>}), submit and the receipt.
 */
@Controller
class CandidateController {

    static final String ANSWER_PREFIX = "q.";

    private final Sittings sittings;
    private final Clock clock;
    private final Texts texts;

    CandidateController(Sittings sittings, Clock clock, Texts texts) {
        this.sittings = sittings;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/")
    String loginForm() {
        return "exam/login";
    }

    @PostMapping("/login")
    String login(@RequestParam String ticketNumber, @RequestParam String password, HttpServletRequest request,
            Model model) {
        try {
            CandidateRef ref = sittings.signIn(ticketNumber, password);
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(SessionGuard.CANDIDATE, ref);
            return "redirect:/exam/confirm";
        } catch (Refusal e) {
            model.addAttribute("error", texts.get(e));
            model.addAttribute("ticketNumber", ticketNumber);
            return "exam/login";
        }
    }

    @GetMapping("/exam/confirm")
    String confirm(HttpSession session, Model model) {
        model.addAttribute("sitting", sittings.view(ref(session)));
        return "exam/confirm";
    }

    @GetMapping("/exam")
    String exam(HttpSession session, Model model) {
        SittingView sitting = sittings.view(ref(session));
        if (sitting.submitted()) {
            return "redirect:/exam/done";
        }
        model.addAttribute("sitting", sitting);
        if (sitting.disqualified()) {
            return "exam/disqualified";
        }
        model.addAttribute("now", clock.instant());
        model.addAttribute("started", !clock.instant().isBefore(sitting.slotStart()));
        model.addAttribute("maySubmit", sitting.maySubmit(clock.instant()));
        return "exam/paper";
    }

    @PostMapping("/exam/save")
    @ResponseBody
    ResponseEntity<?> save(HttpSession session, @RequestParam MultiValueMap<String, String> form) {
        CandidateRef ref = ref(session);
        try {
            Sittings.Saved saved = sittings.save(ref, answers(form));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("savedAt", saved.savedAt().toString());
            // The end and the submit time move with extensions and the chief examiner's consent.
            body.put("endsAt", saved.endsAt().toEpochMilli());
            body.put("submitFrom", saved.submitFrom() == null ? null : saved.submitFrom().toEpochMilli());
            body.put("now", clock.millis());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (Refusal e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, texts.get(e));
            problem.setTitle(texts.get("exam.save.failed"));
            if (sittings.status(ref) == CandidateStatus.DISQUALIFIED) {
                problem.setProperty("disqualified", true);
            }
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /** The work file of a practical item (实操作品), uploaded from the paper page; a new upload replaces the old. */
    @PostMapping("/exam/practical/{itemId}")
    @ResponseBody
    ResponseEntity<?> practicalWork(HttpSession session, @PathVariable String itemId,
            @RequestParam("file") MultipartFile file) throws java.io.IOException {
        CandidateRef ref = ref(session);
        try {
            if (file.getSize() > Sittings.MAX_WORK_BYTES) {
                throw Refusal.of("refusal.work.tooLarge", String.valueOf(Sittings.MAX_WORK_BYTES / 1024 / 1024));
            }
            Sittings.Saved saved = sittings.savePracticalWork(ref, itemId, file.getOriginalFilename(), file.getBytes());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("savedAt", saved.savedAt().toString());
            body.put("fileName", Sittings.workFileName(file.getOriginalFilename()));
            body.put("size", file.getSize());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (Refusal e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, texts.get(e));
            problem.setTitle(texts.get("exam.upload.failed"));
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    @PostMapping("/exam/submit")
    String submit(HttpSession session, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        try {
            Receipt receipt = sittings.submit(ref(session), answers(form));
            flash.addFlashAttribute("justSubmitted", receipt.shortForm());
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
            return "redirect:/exam";
        }
        return "redirect:/exam/done";
    }

    @GetMapping("/exam/done")
    String done(HttpSession session, Model model) {
        SittingView sitting = sittings.view(ref(session));
        if (!sitting.submitted()) {
            return "redirect:/exam";
        }
        model.addAttribute("sitting", sitting);
        return "exam/done";
    }

    @GetMapping("/exam/photo")
    ResponseEntity<byte[]> photo(HttpSession session) {
        CandidateRef ref = ref(session);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .body(sittings.photo(ref.packageId(), ref.ticketNumber()));
    }

    @PostMapping("/exam/logout")
    String logout(HttpSession session) {
        session.invalidate();
        return "redirect:/";
    }

    /** Every item on the page is sent, empty when unanswered, so that clearing an answer is saved too. */
    static Map<String, List<String>> answers(MultiValueMap<String, String> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX)) {
                answers.put(name.substring(ANSWER_PREFIX.length()),
                        values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        return answers;
    }

    private static CandidateRef ref(HttpSession session) {
        return (CandidateRef) session.getAttribute(SessionGuard.CANDIDATE);
    }
}
