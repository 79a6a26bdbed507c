package cn.kaowu.platform.staff.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.staff.LetterManagement;
import cn.kaowu.platform.staff.LetterSheet;
import cn.kaowu.platform.staff.StaffManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 责任书: the exams of a college and, per exam, who has signed the responsibility letter and who has not. */
@Controller
@RequestMapping("/staff/letters")
class LetterController {

	private final LetterManagement letters;

	private final StaffManagement staff;

	private final ProblemMessages messages;

	private final Clock clock;

	LetterController(LetterManagement letters, StaffManagement staff, ProblemMessages messages, Clock clock) {
		this.letters = letters;
		this.staff = staff;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Scope scope, @RequestParam(required = false) Long collegeId, Model model) {
		if (!scope.role().isCollege() && collegeId == null) {
			model.addAttribute("colleges", staff.colleges(scope));
			model.addAttribute("college", null);
			return "staff/letters";
		}
		OrganisationView college = staff.college(scope, collegeId);
		model.addAttribute("college", college);
		model.addAttribute("colleges", scope.role().isCollege() ? List.of() : staff.colleges(scope));
		model.addAttribute("exams", letters.exams(scope, college.id()));
		model.addAttribute("canManage", StaffManagement.canManage(scope, college.id()));
		return "staff/letters";
	}

	@PostMapping
	String createExam(Scope scope, @RequestParam(required = false) String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate examDate,
			RedirectAttributes redirect) {
		try {
			LetterSheet sheet = letters.createExam(scope, name, examDate);
			redirect.addFlashAttribute("success", messages.text("staff.letter.exam.created", sheet.examName()));
			return "redirect:/staff/letters/" + sheet.examId();
		}
		catch (InvalidInputProblem e) {
			messages.flash(redirect, e);
			return "redirect:/staff/letters";
		}
	}

	@GetMapping("/{id}")
	String sheet(Scope scope, @PathVariable long id, @RequestParam(required = false) Boolean signed, Model model) {
		LetterSheet sheet = letters.sheet(scope, id);
		model.addAttribute("sheet", sheet);
		model.addAttribute("lines",
				signed == null ? sheet.lines() : sheet.lines().stream().filter(l -> l.signed() == signed).toList());
		model.addAttribute("filterSigned", signed);
		model.addAttribute("canManage", StaffManagement.canManage(scope, sheet.collegeId()));
		model.addAttribute("today", LocalDate.now(clock));
		return "staff/letter-sheet";
	}

	@PostMapping("/{id}/letters")
	String record(Scope scope, @PathVariable long id, @RequestParam(required = false) Long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
				throw new InvalidInputProblem("file", "staff.letter.file.required");
			}
			LetterSheet sheet = letters.record(scope, id, staffId, signedOn, String.valueOf(file.getOriginalFilename()),
					file.getBytes());
			String name = sheet.lines()
				.stream()
				.filter(l -> staffId != null && l.staff().id() == staffId)
				.map(l -> l.staff().name())
				.findFirst()
				.orElse("");
			redirect.addFlashAttribute("success", messages.text("staff.letter.recorded", name));
		}
		catch (InvalidInputProblem e) {
			messages.flash(redirect, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "redirect:/staff/letters/" + id;
	}

	@GetMapping("/scans/{letterId}")
	ResponseEntity<byte[]> scan(Scope scope, @PathVariable long letterId) {
		LetterManagement.Scan scan = letters.scan(scope, letterId);
		return Downloads.inline(scan.file().originalName(), scan.file().contentType(), scan.content());
	}
}
