package cn.kaowu.platform.org.api;

import jakarta.validation.Valid;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
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
@RequestMapping("/api/v1/organisations")
@Tag(name = "机构 Organisations", description = "省级教育行政部门、地市、培训评价组织、院校")
class OrganisationApi {

	private final OrganisationManagement organisations;

	OrganisationApi(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "机构列表（按调用者的数据范围，分页）")
	PageResult<OrganisationView> list(Scope scope, @RequestParam(required = false) OrganisationType type,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Long provinceId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return organisations.list(scope, new OrganisationManagement.Filter(type, keyword, provinceId),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看机构")
	OrganisationView get(Scope scope, @PathVariable long id) {
		return organisations.get(scope, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建机构（平台管理员）")
	OrganisationView create(Scope scope, @Valid @RequestBody OrganisationForm form) {
		return organisations.create(scope, form);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改机构（平台管理员）")
	OrganisationView update(Scope scope, @PathVariable long id, @Valid @RequestBody OrganisationForm form) {
		return organisations.update(scope, id, form);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "启用机构（平台管理员）")
	OrganisationView enable(Scope scope, @PathVariable long id) {
		return organisations.setEnabled(scope, id, true);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "停用机构（平台管理员）")
	OrganisationView disable(Scope scope, @PathVariable long id) {
		return organisations.setEnabled(scope, id, false);
	}
}
