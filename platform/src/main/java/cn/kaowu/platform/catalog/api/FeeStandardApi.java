package cn.kaowu.platform.catalog.api;

import jakarta.validation.Valid;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.EffectiveFee;
import cn.kaowu.platform.catalog.FeeForm;
import cn.kaowu.platform.catalog.FeeStandards;
import cn.kaowu.platform.catalog.ProvinceFees;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fee-standards")
@Tag(name = "收费标准 Fee standards", description = "各省考核收费标准；未设置时初级 380 元、中级/高级 360 元")
class FeeStandardApi {

	private final FeeStandards fees;

	FeeStandardApi(FeeStandards fees) {
		this.fees = fees;
	}

	@GetMapping
	@Operation(summary = "各省收费标准（分页）")
	PageResult<ProvinceFees> list(Scope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return fees.list(scope, PageQuery.of(page, size));
	}

	@GetMapping("/{provinceId}")
	@Operation(summary = "某省的收费标准（未设置的等级为默认值，usesDefault=true）")
	ProvinceFees get(Scope scope, @PathVariable long provinceId) {
		return fees.feesOf(scope, provinceId);
	}

	@GetMapping("/{provinceId}/{level}")
	@Operation(summary = "某省某等级的实际收费")
	EffectiveFee fee(Scope scope, @PathVariable long provinceId, @PathVariable CertificateLevel level) {
		return fees.feesOf(scope, provinceId).fee(level);
	}

	@PutMapping("/{provinceId}")
	@Operation(summary = "设置收费标准（本省的省级教育行政部门或平台管理员）", description = "金额单位为元；留空表示恢复默认")
	ProvinceFees set(Scope scope, @PathVariable long provinceId, @Valid @RequestBody FeeForm form) {
		return fees.setFees(scope, provinceId, form);
	}
}
