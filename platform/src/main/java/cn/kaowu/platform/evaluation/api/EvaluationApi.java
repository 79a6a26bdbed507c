package cn.kaowu.platform.evaluation.api;

import java.util.List;

import jakarta.validation.Valid;

import cn.kaowu.platform.evaluation.RatingForm;
import cn.kaowu.platform.evaluation.ReportForm;
import cn.kaowu.platform.evaluation.RoundForm;
import cn.kaowu.platform.evaluation.RoundView;
import cn.kaowu.platform.evaluation.SiteEvaluations;
import cn.kaowu.platform.evaluation.SiteIndicator;
import cn.kaowu.platform.evaluation.SubmissionView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
@RequestMapping("/api/v1/evaluation")
@Tag(name = "站点评估 Site evaluation", description = "两年一次的考核站点检查评估")
class EvaluationApi {

	private final SiteEvaluations evaluations;

	EvaluationApi(SiteEvaluations evaluations) {
		this.evaluations = evaluations;
	}

	@GetMapping("/rounds")
	@Operation(summary = "评估批次（培训评价组织，分页）")
	PageResult<RoundView> rounds(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return evaluations.listRounds(scope, PageQuery.of(page, size));
	}

	@PostMapping("/rounds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "发起评估：该证书所有已批准、未撤销的站点参加（deadline 格式 yyyy-MM-ddTHH:mm，北京时间）")
	RoundView open(Scope scope, @Valid @RequestBody RoundForm form) {
		return evaluations.openRound(scope, form);
	}

	@GetMapping("/rounds/{id}")
	@Operation(summary = "查看评估批次")
	RoundView round(Scope scope, @PathVariable long id) {
		return evaluations.getRound(scope, id);
	}

	@GetMapping("/submissions")
	@Operation(summary = "评估材料列表：培训评价组织可按批次筛选；院校看本校，省级看本省")
	PageResult<SubmissionView> submissions(Scope scope, @RequestParam(required = false) Long roundId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return evaluations.listSubmissions(scope, roundId, PageQuery.of(page, size));
	}

	@GetMapping("/submissions/{id}")
	@Operation(summary = "查看评估材料")
	SubmissionView submission(Scope scope, @PathVariable long id) {
		return evaluations.getSubmission(scope, id);
	}

	@GetMapping("/submissions/{id}/indicators")
	@Operation(summary = "站点表现指标（平台自动汇总；无数据的指标 value 为 null）")
	List<SiteIndicator> indicators(Scope scope, @PathVariable long id) {
		return evaluations.indicators(scope, id);
	}

	@PostMapping(value = "/submissions/{id}/submit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "院校提交（或在截止前更新）汇报材料与工作计划，附件可选")
	SubmissionView submit(Scope scope, @PathVariable long id, @Valid @ModelAttribute ReportForm form,
			@RequestPart(required = false) MultipartFile reportFile,
			@RequestPart(required = false) MultipartFile planFile) {
		return evaluations.submit(scope, id, form, reportFile, planFile);
	}

	@PostMapping("/submissions/{id}/rate")
	@Operation(summary = "培训评价组织评定：PASS / WARNING / SUSPENSION / RECTIFICATION / REVOCATION")
	SubmissionView rate(Scope scope, @PathVariable long id, @Valid @RequestBody RatingForm form) {
		return evaluations.rate(scope, id, form);
	}
}
