package cn.kaowu.platform.site.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.ChecklistItemView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.ReviewDecision;
import cn.kaowu.platform.site.SiteApplicationForm;
import cn.kaowu.platform.site.SiteApplicationStatus;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteReviewView;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteUpload;
import cn.kaowu.platform.site.SiteView;
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
@RequestMapping("/api/v1/sites")
@Tag(name = "考核站点 Exam sites",
		description = "试点院校申报考核站点；培训评价组织按资格条件审核、发放资格证书并报省级备案；站点运行状态")
class SiteApi {

	private final SiteManagement sites;

	private final QualificationChecklists checklists;

	private final ExamSites examSites;

	SiteApi(SiteManagement sites, QualificationChecklists checklists, ExamSites examSites) {
		this.sites = sites;
		this.checklists = checklists;
		this.examSites = examSites;
	}

	record BatchRequest(List<Long> ids) {
	}

	record BatchResponse(int count) {
	}

	record ReasonRequest(@Nullable String reason) {
	}

	record MoveRequest(int direction) {
	}

	@GetMapping
	@Operation(summary = "考核站点列表（院校：本校；培训评价组织：本机构证书的已提交申报；省厅：本省已备案）")
	PageResult<SiteView> list(Scope scope, @RequestParam(required = false) SiteApplicationStatus status,
			@RequestParam(required = false) Long certificateId, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) SiteStatus operatingStatus, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return sites.list(scope, new SiteManagement.SiteFilter(status, certificateId, keyword, operatingStatus),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看考核站点")
	SiteView get(Scope scope, @PathVariable long id) {
		return sites.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建考核站点申报（试点院校，未提交）", description = "站点名称自动生成：院校名称 + 证书名称 + 考核站点；每校每证书一个")
	SiteView create(Scope scope, @RequestBody SiteApplicationForm form) {
		return sites.create(scope, form, null, List.of());
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改未提交或审核退回的申报")
	SiteView update(Scope scope, @PathVariable long id, @RequestBody SiteApplicationForm form) {
		return sites.update(scope, id, form, null, List.of());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除未提交或审核退回的申报")
	void delete(Scope scope, @PathVariable long id) {
		sites.delete(scope, id);
	}

	@PostMapping("/batch-delete")
	@Operation(summary = "批量删除（全部成功或全部不变）")
	BatchResponse batchDelete(Scope scope, @RequestBody BatchRequest request) {
		return new BatchResponse(sites.deleteAll(scope, request.ids() == null ? List.of() : request.ids()));
	}

	@PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传申请表（PDF/JPG/PNG ≤ 10 MB）和场地设备照片（JPG/PNG ≤ 5 MB，可多张）")
	SiteView upload(Scope scope, @PathVariable long id,
			@RequestPart(name = "applicationForm", required = false) @Nullable MultipartFile applicationForm,
			@RequestPart(name = "photos", required = false) @Nullable List<MultipartFile> photos) {
		return sites.addFiles(scope, id, upload(applicationForm), uploads(photos));
	}

	@DeleteMapping("/{id}/photos/{photoId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除照片")
	void removePhoto(Scope scope, @PathVariable long id, @PathVariable long photoId) {
		sites.removePhoto(scope, id, photoId);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "提交审核（须已上传申请表和至少一张照片）")
	SiteView submit(Scope scope, @PathVariable long id) {
		return sites.submit(scope, id);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "撤销（已提交且培训评价组织未审核时，回到未提交）")
	SiteView withdraw(Scope scope, @PathVariable long id) {
		return sites.withdraw(scope, id);
	}

	@GetMapping("/reviews")
	@Operation(summary = "培训评价组织的审核队列（默认待审核，按提交时间先后）")
	PageResult<SiteView> queue(Scope scope, @RequestParam(required = false) SiteApplicationStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return sites.reviewQueue(scope, new SiteManagement.SiteFilter(
				status == null ? SiteApplicationStatus.SUBMITTED : status, null, null, null), PageQuery.of(page, size));
	}

	@GetMapping("/{id}/checklist")
	@Operation(summary = "该站点证书的资格条件（审核时逐项勾选）")
	List<ChecklistItemView> checklistOf(Scope scope, @PathVariable long id) {
		return sites.checklistFor(scope, id);
	}

	@GetMapping("/{id}/reviews")
	@Operation(summary = "审核记录（含勾选的资格条件）")
	List<SiteReviewView> reviews(Scope scope, @PathVariable long id) {
		return sites.reviews(scope, id);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "审核通过：须逐项勾选资格条件且全部符合；生成站点编号和资格证书并报省级备案")
	SiteView approve(Scope scope, @PathVariable long id, @RequestBody ReviewDecision decision) {
		return sites.approve(scope, id, decision);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "审核退回（须填写原因）")
	SiteView returnForChanges(Scope scope, @PathVariable long id, @RequestBody ReviewDecision decision) {
		return sites.returnForChanges(scope, id, decision);
	}

	@GetMapping("/filings")
	@Operation(summary = "站点备案：本省已审核通过的考核站点（省级教育行政部门）")
	PageResult<SiteView> filings(Scope scope, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return sites.filings(scope, new SiteManagement.SiteFilter(null, null, keyword, null), PageQuery.of(page, size));
	}

	@GetMapping(path = "/{id}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "下载考核站点资格证书（PDF）")
	ResponseEntity<byte[]> certificate(Scope scope, @PathVariable long id) {
		SiteManagement.Download file = sites.certificate(scope, id);
		return Downloads.attachment(file.name(), MediaType.APPLICATION_PDF_VALUE, file.content());
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "暂停站点（评估结果，培训评价组织）")
	SiteView suspend(Scope scope, @PathVariable long id, @RequestBody ReasonRequest request) {
		return examSites.suspend(scope, id, String.valueOf(request.reason() == null ? "" : request.reason()));
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "撤销站点资格（评估结果，培训评价组织）")
	SiteView revoke(Scope scope, @PathVariable long id, @RequestBody ReasonRequest request) {
		return examSites.revoke(scope, id, String.valueOf(request.reason() == null ? "" : request.reason()));
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "恢复暂停的站点（整改完成）")
	SiteView reinstate(Scope scope, @PathVariable long id, @RequestBody ReasonRequest request) {
		return examSites.reinstate(scope, id, String.valueOf(request.reason() == null ? "" : request.reason()));
	}

	// ---- checklists ----------------------------------------------------------------------------------

	@GetMapping("/checklists/{certificateId}")
	@Operation(summary = "证书的考核站点资格条件")
	List<ChecklistItemView> checklist(Scope scope, @PathVariable long certificateId) {
		return checklists.of(scope, certificateId);
	}

	@PostMapping("/checklists/{certificateId}")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "添加资格条件（证书所属的培训评价组织）")
	ChecklistItemView addItem(Scope scope, @PathVariable long certificateId, @RequestBody ChecklistItemForm form) {
		return checklists.add(scope, certificateId, form);
	}

	@PutMapping("/checklists/items/{id}")
	@Operation(summary = "修改资格条件")
	ChecklistItemView updateItem(Scope scope, @PathVariable long id, @RequestBody ChecklistItemForm form) {
		return checklists.update(scope, id, form);
	}

	@DeleteMapping("/checklists/items/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除资格条件")
	void deleteItem(Scope scope, @PathVariable long id) {
		checklists.delete(scope, id);
	}

	@PostMapping("/checklists/items/{id}/move")
	@Operation(summary = "调整顺序：direction = -1 上移，1 下移")
	List<ChecklistItemView> moveItem(Scope scope, @PathVariable long id, @RequestBody MoveRequest request) {
		return checklists.move(scope, id, request.direction());
	}

	private static @Nullable SiteUpload upload(@Nullable MultipartFile file) {
		if (file == null) {
			return null;
		}
		try {
			return new SiteUpload(String.valueOf(file.getOriginalFilename()), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<SiteUpload> uploads(@Nullable List<MultipartFile> files) {
		List<SiteUpload> uploads = new ArrayList<>();
		if (files != null) {
			files.forEach(f -> uploads.add(upload(f)));
		}
		return uploads;
	}
}
