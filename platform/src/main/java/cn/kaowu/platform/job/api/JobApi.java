package cn.kaowu.platform.job.api;

import java.util.UUID;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "后台任务 Jobs", description = "导入、排考、批量生成等后台任务的进度与结果")
class JobApi {

	private final Jobs jobs;

	JobApi(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/api/v1/jobs")
	@Operation(summary = "本机构的后台任务（分页，最新在前）")
	PageResult<JobView> listApi(Scope scope, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return jobs.list(scope, kind, PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/jobs/{id}")
	@Operation(summary = "任务状态与进度")
	JobView getApi(Scope scope, @PathVariable UUID id) {
		return jobs.get(scope, id);
	}
}
