package cn.kaowu.platform.staff.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.staff.RelativeForm;
import cn.kaowu.platform.staff.RelativeView;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/staff")
@Tag(name = "考务人员 Exam staff", description = "院校的考务人员信息库（证件号码与手机号码在列表中脱敏）和申报的直系亲属；院校业务管理员与院校负责人维护，本省教育厅与平台管理员只读")
class StaffApi {

	private final StaffManagement staff;

	StaffApi(StaffManagement staff) {
		this.staff = staff;
	}

	/** Ids for a batch action. */
	record BatchRequest(@NotEmpty(message = "{batch.noneSelected}") List<Long> ids) {
	}

	record BatchResponse(int count) {
	}

	@GetMapping
	@Operation(summary = "考务人员列表（分页，证件号码脱敏）", description = "院校账号查看本校；省级教育厅与平台管理员须传 collegeId")
	PageResult<StaffView> list(Scope scope, @RequestParam(required = false) Long collegeId,
			@RequestParam(required = false) String name, @RequestParam(required = false) StaffRole role,
			@RequestParam(required = false) String department, @RequestParam(required = false) TrainingStatus training,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return staff.list(scope, collegeId, new StaffManagement.StaffFilter(name, role, department, training, active),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考务人员（证件号码脱敏）")
	StaffView get(Scope scope, @PathVariable long id) {
		return staff.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新增考务人员（本校）", description = "证件号码按 GB 11643 校验，末位 x 转为大写；字段错误在 errors 中")
	StaffView create(Scope scope, @RequestBody StaffForm form) {
		return staff.create(scope, form);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改考务人员", description = "须提交全部字段（含完整证件号码）；version 用于并发控制")
	StaffView update(Scope scope, @PathVariable long id, @RequestBody StaffForm form) {
		return staff.update(scope, id, form);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除考务人员", description = "已在考核委员会或责任书中使用的人员不能删除（409），请停用")
	void delete(Scope scope, @PathVariable long id) {
		staff.delete(scope, id);
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "启用考务人员")
	StaffView activate(Scope scope, @PathVariable long id) {
		return staff.setActive(scope, id, true);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "停用考务人员")
	StaffView deactivate(Scope scope, @PathVariable long id) {
		return staff.setActive(scope, id, false);
	}

	@PostMapping("/batch-activate")
	@Operation(summary = "批量启用（全部成功或全部不变）")
	BatchResponse batchActivate(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(staff.setActive(scope, request.ids(), true));
	}

	@PostMapping("/batch-deactivate")
	@Operation(summary = "批量停用（全部成功或全部不变）")
	BatchResponse batchDeactivate(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(staff.setActive(scope, request.ids(), false));
	}

	@GetMapping("/{id}/relatives")
	@Operation(summary = "申报的直系亲属（证件号码脱敏）")
	List<RelativeView> relatives(Scope scope, @PathVariable long id) {
		return staff.relatives(scope, id);
	}

	@PostMapping("/{id}/relatives")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "申报直系亲属", description = "有直系亲属参加考核的，工作人员应回避当次考核")
	RelativeView addRelative(Scope scope, @PathVariable long id, @RequestBody RelativeForm form) {
		return staff.addRelative(scope, id, form);
	}

	@DeleteMapping("/{id}/relatives/{relativeId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除申报的直系亲属")
	void removeRelative(Scope scope, @PathVariable long id, @PathVariable long relativeId) {
		staff.removeRelative(scope, id, relativeId);
	}
}
