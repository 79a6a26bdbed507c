package cn.kaowu.platform.result.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.result.Grading;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Practical grading: the grader's queue, claim and marks; the ORG's assignment, progress and voiding. */
@RestController
@RequestMapping("/api/v1/grading")
@Tag(name = "实操阅卷 Grading", description = "考评员领取匿名阅卷任务、按评分标准逐项评分（双评，超阈值三评）；培训评价组织分配考评员、设置阈值、查看进度与评分一致性、作废评分")
class GradingApi {

	private final Grading grading;

	GradingApi(Grading grading) {
		this.grading = grading;
	}

	record MarkRequest(List<@Nullable BigDecimal> scores, @Nullable String comment) {
	}

	record AssignRequest(@Nullable List<Long> graderIds, @Nullable BigDecimal thresholdPercent) {
	}

	record VoidRequest(@Nullable String reason) {
	}

	@GetMapping("/queue")
	@Operation(summary = "考评员：我的阅卷进度", description = "每个科目：我已评、我还可评的任务数；当前领取的任务编号")
	Grading.Queue queue(Scope scope) {
		return grading.queue(scope);
	}

	@PostMapping("/claim")
	@Operation(summary = "考评员：领取下一份任务", description = "已领取未评的任务优先；领取 30 分钟内有效；无任务时 204")
	ResponseEntity<Grading.TaskView> claim(Scope scope) {
		return grading.claim(scope).map(code -> ResponseEntity.ok(grading.task(scope, code)))
			.orElse(ResponseEntity.noContent().build());
	}

	@GetMapping("/tasks/{code}")
	@Operation(summary = "考评员：任务（匿名编号、题目、评分标准、作品文件）")
	Grading.TaskView task(Scope scope, @PathVariable String code) {
		return grading.task(scope, code);
	}

	@GetMapping("/tasks/{code}/files/{index}")
	@Operation(summary = "考评员：下载作品文件")
	ResponseEntity<byte[]> file(Scope scope, @PathVariable String code, @PathVariable int index) {
		Map.Entry<Grading.TaskFile, byte[]> f = grading.file(scope, code, index);
		return Downloads.attachment(f.getKey().name(), "application/octet-stream", f.getValue());
	}

	@PostMapping("/tasks/{code}/marks")
	@Operation(summary = "考评员：提交评分", description = "每个评分项 0 至该项分值，整数或 0.5；提交后不可修改")
	Grading.TaskView mark(Scope scope, @PathVariable String code, @RequestBody MarkRequest request) {
		return grading.mark(scope, code, request.scores() == null ? List.of() : request.scores(), request.comment());
	}

	@GetMapping("/graders")
	@Operation(summary = "培训评价组织：本组织的考评员")
	List<Grading.GraderRef> graders(Scope scope) {
		return grading.graders(scope);
	}

	@GetMapping("/plans/{planId}")
	@Operation(summary = "培训评价组织：阅卷进度", description = "每个科目：任务数、一评/二评完成数、需三评/三评完成数、已定分；考评员评分数、与最终分的平均偏差、一致率")
	List<Grading.SubjectProgress> overview(Scope scope, @PathVariable long planId) {
		return grading.overview(scope, planId);
	}

	@PutMapping("/plans/{planId}/subjects/{planSubjectId}")
	@Operation(summary = "培训评价组织：分配考评员并设置三评阈值（分值的百分比）")
	Grading.SubjectProgress assign(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId,
			@RequestBody AssignRequest request) {
		return grading.assign(scope, planId, planSubjectId,
				request.graderIds() == null ? List.of() : request.graderIds(), request.thresholdPercent());
	}

	@GetMapping("/plans/{planId}/subjects/{planSubjectId}/tasks")
	@Operation(summary = "培训评价组织：科目的阅卷任务与各次评分")
	List<Grading.TaskRow> tasks(Scope scope, @PathVariable long planId, @PathVariable long planSubjectId) {
		return grading.tasks(scope, planId, planSubjectId);
	}

	@PostMapping("/marks/{markId}/void")
	@Operation(summary = "培训评价组织：作废一次评分（须填写原因），任务重新待评")
	ResponseEntity<Void> voidMark(Scope scope, @PathVariable long markId, @RequestBody VoidRequest request) {
		grading.voidMark(scope, markId, request.reason());
		return ResponseEntity.noContent().build();
	}
}
