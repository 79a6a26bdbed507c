package cn.kaowu.platform.staff.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.staff.LetterManagement;
import cn.kaowu.platform.staff.LetterSheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "考务人员责任书 Responsibility letters", description = "每次考试前考务工作人员签订责任书：按考试记录签字扫描件（PDF/JPG/PNG，按内容识别，≤ 10 MB）与签订日期")
class LetterApi {

	private final LetterManagement letters;

	LetterApi(LetterManagement letters) {
		this.letters = letters;
	}

	record ExamRequest(@Nullable String name, @Nullable LocalDate examDate) {
	}

	@GetMapping("/letter-exams")
	@Operation(summary = "考试列表及签订进度")
	List<LetterSheet.Exam> exams(Scope scope, @RequestParam(required = false) Long collegeId) {
		return letters.exams(scope, collegeId);
	}

	@PostMapping("/letter-exams")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建考试（名称与日期；考试计划模块上线后关联计划）")
	LetterSheet createExam(Scope scope, @RequestBody ExamRequest request) {
		return letters.createExam(scope, request.name(), request.examDate());
	}

	@GetMapping("/letter-exams/{id}")
	@Operation(summary = "某次考试的责任书签订情况：每位在岗考务人员已签/未签")
	LetterSheet sheet(Scope scope, @PathVariable long id) {
		return letters.sheet(scope, id);
	}

	@PostMapping(path = "/letter-exams/{id}/letters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "上传签字的责任书", description = "multipart：staffId、signedOn（yyyy-MM-dd）、file；再次上传替换原扫描件")
	LetterSheet record(Scope scope, @PathVariable long id, @RequestParam(required = false) Long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate signedOn,
			@RequestParam(required = false) @Nullable MultipartFile file) {
		if (file == null) {
			throw new InvalidInputProblem("file", "staff.letter.file.required");
		}
		try {
			return letters.record(scope, id, staffId, signedOn, String.valueOf(file.getOriginalFilename()),
					file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/letters/{letterId}/scan")
	@Operation(summary = "下载签字扫描件")
	ResponseEntity<byte[]> scan(Scope scope, @PathVariable long letterId) {
		LetterManagement.Scan scan = letters.scan(scope, letterId);
		return Downloads.attachment(scan.file().originalName(), scan.file().contentType(), scan.content());
	}
}
