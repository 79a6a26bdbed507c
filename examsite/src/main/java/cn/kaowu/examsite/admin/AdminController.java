package cn.kaowu.examsite.admin;

import java.io.IOException;
import java.nio.file.Files;

import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.infra.SessionGuard;
import cn.kaowu.examsite.infra.Texts;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.pkg.PackageSummary;
import cn.kaowu.examsite.proctor.Proctoring;
import cn.kaowu.examsite.result.ResultExports;
import cn.kaowu.examsite.setup.SiteAdmins;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The site administrator's pages: set-up, package import and opening, proctor list, result export. */
@Controller
class AdminController {

    private final SiteAdmins admins;
    private final SiteKeys keys;
    private final SiteSettings settings;
    private final ExamPackages packages;
    private final Sittings sittings;
    private final ResultExports exports;
    private final cn.kaowu.examsite.link.PlatformLink link;
    private final Proctoring proctoring;
    private final Texts texts;
    private final cn.kaowu.examsite.appeal.Appeals appeals;
    private final java.time.Clock clock;

    AdminController(SiteAdmins admins, SiteKeys keys, SiteSettings settings, ExamPackages packages, Sittings sittings,
            ResultExports exports, cn.kaowu.examsite.link.PlatformLink link, Proctoring proctoring, Texts texts,
            cn.kaowu.examsite.appeal.Appeals appeals, java.time.Clock clock) {
        this.appeals = appeals;
        this.clock = clock;
        this.texts = texts;
        this.proctoring = proctoring;
        this.link = link;
        this.admins = admins;
        this.keys = keys;
        this.settings = settings;
        this.packages = packages;
        this.sittings = sittings;
        this.exports = exports;
    }

    @GetMapping("/admin/login")
    String loginForm() {
        return "admin/login";
    }

    @PostMapping("/admin/login")
    String login(@RequestParam String username, @RequestParam String password, HttpServletRequest request,
            Model model) {
        return admins.authenticate(username, password).map(user -> {
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(SessionGuard.ADMIN, user);
            if (admins.mustChangePassword(user)) {
                request.getSession().setAttribute(SessionGuard.MUST_CHANGE_PASSWORD, true);
                return "redirect:/admin/password";
            }
            return "redirect:/admin";
        }).orElseGet(() -> {
            model.addAttribute("error", texts.get("admin.login.failed"));
            return "admin/login";
        });
    }

    @PostMapping("/admin/logout")
    String logout(HttpSession session) {
        session.invalidate();
        return "redirect:/admin/login";
    }

    @GetMapping("/admin/password")
    String passwordForm() {
        return "admin/password";
    }

    @PostMapping("/admin/password")
    String changePassword(@RequestParam String current, @RequestParam String replacement, HttpSession session,
            Model model, RedirectAttributes flash) {
        try {
            admins.changePassword((String) session.getAttribute(SessionGuard.ADMIN), current, replacement);
            session.removeAttribute(SessionGuard.MUST_CHANGE_PASSWORD);
            flash.addFlashAttribute("message", texts.get("flash.passwordChanged"));
            return "redirect:/admin";
        } catch (Refusal e) {
            model.addAttribute("error", texts.get(e));
            return "admin/password";
        }
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("sitePublicKey", keys.publicKeyPem());
        model.addAttribute("siteCode", settings.siteCode().orElse(""));
        model.addAttribute("platformPublicKey", settings.platformPublicKeyPem().orElse(""));
        model.addAttribute("configured", settings.configured());
        model.addAttribute("platformUrl", settings.platformUrl().orElse(""));
        model.addAttribute("packages", packages.list());
        return "admin/home";
    }

    @PostMapping("/admin/setup")
    String setup(@RequestParam String siteCode, @RequestParam String platformPublicKey, RedirectAttributes flash) {
        try {
            settings.configure(siteCode, platformPublicKey);
            flash.addFlashAttribute("message", texts.get("flash.setupSaved"));
        } catch (Refusal | IllegalArgumentException | cn.kaowu.exampackage.CryptoException e) {
            flash.addFlashAttribute("error", texts.get("flash.setupFailed",
                    e instanceof Refusal r ? texts.get(r) : e.getMessage()));
        }
        return "redirect:/admin";
    }

    /** Enrolment over the network: the platform's address, the site code and the college's one-time code. */
    @PostMapping("/admin/enrol")
    String enrol(@RequestParam String platformUrl, @RequestParam String siteCode, @RequestParam String token,
            RedirectAttributes flash) {
        try {
            link.enrol(platformUrl, siteCode, token);
            flash.addFlashAttribute("message", texts.get("flash.enrolled"));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/sync")
    String sync(RedirectAttributes flash) {
        try {
            var imported = link.syncPackages();
            flash.addFlashAttribute("message", texts.get("flash.synced", imported.size()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return "redirect:/admin";
    }

    /** The release key from the platform (from 30 minutes before the start), then the papers are built. */
    @PostMapping("/admin/packages/{packageId}/fetch-key")
    String fetchKey(@PathVariable String packageId, RedirectAttributes flash) {
        try {
            byte[] key = link.fetchReleaseKey(packageId)
                    .orElseThrow(() -> Refusal.of("refusal.link.none"));
            PackageSummary summary = packages.openWithReleaseKey(packageId,
                    java.util.Base64.getEncoder().encodeToString(key));
            flash.addFlashAttribute("message", texts.get("flash.keyFetched", summary.candidates()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return "redirect:/admin/packages/" + packageId;
    }

    @PostMapping("/admin/packages/{packageId}/results/upload")
    String uploadResults(@PathVariable String packageId, RedirectAttributes flash) {
        try {
            var delivery = exports.resend(packageId);
            if (delivery == cn.kaowu.examsite.link.PlatformLink.Delivery.UPLOADED) {
                flash.addFlashAttribute("message", texts.get("flash.resultsUploaded"));
            } else {
                flash.addFlashAttribute("error", texts.get("flash.resultsNotUploaded"));
            }
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return "redirect:/admin/packages/" + packageId;
    }

    @PostMapping("/admin/packages")
    String importPackage(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            PackageSummary summary = packages.importPackage(file.getInputStream());
            flash.addFlashAttribute("message", texts.get("flash.imported", summary.packageId()));
            return "redirect:/admin/packages/" + summary.packageId();
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
            return "redirect:/admin";
        }
    }

    @GetMapping("/admin/packages/{packageId}")
    String packagePage(@PathVariable String packageId, Model model) {
        PackageSummary pkg = packages.get(packageId);
        model.addAttribute("pkg", pkg);
        model.addAttribute("rooms", pkg.opened() ? proctoring.rooms(packageId) : java.util.List.of());
        model.addAttribute("panel", appeals.panel(packageId).orElse(null));
        model.addAttribute("appeals", pkg.opened() ? appeals.list(packageId) : java.util.List.of());
        model.addAttribute("now", java.time.Instant.now(clock));
        return "admin/exam-package"; // not package.html: the jar plugin leaves **/package.html out of every jar
    }

    @PostMapping("/admin/packages/{packageId}/open")
    String open(@PathVariable String packageId, @RequestParam(required = false) String releaseKey,
            @RequestParam(required = false) String emergencyCode, RedirectAttributes flash) {
        try {
            PackageSummary summary = emergencyCode != null && !emergencyCode.isBlank()
                    ? packages.openWithEmergencyCode(packageId, emergencyCode)
                    : packages.openWithReleaseKey(packageId, releaseKey);
            flash.addFlashAttribute("message", texts.get("flash.opened", summary.candidates()));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return "redirect:/admin/packages/" + packageId;
    }

    @PostMapping("/admin/packages/{packageId}/candidates/{ticket}/absent")
    String markAbsent(@PathVariable String packageId, @PathVariable String ticket, RedirectAttributes flash) {
        try {
            sittings.markAbsent(packageId, ticket);
            flash.addFlashAttribute("message", texts.get("flash.absent", ticket));
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
        }
        return "redirect:/admin/packages/" + packageId;
    }

    @GetMapping("/admin/packages/{packageId}/candidates/{ticket}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String packageId, @PathVariable String ticket) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(sittings.photo(packageId, ticket));
    }

    @PostMapping("/admin/packages/{packageId}/results")
    Object exportResults(@PathVariable String packageId, RedirectAttributes flash) throws IOException {
        ResultExports.Export export;
        try {
            export = exports.build(packageId);
        } catch (Refusal e) {
            flash.addFlashAttribute("error", texts.get(e));
            return "redirect:/admin/packages/" + packageId;
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.file().getFileName().toString()).build()
                                .toString())
                .header("X-Result-Chain-Head", export.chainHead())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(Files.size(export.file()))
                .body(new FileSystemResource(export.file()));
    }
}
