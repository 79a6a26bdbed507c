package cn.kaowu.platform.delivery.api;

import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/delivery")
@Tag(name = "试卷包 Exam delivery", description = "考点服务器注册、生成与下载加密试卷包、考前 30 分钟发放解密密钥、应急解锁码；考点服务器的请求以其 SM2 私钥签名（X-Kaowu-Site、X-Kaowu-Time、X-Kaowu-Signature）")
class DeliveryApi {

	private final Delivery delivery;

	DeliveryApi(Delivery delivery) {
		this.delivery = delivery;
	}

	record EnrolRequest(@Nullable String siteCode, @Nullable String token, @Nullable String publicKey) {
	}

	record EnrolResponse(String platformPublicKey) {
	}

	record ReleaseResponse(String releaseKey) {
	}

	record CodeResponse(String code) {
	}

	@PostMapping("/sites/{siteId}/enrolment-token")
	@Operation(summary = "生成考点服务器注册码（本站点院校，24 小时内有效，只显示一次）")
	Delivery.EnrolmentToken token(Scope scope, @PathVariable long siteId) {
		return delivery.enrolmentToken(scope, siteId);
	}

	@PostMapping("/enrol")
	@Operation(summary = "考点服务器注册（站点编号 + 注册码 + 其 SM2 公钥 PEM）", description = "返回平台公钥，用于验证试卷包签名")
	EnrolResponse enrol(@RequestBody EnrolRequest request) {
		if (request.siteCode() == null || request.token() == null || request.publicKey() == null) {
			throw new InvalidInputProblem(request.siteCode() == null ? "siteCode" : request.token() == null ? "token"
					: "publicKey", "delivery.error.required");
		}
		return new EnrolResponse(delivery.enrol(request.siteCode(), request.token(), request.publicKey()));
	}

	@PostMapping("/plans/{planId}/packages")
	@Operation(summary = "生成试卷包（培训评价组织）", description = "已发布排考的每个已注册站点、每个科目时段一个包")
	Delivery.BuildSummary build(Scope scope, @PathVariable long planId) {
		return delivery.build(scope, planId);
	}

	@GetMapping("/plans/{planId}/packages")
	@Operation(summary = "试卷包列表（培训评价组织：全部；院校：本校站点）")
	List<Delivery.PackageView> packages(Scope scope, @PathVariable long planId) {
		return delivery.packages(scope, planId);
	}

	@GetMapping("/packages/{packageId}/emergency-code")
	@Operation(summary = "应急解锁码（培训评价组织，电话告知考点；记审计日志）")
	CodeResponse emergencyCode(Scope scope, @PathVariable String packageId) {
		return new CodeResponse(delivery.emergencyCode(scope, packageId));
	}

	record ExtensionCodeRequest(@Nullable String target, @Nullable Integer minutes) {
	}

	@PostMapping("/packages/{packageId}/extension-code")
	@Operation(summary = "延时审批码（培训评价组织，累计延时超过 15 分钟时电话告知考点；记审计日志）",
			description = "target：ticket:<准考证号> 或 room:<考场>；minutes：本次延时后的累计延时分钟数（考点拒绝时的提示中给出）")
	CodeResponse extensionCode(Scope scope, @PathVariable String packageId, @RequestBody ExtensionCodeRequest request) {
		if (request.target() == null || request.minutes() == null) {
			throw new InvalidInputProblem(request.target() == null ? "target" : "minutes", "delivery.error.required");
		}
		return new CodeResponse(delivery.extensionCode(scope, packageId, request.target(), request.minutes()));
	}

	// ---- the site server's signed requests ----

	@GetMapping("/site/packages")
	@Operation(summary = "考点服务器：可下载的试卷包（考前 7 天起）")
	List<Delivery.PackageView> sitePackages(HttpServletRequest request, @RequestHeader(SiteRequest.SITE_HEADER) String site,
			@RequestHeader(SiteRequest.TIME_HEADER) String time, @RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature) {
		return delivery.sitePackages(new Delivery.SiteSignature(site, time, signature), "GET", request.getRequestURI());
	}

	@GetMapping("/site/packages/{packageId}")
	@Operation(summary = "考点服务器：下载试卷包")
	ResponseEntity<byte[]> download(HttpServletRequest request, @PathVariable String packageId,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature) {
		byte[] file = delivery.download(new Delivery.SiteSignature(site, time, signature), "GET",
				request.getRequestURI(), packageId);
		return Downloads.attachment(packageId + ".kwpkg", "application/octet-stream", file);
	}

	@PostMapping("/site/packages/{packageId}/release")
	@Operation(summary = "考点服务器：获取解密密钥（开考前 30 分钟起）")
	ReleaseResponse release(HttpServletRequest request, @PathVariable String packageId,
			@RequestHeader(SiteRequest.SITE_HEADER) String site, @RequestHeader(SiteRequest.TIME_HEADER) String time,
			@RequestHeader(SiteRequest.SIGNATURE_HEADER) String signature) {
		byte[] key = delivery.release(new Delivery.SiteSignature(site, time, signature), "POST",
				request.getRequestURI(), packageId);
		return new ReleaseResponse(Base64.getEncoder().encodeToString(key));
	}
}
