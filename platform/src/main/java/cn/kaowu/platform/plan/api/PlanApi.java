package cn.kaowu.platform.plan.api;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanForm;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanPhase;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanSubjectsForm;
import cn.kaowu.platform.plan.PlanView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "考核计划 Exam plans",
		description = "培训评价组织制定的考核计划：报名、排考、成绩登记、成绩公示四段时间与各等级科目的考试时间")
class PlanApi {

	private final PlanManagement plans;

	PlanApi(PlanManagement plans) {
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "考核计划列表（培训评价组织看本机构全部；其他角色看已发布、已归档的），分页")
	PageResult<PlanView> list(Scope scope, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long certificateId,
			@Parameter(description = "按当前时钟推算的阶段") @RequestParam(required = false) PlanPhase phase,
			@RequestParam(required = false) PlanStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return plans.list(scope, new PlanManagement.PlanFilter(year, certificateId, phase, status),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考核计划（含四段时间、当前阶段与科目）")
	PlanView get(Scope scope, @PathVariable long id) {
		return plans.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建考核计划（培训评价组织，未发布）",
			description = "各时间为北京时间 yyyy-MM-ddTHH:mm，精确到分钟，两端均含；四段时间依次不重叠，排考须在报名结束后 7 天内开始")
	PlanView create(Scope scope, @RequestBody PlanForm form) {
		return plans.create(scope, form);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改考核计划的名称、年度、证书与时间（未发布，或已发布但报名尚未开始）")
	PlanView update(Scope scope, @PathVariable long id, @RequestBody PlanForm form) {
		return plans.update(scope, id, form);
	}

	@PutMapping("/{id}/subjects")
	@Operation(summary = "设置计划的科目（整体替换）",
			description = "每行 subjectId 为证书的科目；code、examMode、passMark 缺省取证书目录中的值；examDate yyyy-MM-dd，startTime/endTime HH:mm，须在排考结束之后、成绩登记开始之前")
	PlanView subjects(Scope scope, @PathVariable long id, @RequestBody PlanSubjectsForm form) {
		return plans.updateSubjects(scope, id, form);
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "发布考核计划（至少一个科目；通知持有该证书已批准考核站点的院校）")
	PlanView publish(Scope scope, @PathVariable long id) {
		return plans.publish(scope, id);
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "归档已结束（成绩公示期已过）的考核计划")
	PlanView archive(Scope scope, @PathVariable long id) {
		return plans.archive(scope, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除未发布的考核计划")
	void delete(Scope scope, @PathVariable long id) {
		plans.delete(scope, id);
	}
}
