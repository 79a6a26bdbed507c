package cn.kaowu.platform.bank.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintCheck;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemFilter;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemStatus;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.bank.ItemVersionView;
import cn.kaowu.platform.bank.ItemView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/bank")
@Tag(name = "题库 Question bank", description = "考核单位的题库：单选、多选、判断、实操试题（修改生成新版本，可停用），组卷规则及其校验，xlsx 导入（后台任务）；题目内容加密存储，仅证书所属考核单位可见")
class BankApi {

	private final BankManagement bank;

	BankApi(BankManagement bank) {
		this.bank = bank;
	}

	@GetMapping("/items")
	@Operation(summary = "试题列表（当前版本）")
	PageResult<ItemView> list(Scope scope, @RequestParam(required = false) Long levelId,
			@RequestParam(required = false) Long subjectId, @RequestParam(required = false) ItemType type,
			@RequestParam(required = false) String knowledgeArea, @RequestParam(required = false) ItemStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return bank.list(scope, new ItemFilter(levelId, subjectId, type, knowledgeArea, status), PageQuery.of(page, size));
	}

	@GetMapping("/items/{id}")
	@Operation(summary = "查看试题（当前版本）")
	ItemView get(Scope scope, @PathVariable long id) {
		return bank.get(scope, id);
	}

	@GetMapping("/items/{id}/versions")
	@Operation(summary = "试题的全部版本（新版本在前）")
	List<ItemVersionView> versions(Scope scope, @PathVariable long id) {
		return bank.history(scope, id);
	}

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新增试题", description = "单选 answer 为一个字母，多选为多个字母，判断为 正确/错误；实操填写 rubric，分值之和等于 points")
	ItemView create(Scope scope, @RequestBody ItemForm form) {
		return bank.create(scope, form);
	}

	@PutMapping("/items/{id}")
	@Operation(summary = "修改试题（生成新版本）", description = "version 为修改所基于的当前版本；等级和科目不变")
	ItemView update(Scope scope, @PathVariable long id, @RequestBody ItemForm form) {
		return bank.update(scope, id, form);
	}

	@PostMapping("/items/{id}/retire")
	@Operation(summary = "停用试题")
	ItemView retire(Scope scope, @PathVariable long id) {
		return bank.retire(scope, id);
	}

	@PostMapping("/items/{id}/reactivate")
	@Operation(summary = "启用试题")
	ItemView reactivate(Scope scope, @PathVariable long id) {
		return bank.reactivate(scope, id);
	}

	@GetMapping("/blueprints")
	@Operation(summary = "科目的组卷规则")
	Blueprint blueprint(Scope scope, @RequestParam long levelId, @RequestParam long subjectId) {
		return bank.blueprint(scope, levelId, subjectId);
	}

	@PutMapping("/blueprints")
	@Operation(summary = "保存组卷规则")
	Blueprint saveBlueprint(Scope scope, @RequestParam long levelId, @RequestParam long subjectId,
			@RequestBody BlueprintForm form) {
		return bank.saveBlueprint(scope, levelId, subjectId, form);
	}

	@GetMapping("/blueprints/check")
	@Operation(summary = "校验组卷规则", description = "每行启用试题是否充足，总分是否等于科目满分")
	BlueprintCheck check(Scope scope, @RequestParam long levelId, @RequestParam long subjectId) {
		return bank.check(scope, levelId, subjectId);
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "试题导入模板")
	ResponseEntity<byte[]> template(Scope scope) {
		return Downloads.attachment("试题导入模板.xlsx", Spreadsheets.CONTENT_TYPE, bank.template(scope));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "批量导入试题（后台任务）", description = "进度与失败数据见 /api/v1/jobs/{id}")
	JobView startImport(Scope scope, @RequestParam long levelId, @RequestParam long subjectId,
			@RequestPart("file") MultipartFile file) {
		try {
			return bank.startImport(scope, levelId, subjectId, String.valueOf(file.getOriginalFilename()),
					file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
