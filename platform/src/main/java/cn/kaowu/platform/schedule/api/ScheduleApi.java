package cn.kaowu.platform.schedule.api;

import java.util.List;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.schedule.Scheduling;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schedule")
@Tag(name = "排考 Scheduling", description = "培训评价组织在排考时间内排考（考场座位、准考证号、监考员）并发布；院校查看本校站点已发布的结果")
class ScheduleApi {

	private final Scheduling scheduling;

	ScheduleApi(Scheduling scheduling) {
		this.scheduling = scheduling;
	}

	record PublishResponse(int sites) {
	}

	record MoveRequest(@Nullable Long roomId, @Nullable Integer seat) {
	}

	@PostMapping("/{planId}/run")
	@Operation(summary = "排考（全部站点或 siteId 指定的站点）", description = "生成草稿；发布前可重复排考，相同输入结果相同；已发布的站点不变")
	Scheduling.RunSummary run(Scope scope, @PathVariable long planId, @RequestParam(required = false) Long siteId) {
		return scheduling.run(scope, planId, siteId);
	}

	@PostMapping("/{planId}/publish")
	@Operation(summary = "发布排考结果", description = "报考记录写入准考证号、考场、座位，状态变为待考试")
	PublishResponse publish(Scope scope, @PathVariable long planId) {
		return new PublishResponse(scheduling.publish(scope, planId));
	}

	@GetMapping("/{planId}/sites")
	@Operation(summary = "计划的考核站点及排考状态")
	List<Scheduling.SiteSchedule> sites(Scope scope, @PathVariable long planId) {
		return scheduling.sites(scope, planId);
	}

	@GetMapping("/{planId}/sites/{siteId}/rooms")
	@Operation(summary = "站点各考场（按科目时段）的座位与监考员", description = "院校在发布后可见；证件号码脱敏")
	List<Scheduling.RoomSchedule> rooms(Scope scope, @PathVariable long planId, @PathVariable long siteId) {
		return scheduling.rooms(scope, planId, siteId);
	}

	@PostMapping("/{planId}/records/{recordId}/move")
	@Operation(summary = "调整座位", description = "同一站点内改到服务该科目的考场的空座位；准考证号不变；记审计日志")
	void move(Scope scope, @PathVariable long planId, @PathVariable long recordId, @RequestBody MoveRequest request) {
		if (request.roomId() == null || request.seat() == null) {
			throw new InvalidInputProblem(request.roomId() == null ? "roomId" : "seat", "enrollment.error.required");
		}
		scheduling.move(scope, planId, recordId, request.roomId(), request.seat());
	}
}
