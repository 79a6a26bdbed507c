package cn.kaowu.platform.result.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.result.ResultIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Results back: the site server's chunked upload (signed like its other requests, under {@code /site/}, outside the
 * login) and the ORG's intake and per-candidate reconciliation. Paths stay under {@code /api/v1/delivery} because
 * the site server speaks to one base path.
 */
@RestController
@RequestMapping("/api/v1/delivery")
@Tag(name = "成绩回收 Results", description = "考点服务器分块上传成绩包（可续传、幂等，SM2 签名与哈希链校验，拒绝重放）；培训评价组织查看回收情况与逐考生核对")
class ResultApi {

	private final ResultIntake results;

	ResultApi(ResultIntake results) {
		this.results = results;
	}

	@PutMapping("/site/results/{resultId}")
	@Operation(summary = "考点服务器：开始上传成绩包（分块清单）", description = "可重复调用；返回仍缺的分块")
	ResultIntake.UploadState manifest(HttpServletRequest request, @PathVariable String resultId,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature, @RequestBody byte[] manifest) {
		return results.manifest(new Delivery.SiteSignature(site, time, signature), "PUT", request.getRequestURI(),
				resultId, manifest);
	}

	@PutMapping("/site/results/{resultId}/chunks/{index}")
	@Operation(summary = "考点服务器：上传一个分块", description = "按清单校验 SM3；重复上传不改变任何内容")
	ResultIntake.UploadState chunk(HttpServletRequest request, @PathVariable String resultId, @PathVariable int index,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature, @RequestBody byte[] data) {
		return results.chunk(new Delivery.SiteSignature(site, time, signature), "PUT", request.getRequestURI(),
				resultId, index, data);
	}

	@GetMapping("/site/results/{resultId}")
	@Operation(summary = "考点服务器：上传进度（仍缺的分块）")
	ResultIntake.UploadState status(HttpServletRequest request, @PathVariable String resultId,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature) {
		return results.status(new Delivery.SiteSignature(site, time, signature), "GET", request.getRequestURI(),
				resultId);
	}

	@PostMapping("/site/results/{resultId}/complete")
	@Operation(summary = "考点服务器：完成上传", description = "重组并校验签名、哈希链与序号（拒绝重放），然后接收考生成绩")
	ResultIntake.UploadState complete(HttpServletRequest request, @PathVariable String resultId,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature) {
		return results.complete(new Delivery.SiteSignature(site, time, signature), "POST", request.getRequestURI(),
				resultId);
	}

	@GetMapping("/plans/{planId}/intake")
	@Operation(summary = "成绩回收情况（培训评价组织）", description = "每个试卷包：已上传 / 逾期上传 / 未上传，及报考、签到、交卷、上传人数")
	List<ResultIntake.PackageIntake> intake(Scope scope, @PathVariable long planId) {
		return results.intake(scope, planId);
	}

	@GetMapping("/plans/{planId}/packages/{packageId}/reconciliation")
	@Operation(summary = "逐考生核对：报考 → 签到 → 交卷 → 上传")
	List<ResultIntake.Reconciliation> reconciliation(Scope scope, @PathVariable long planId,
			@PathVariable String packageId) {
		return results.reconciliation(scope, planId, packageId);
	}
}
