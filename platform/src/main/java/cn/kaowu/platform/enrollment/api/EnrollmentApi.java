package cn.kaowu.platform.enrollment.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentManagement.RecordFilter;
import cn.kaowu.platform.enrollment.FeeStatement;
import cn.kaowu.platform.enrollment.RecordStatus;
import cn.kaowu.platform.enrollment.RecordView;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/registrations")
@Tag(name = "报考 Registrations", description = "报考记录（每个科目一条，证件号码脱敏）：单个报考、按证书导入（后台任务）、删除未排考记录、导出、考试费用；本校院校业务管理员与院校负责人维护，考核站点院校、培训评价组织、本省教育厅与平台管理员只读")
class EnrollmentApi {

	private final EnrollmentManagement enrollment;

	private final ProblemMessages messages;

	EnrollmentApi(EnrollmentManagement enrollment, ProblemMessages messages) {
		this.enrollment = enrollment;
		this.messages = messages;
	}

	record BatchRequest(@NotEmpty(message = "{batch.noneSelected}") List<Long> ids) {
	}

	record BatchResponse(int count) {
	}

	@GetMapping
	@Operation(summary = "报考记录（分页）", description = "keyword 为姓名、拼音或证件号码的一部分；status=UNSCHEDULED 未排考 / SCHEDULED 待考试 / IN_EXAM 考试中 / FINISHED 已结束 / ABSENT 缺考")
	PageResult<RecordView> list(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) CandidateKind kind,
			@RequestParam(required = false) RecordStatus status, @RequestParam(required = false) Long siteId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return enrollment.list(scope, new RecordFilter(planId, keyword, kind, status, siteId), PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看报考记录")
	RecordView get(Scope scope, @PathVariable long id) {
		return enrollment.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "单个报考", description = "考生须信息准确；院校考生不超过本年度试点规模；站点须正常运行（可为其他院校站点，即借考）；返回该等级每个科目的报考记录")
	List<RecordView> register(Scope scope, @RequestBody RegistrationForm form) {
		return enrollment.register(scope, form);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除报考记录", description = "仅未排考且报名截止前（否则 409）")
	void delete(Scope scope, @PathVariable long id) {
		enrollment.delete(scope, List.of(id));
	}

	@PostMapping("/batch-delete")
	@Operation(summary = "批量删除（全部成功或全部不变）")
	BatchResponse batchDelete(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(enrollment.delete(scope, request.ids()));
	}

	@GetMapping("/template")
	@Operation(summary = "下载“按证书导入”模板（xlsx）")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("按证书批量导入报考模板.xlsx", Spreadsheets.CONTENT_TYPE, enrollment.template());
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "按证书导入报考（xlsx，后台任务）", description = "须选择报名中的考核计划；返回任务，GET /api/v1/jobs/{id} 查看进度、计数，失败行在 /jobs/{id}/files/report")
	JobView startImport(Scope scope, @RequestParam Long planId, @RequestPart("file") MultipartFile file) {
		return enrollment.startImport(scope, planId, String.valueOf(file.getOriginalFilename()), bytes(file));
	}

	@GetMapping("/imports")
	@Operation(summary = "导入记录")
	PageResult<JobView> imports(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return enrollment.imports(scope, PageQuery.of(page, size));
	}

	@GetMapping("/export")
	@Operation(summary = "导出报考记录（xlsx，证件号码脱敏）", description = "传 ids 导出所选，否则导出筛选结果全部")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) CandidateKind kind,
			@RequestParam(required = false) RecordStatus status, @RequestParam(required = false) Long siteId,
			@RequestParam(required = false) List<Long> ids) {
		return Downloads.attachment("报考记录.xlsx", Spreadsheets.CONTENT_TYPE, enrollment
			.export(scope, new RecordFilter(planId, keyword, kind, status, siteId), ids, messages::text));
	}

	@GetMapping("/fees")
	@Operation(summary = "考试费用（院校、考核计划）", description = "按等级：报考人数 × 本省收费标准（未设置时初级 380 元、中级/高级 360 元）")
	FeeStatement fees(Scope scope, @RequestParam long planId, @RequestParam(required = false) Long collegeId) {
		return enrollment.fees(scope, planId, collegeId);
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
