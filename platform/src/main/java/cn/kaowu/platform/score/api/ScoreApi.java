package cn.kaowu.platform.score.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.score.CorrectionForm;
import cn.kaowu.platform.score.ScoreHistoryView;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/scores")
@Tag(name = "成绩 Scores", description = "成绩登记（成绩登记时间内，考核计划所属的培训评价组织：从考试结果登记或 xlsx 导入）、"
		+ "成绩公示（院校看本校考生、评价组织可更正并留痕）、公示结束后永久锁定；考证结果（各科成绩均达到合格分数为通过）")
class ScoreApi {

	private final ScoreManagement scores;

	ScoreApi(ScoreManagement scores) {
		this.scores = scores;
	}

	record CorrectionRequest(@Nullable String score, boolean absent, @Nullable String reason) {
	}

	@GetMapping("/plans/{planId}/subjects")
	@Operation(summary = "考核计划各科目的成绩登记情况（报考、已登记、缺考、未登记）")
	List<ScoreManagement.SubjectSummary> subjects(Scope scope, @PathVariable long planId) {
		return scores.subjects(scope, planId);
	}

	@PostMapping("/plans/{planId}/subjects/{planSubjectId}/from-results")
	@Operation(summary = "从考试结果登记一个科目的成绩", description = "无考试结果、实操待评分的考生列在报告中，不登记")
	ScoreManagement.RegistrationReport fromResults(Scope scope, @PathVariable long planId,
			@PathVariable long planSubjectId) {
		return scores.registerFromResults(scope, planId, planSubjectId);
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "成绩导入模板")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("成绩导入模板.xlsx", Spreadsheets.CONTENT_TYPE, scores.template());
	}

	@PostMapping(path = "/plans/{planId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "导入成绩（后台任务）", description = "进度与失败数据见 /api/v1/jobs/{id}")
	JobView startImport(Scope scope, @PathVariable long planId, @RequestPart("file") MultipartFile file) {
		try {
			return scores.startImport(scope, planId, String.valueOf(file.getOriginalFilename()), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/plans/{planId}")
	@Operation(summary = "科目成绩（院校：本校考生，成绩公示开始后）")
	PageResult<ScoreView> list(Scope scope, @PathVariable long planId,
			@RequestParam(required = false) @Nullable Long planSubjectId,
			@RequestParam(required = false) @Nullable String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return scores.list(scope, planId, new ScoreManagement.Filter(planSubjectId, keyword), PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一条成绩")
	ScoreView get(Scope scope, @PathVariable long id) {
		return scores.get(scope, id);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "成绩的修改记录（修改前后、来源、原因、操作人、时间）")
	List<ScoreHistoryView> history(Scope scope, @PathVariable long id) {
		return scores.history(scope, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "更正成绩（成绩登记或公示时间内，须填写原因）", description = "公示结束后成绩锁定：409")
	ScoreView correct(Scope scope, @PathVariable long id, @RequestBody CorrectionRequest body) {
		return scores.correct(scope, id, CorrectionForm.of(body.score(), body.absent(), body.reason()));
	}

	@GetMapping("/plans/{planId}/certificates")
	@Operation(summary = "考证结果：各级别合格/不合格人数与合格名单（不含成绩）")
	CertificateResponse certificates(Scope scope, @PathVariable long planId) {
		var r = scores.certificates(scope, planId);
		return new CertificateResponse(r.plan().id(), r.plan().name(), r.levels(), r.passers());
	}

	record CertificateResponse(long planId, String planName, List<ScoreManagement.LevelResult> levels,
			List<ScoreManagement.Passer> passers) {
	}

	@GetMapping("/plans/{planId}/certificates/export.xlsx")
	@Operation(summary = "导出合格名单（身份证号脱敏）")
	ResponseEntity<byte[]> export(Scope scope, @PathVariable long planId) {
		return Downloads.attachment("考证结果.xlsx", Spreadsheets.CONTENT_TYPE, scores.exportPassers(scope, planId));
	}
}
