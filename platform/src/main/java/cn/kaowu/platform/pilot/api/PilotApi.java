package cn.kaowu.platform.pilot.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotApplicationForm;
import cn.kaowu.platform.pilot.PilotApplicationStatus;
import cn.kaowu.platform.pilot.PilotApplicationView;
import cn.kaowu.platform.pilot.PilotBatchForm;
import cn.kaowu.platform.pilot.PilotBatchView;
import cn.kaowu.platform.pilot.PilotColleges;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/pilot")
@Tag(name = "证书试点申报 Pilot applications",
		description = "省级教育行政部门发布申报批次并审批；院校在申报时间内申报；地市教育局按批次要求初审")
class PilotApi {

	private final PilotManagement pilot;

	private final PilotColleges colleges;

	PilotApi(PilotManagement pilot, PilotColleges colleges) {
		this.pilot = pilot;
		this.colleges = colleges;
	}

	record ApproveRequest(@Nullable Integer approvedTrainees) {
	}

	record RejectRequest(@Nullable String reason) {
	}

	record PilotStatus(long collegeId, int year, boolean pilotCollege, List<PilotColleges.ApprovedPilot> approved) {
	}

	// ---- batches -------------------------------------------------------------------------------------

	@GetMapping("/batches")
	@Operation(summary = "申报批次列表（省厅看本省全部，院校/地市看本省已发布的）")
	PageResult<PilotBatchView> batches(Scope scope, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return pilot.listBatches(scope, year, PageQuery.of(page, size));
	}

	@GetMapping("/batches/{id}")
	@Operation(summary = "查看申报批次")
	PilotBatchView batch(Scope scope, @PathVariable long id) {
		return pilot.getBatch(scope, id);
	}

	@PostMapping("/batches")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建申报批次（省厅，未发布）", description = "windowStart/windowEnd 为北京时间，精确到分钟，两端均含")
	PilotBatchView createBatch(Scope scope, @RequestBody PilotBatchForm form) {
		return pilot.createBatch(scope, form);
	}

	@PutMapping("/batches/{id}")
	@Operation(summary = "修改未发布的申报批次")
	PilotBatchView updateBatch(Scope scope, @PathVariable long id, @RequestBody PilotBatchForm form) {
		return pilot.updateBatch(scope, id, form);
	}

	@DeleteMapping("/batches/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除未发布的申报批次")
	void deleteBatch(Scope scope, @PathVariable long id) {
		pilot.deleteBatch(scope, id);
	}

	@PostMapping("/batches/{id}/publish")
	@Operation(summary = "发布申报批次（本省院校可见）")
	PilotBatchView publish(Scope scope, @PathVariable long id) {
		return pilot.publishBatch(scope, id);
	}

	// ---- applications --------------------------------------------------------------------------------

	@GetMapping("/applications")
	@Operation(summary = "试点申报列表（按数据范围，分页）")
	PageResult<PilotApplicationView> applications(Scope scope, @RequestParam(required = false) Long batchId,
			@RequestParam(required = false) PilotApplicationStatus status,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return pilot.listApplications(scope, new PilotManagement.ApplicationFilter(batchId, status, keyword, year),
				PageQuery.of(page, size));
	}

	@GetMapping("/applications/{id}")
	@Operation(summary = "查看试点申报")
	PilotApplicationView application(Scope scope, @PathVariable long id) {
		return pilot.getApplication(scope, id);
	}

	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建试点申报草稿（院校）", description = "佐证材料另行上传：POST /applications/{id}/attachments")
	PilotApplicationView create(Scope scope, @RequestBody PilotApplicationForm form) {
		return pilot.createApplication(scope, form, List.of());
	}

	@PutMapping("/applications/{id}")
	@Operation(summary = "修改待提交的试点申报")
	PilotApplicationView update(Scope scope, @PathVariable long id, @RequestBody PilotApplicationForm form) {
		return pilot.updateApplication(scope, id, form, List.of());
	}

	@DeleteMapping("/applications/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除待提交的试点申报")
	void delete(Scope scope, @PathVariable long id) {
		pilot.deleteApplication(scope, id);
	}

	@PostMapping(path = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传佐证材料（PDF/JPG/PNG，每个不超过 10 MB，按内容判断类型）")
	PilotApplicationView attach(Scope scope, @PathVariable long id, @RequestPart("files") List<MultipartFile> files) {
		return pilot.addAttachments(scope, id, uploads(files));
	}

	@DeleteMapping("/applications/{id}/attachments/{attachmentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除佐证材料")
	void removeAttachment(Scope scope, @PathVariable long id, @PathVariable long attachmentId) {
		pilot.removeAttachment(scope, id, attachmentId);
	}

	@PostMapping("/applications/{id}/submit")
	@Operation(summary = "提交审核（仅在批次申报时间内）")
	PilotApplicationView submit(Scope scope, @PathVariable long id) {
		return pilot.submit(scope, id);
	}

	@PostMapping("/applications/{id}/city-approve")
	@Operation(summary = "地市教育局初审通过（批次要求地市审批时）")
	PilotApplicationView cityApprove(Scope scope, @PathVariable long id) {
		return pilot.approveByCity(scope, id);
	}

	@PostMapping("/applications/{id}/approve")
	@Operation(summary = "省厅审核通过并核定已批准培训人数")
	PilotApplicationView approve(Scope scope, @PathVariable long id, @RequestBody ApproveRequest request) {
		return pilot.approve(scope, id, request.approvedTrainees());
	}

	@PostMapping("/applications/{id}/reject")
	@Operation(summary = "审核不通过（须填写原因）")
	PilotApplicationView reject(Scope scope, @PathVariable long id, @RequestBody RejectRequest request) {
		return pilot.reject(scope, id, request.reason());
	}

	@GetMapping("/colleges/{collegeId}/status")
	@Operation(summary = "院校某年度是否为试点院校，及其获批证书、专业与培训规模")
	PilotStatus status(Scope scope, @PathVariable long collegeId, @RequestParam int year) {
		// Same scope rule as the applications: a college itself, its city/province, the administrator.
		if (!scope.isAdmin() && !Long.valueOf(collegeId).equals(scope.organisationId())) {
			// Page through all of them: a province has more than a page of applications a year.
			boolean inScope = false;
			for (int page = 1; !inScope; page++) {
				var applications = pilot.listApplications(scope,
						new PilotManagement.ApplicationFilter(null, null, null, year), PageQuery.of(page, 100));
				inScope = applications.items().stream().anyMatch(a -> a.collegeId() == collegeId);
				if ((long) page * 100 >= applications.total()) {
					break;
				}
			}
			if (!inScope) {
				throw new cn.kaowu.platform.kernel.NotFoundProblem("院校", collegeId);
			}
		}
		return new PilotStatus(collegeId, year, colleges.isPilotCollege(collegeId, year),
				colleges.approvedPilots(collegeId, year));
	}

	static List<PilotUpload> uploads(@Nullable List<MultipartFile> files) {
		List<PilotUpload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (MultipartFile f : files) {
			if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue;
			}
			try {
				uploads.add(new PilotUpload(String.valueOf(f.getOriginalFilename()), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return uploads;
	}
}
