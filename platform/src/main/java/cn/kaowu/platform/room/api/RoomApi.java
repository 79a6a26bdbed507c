package cn.kaowu.platform.room.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorManagement.Staffing;
import cn.kaowu.platform.room.InvigilatorStatus;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.room.RoomView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.kernel.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/api/v1/rooms")
@Tag(name = "考场 Rooms", description = "考场管理与监考人员：考点院校按考核计划设置考场（未排考可改全部、排考中只能增加考位数、已结束只读）、延用之前的考场、xlsx 导入（后台任务）与导出；提交监考人员，考核单位两个工作日内审核")
class RoomApi {

	private final RoomManagement rooms;

	private final InvigilatorManagement invigilators;

	private final ProblemMessages messages;

	RoomApi(RoomManagement rooms, InvigilatorManagement invigilators, ProblemMessages messages) {
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.messages = messages;
	}

	record CopyRequest(long fromPlanId, long planId, long siteId) {
	}

	record CountResponse(int count) {
	}

	record SubmitRequest(long planId, long siteId, @Nullable List<Long> staffIds) {
	}

	record ReturnRequest(@Nullable String reason) {
	}

	@GetMapping
	@Operation(summary = "一个考核计划在一个考核站点的考场")
	List<RoomView> list(Scope scope, @RequestParam long planId, @RequestParam long siteId) {
		return rooms.list(scope, planId, siteId);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考场")
	RoomView get(Scope scope, @PathVariable long id) {
		return rooms.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "设置考场（排考开始前）", description = "subjectIds 为考核计划科目编号")
	RoomView create(Scope scope, @RequestParam long planId, @RequestParam long siteId, @RequestBody RoomForm form) {
		return rooms.create(scope, planId, siteId, form);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改考场", description = "未排考：全部；排考中：只能增加考位数；已结束：不能修改")
	RoomView update(Scope scope, @PathVariable long id, @RequestBody RoomForm form) {
		return rooms.update(scope, id, form);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除考场（仅未排考）")
	void delete(Scope scope, @PathVariable long id) {
		rooms.delete(scope, id);
	}

	@PostMapping("/copy")
	@Operation(summary = "延用之前的考场设置", description = "按证书科目对应到本计划的科目；同名考场跳过")
	CountResponse copy(Scope scope, @RequestBody CopyRequest request) {
		return new CountResponse(rooms.copy(scope, request.fromPlanId(), request.planId(), request.siteId()));
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "考场导入模板")
	ResponseEntity<byte[]> template() {
		return Downloads.attachment("考场信息导入模板.xlsx", Spreadsheets.CONTENT_TYPE, rooms.template());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "批量导入考场信息（后台任务）", description = "进度与失败数据见 /api/v1/jobs/{id}")
	JobView startImport(Scope scope, @RequestParam long planId, @RequestParam long siteId,
			@RequestPart("file") MultipartFile file) {
		try {
			return rooms.startImport(scope, planId, siteId, String.valueOf(file.getOriginalFilename()),
					file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "导出考场信息")
	ResponseEntity<byte[]> export(Scope scope, @RequestParam long planId, @RequestParam long siteId) {
		return Downloads.attachment("考场信息.xlsx", Spreadsheets.CONTENT_TYPE,
				rooms.export(scope, planId, siteId, messages::text));
	}

	// ---- invigilators ----

	@GetMapping("/invigilators")
	@Operation(summary = "一个考核计划在一个考核站点提交的监考人员（部门、任教专业、审核期限、是否逾期）")
	List<InvigilatorView> invigilators(Scope scope, @RequestParam long planId, @RequestParam long siteId) {
		return invigilators.list(scope, planId, siteId);
	}

	@GetMapping("/invigilators/staffing")
	@Operation(summary = "考场数、考位数、应配监考人数与已通过人数")
	Staffing staffing(Scope scope, @RequestParam long planId, @RequestParam long siteId) {
		return invigilators.staffing(scope, planId, siteId);
	}

	@PostMapping("/invigilators")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "提交监考人员（考务人员信息库中角色为监考员的人员）")
	List<InvigilatorView> submit(Scope scope, @RequestBody SubmitRequest request) {
		return invigilators.submit(scope, request.planId(), request.siteId(),
				request.staffIds() == null ? List.of() : request.staffIds());
	}

	@PostMapping("/invigilators/{id}/resubmit")
	@Operation(summary = "重新提交已退回的监考人员")
	InvigilatorView resubmit(Scope scope, @PathVariable long id) {
		return invigilators.resubmit(scope, id);
	}

	@DeleteMapping("/invigilators/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "撤回未通过的监考人员")
	void withdraw(Scope scope, @PathVariable long id) {
		invigilators.withdraw(scope, id);
	}

	@GetMapping("/invigilators/review")
	@Operation(summary = "监考审核列表（考核单位）：待审核在前，按审核期限")
	List<InvigilatorView> reviewQueue(Scope scope, @RequestParam(required = false) InvigilatorStatus status) {
		return invigilators.reviewQueue(scope, status);
	}

	@PostMapping("/invigilators/{id}/approve")
	@Operation(summary = "审核通过")
	InvigilatorView approve(Scope scope, @PathVariable long id) {
		return invigilators.approve(scope, id);
	}

	@PostMapping("/invigilators/{id}/return")
	@Operation(summary = "退回（须填写原因）")
	InvigilatorView returnForChanges(Scope scope, @PathVariable long id, @RequestBody ReturnRequest request) {
		return invigilators.returnForChanges(scope, id, request.reason());
	}
}
