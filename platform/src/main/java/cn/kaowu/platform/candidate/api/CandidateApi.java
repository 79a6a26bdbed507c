package cn.kaowu.platform.candidate.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateManagement.CandidateFilter;
import cn.kaowu.platform.candidate.CandidateManagement.VerificationSummary;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.candidate.VerificationState;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/candidates")
@Tag(name = "考生 Candidates", description = "院校考生与社会考生（证件号码脱敏）：新增、修改、删除、xlsx 导入（后台任务）、照片 zip（后台任务）、认证与人工确认、导出；本校院校业务管理员与院校负责人维护，本省教育厅与平台管理员只读")
class CandidateApi {

	private final CandidateManagement candidates;

	private final ProblemMessages messages;

	CandidateApi(CandidateManagement candidates, ProblemMessages messages) {
		this.candidates = candidates;
		this.messages = messages;
	}

	record BatchRequest(@NotEmpty(message = "{batch.noneSelected}") List<Long> ids) {
	}

	record BatchResponse(int count) {
	}

	@GetMapping
	@Operation(summary = "考生列表（分页，证件号码脱敏）", description = "kind=COLLEGE 院校考生 / SOCIAL 社会考生；省级与平台管理员须传 collegeId")
	PageResult<CandidateView> list(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) VerificationState state,
			@RequestParam(required = false) String major, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return candidates.list(scope, collegeId, new CandidateFilter(kind, name, idNumber, state, major),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考生（证件号码脱敏）")
	CandidateView get(Scope scope, @PathVariable long id) {
		return candidates.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新增考生（本校）", description = "字段与导入模板相同；性别 男/女，证件类型 身份证/港澳台居民居住证/港澳台身份证/护照")
	CandidateView create(Scope scope, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind,
			@RequestBody CandidateForm form) {
		return candidates.create(scope, kind, form);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改考生", description = "信息准确后不能修改姓名、证件类型、证件号码；须提交全部字段")
	CandidateView update(Scope scope, @PathVariable long id, @RequestBody CandidateForm form) {
		return candidates.update(scope, id, form);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除考生", description = "有报考记录的考生不能删除（409）")
	void delete(Scope scope, @PathVariable long id) {
		candidates.delete(scope, List.of(id));
	}

	@PostMapping("/batch-delete")
	@Operation(summary = "批量删除（全部成功或全部不变）")
	BatchResponse batchDelete(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(candidates.delete(scope, request.ids()));
	}

	@PostMapping("/verify")
	@Operation(summary = "认证 / 批量认证", description = "信息待认证的考生交身份核验；无照片或已认证的跳过（计数）")
	VerificationSummary verify(Scope scope, @Valid @RequestBody BatchRequest request) {
		return candidates.verify(scope, request.ids());
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "人工确认", description = "需人工确认 → 信息准确")
	CandidateView confirm(Scope scope, @PathVariable long id) {
		return candidates.confirmManually(scope, id);
	}

	@PostMapping(path = "/{id}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传单个考生照片", description = "JPG/PNG，≤ 5 MB，295×413 像素（±10）；信息准确后不能更改")
	CandidateView attachPhoto(Scope scope, @PathVariable long id, @RequestPart("file") MultipartFile file) {
		return candidates.attachPhoto(scope, id, bytes(file));
	}

	@GetMapping("/{id}/photo")
	@Operation(summary = "考生照片")
	ResponseEntity<byte[]> photo(Scope scope, @PathVariable long id) {
		return candidates.photo(scope, id)
			.map(p -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(cn.kaowu.platform.candidate.CandidatePhotos.type(p).contentType()))
				.body(p))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/template")
	@Operation(summary = "下载导入模板（xlsx）")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=template.xlsx")
			.body(candidates.template());
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "导入考生（xlsx，后台任务）", description = "modify=true 为批量修改：同一模板，按证件类型与证件号码修改已有考生；返回任务；GET /api/v1/jobs/{id} 查看进度、计数，失败行在 /jobs/{id}/files/report")
	JobView startImport(Scope scope, @RequestParam(defaultValue = "COLLEGE") CandidateKind kind,
			@RequestParam(defaultValue = "false") boolean modify, @RequestPart("file") MultipartFile file) {
		return candidates.startImport(scope, kind, modify, String.valueOf(file.getOriginalFilename()), bytes(file));
	}

	@PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "上传照片（zip，后台任务）", description = "文件名为 证件号码.jpg|png；每张 ≤ 5 MB，295×413 像素（±10）")
	JobView startPhotos(Scope scope, @RequestPart("file") MultipartFile file) {
		return candidates.startPhotoUpload(scope, String.valueOf(file.getOriginalFilename()), bytes(file));
	}

	@GetMapping("/export")
	@Operation(summary = "导出考生（xlsx，证件号码与手机号码脱敏）")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(defaultValue = "COLLEGE") CandidateKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) VerificationState state,
			@RequestParam(required = false) String major) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=candidates.xlsx")
			.body(candidates.export(scope, collegeId, new CandidateFilter(kind, name, idNumber, state, major),
					messages::text));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
