package cn.kaowu.platform.catalog.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelEditForm;
import cn.kaowu.platform.catalog.LevelForm;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectForm;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1")
@Tag(name = "证书目录 Catalogue", description = "证书、等级（证书代码）与科目；培训评价组织维护本机构的证书，其他账号只读")
class CatalogApi {

	private final CatalogManagement catalog;

	CatalogApi(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	/** Ids for a batch action. */
	record BatchRequest(@NotEmpty(message = "{batch.noneSelected}") List<Long> ids) {
	}

	record BatchResponse(int count) {
	}

	@GetMapping("/certificates")
	@Operation(summary = "证书列表（含等级与科目，分页）")
	PageResult<CertificateView> list(Scope scope, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return catalog.listCertificates(scope, new CatalogManagement.CertificateFilter(keyword, organisationId, enabled),
				PageQuery.of(page, size));
	}

	@GetMapping("/certificates/{id}")
	@Operation(summary = "查看证书（含等级与科目）")
	CertificateView get(Scope scope, @PathVariable long id) {
		return catalog.getCertificate(scope, id);
	}

	@PostMapping("/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建证书（培训评价组织）")
	CertificateView create(Scope scope, @Valid @RequestBody CertificateForm form) {
		return catalog.createCertificate(scope, form);
	}

	@PutMapping("/certificates/{id}")
	@Operation(summary = "修改证书名称（本机构的培训评价组织）")
	CertificateView update(Scope scope, @PathVariable long id, @Valid @RequestBody CertificateForm form) {
		return catalog.updateCertificate(scope, id, form);
	}

	@PostMapping("/certificates/{id}/enable")
	@Operation(summary = "启用证书")
	CertificateView enable(Scope scope, @PathVariable long id) {
		return catalog.setCertificateEnabled(scope, id, true);
	}

	@PostMapping("/certificates/{id}/disable")
	@Operation(summary = "停用证书")
	CertificateView disable(Scope scope, @PathVariable long id) {
		return catalog.setCertificateEnabled(scope, id, false);
	}

	@PostMapping("/certificates/batch-enable")
	@Operation(summary = "批量启用证书（全部成功或全部不变）")
	BatchResponse batchEnable(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(catalog.setCertificatesEnabled(scope, request.ids(), true));
	}

	@PostMapping("/certificates/batch-disable")
	@Operation(summary = "批量停用证书（全部成功或全部不变）")
	BatchResponse batchDisable(Scope scope, @Valid @RequestBody BatchRequest request) {
		return new BatchResponse(catalog.setCertificatesEnabled(scope, request.ids(), false));
	}

	@PostMapping("/certificates/{id}/levels")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "添加等级及其科目（一次提交）", description = "科目行中名称与代码都为空的行将被忽略；字段错误为 subjects[i].code 等")
	LevelView addLevel(Scope scope, @PathVariable long id, @RequestBody LevelForm form) {
		return catalog.addLevel(scope, id, form);
	}

	@GetMapping("/levels/{id}")
	@Operation(summary = "查看等级（含科目）")
	LevelView level(Scope scope, @PathVariable long id) {
		return catalog.getLevel(scope, id);
	}

	@PutMapping("/levels/{id}")
	@Operation(summary = "修改等级的证书代码")
	LevelView updateLevel(Scope scope, @PathVariable long id, @Valid @RequestBody LevelEditForm form) {
		return catalog.updateLevel(scope, id, form);
	}

	@PostMapping("/levels/{id}/enable")
	@Operation(summary = "启用等级")
	LevelView enableLevel(Scope scope, @PathVariable long id) {
		return catalog.setLevelEnabled(scope, id, true);
	}

	@PostMapping("/levels/{id}/disable")
	@Operation(summary = "停用等级")
	LevelView disableLevel(Scope scope, @PathVariable long id) {
		return catalog.setLevelEnabled(scope, id, false);
	}

	@PostMapping("/levels/{id}/subjects")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "为等级添加科目")
	SubjectView addSubject(Scope scope, @PathVariable long id, @Valid @RequestBody SubjectForm form) {
		return catalog.addSubject(scope, id, form);
	}

	@GetMapping("/subjects")
	@Operation(summary = "科目列表（分页）", description = "enabled=true 表示科目、等级、证书均已启用")
	PageResult<SubjectView> subjects(Scope scope, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Long certificateId,
			@RequestParam(required = false) CertificateLevel level, @RequestParam(required = false) ExamMode examMode,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return catalog.listSubjects(scope,
				new CatalogManagement.SubjectFilter(keyword, organisationId, certificateId, level, examMode, enabled),
				PageQuery.of(page, size));
	}

	@GetMapping("/subjects/{id}")
	@Operation(summary = "查看科目")
	SubjectView subject(Scope scope, @PathVariable long id) {
		return catalog.getSubject(scope, id);
	}

	@PutMapping("/subjects/{id}")
	@Operation(summary = "修改科目")
	SubjectView updateSubject(Scope scope, @PathVariable long id, @Valid @RequestBody SubjectForm form) {
		return catalog.updateSubject(scope, id, form);
	}

	@PostMapping("/subjects/{id}/enable")
	@Operation(summary = "启用科目")
	SubjectView enableSubject(Scope scope, @PathVariable long id) {
		return catalog.setSubjectEnabled(scope, id, true);
	}

	@PostMapping("/subjects/{id}/disable")
	@Operation(summary = "停用科目")
	SubjectView disableSubject(Scope scope, @PathVariable long id) {
		return catalog.setSubjectEnabled(scope, id, false);
	}
}
