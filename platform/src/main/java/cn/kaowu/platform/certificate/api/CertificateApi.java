package cn.kaowu.platform.certificate.api;

import java.io.IOException;
import java.util.List;

import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.certificate.CertificatePdfs;
import cn.kaowu.platform.certificate.DeliveryMode;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.certificate.IssueStatus;
import cn.kaowu.platform.certificate.IssueView;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/certificates")
@Tag(name = "证书 Certificates", description = "院校负责人的签章（仅本人可见）；证书发放名单：培训评价组织生成，院校授权确认人与培训评价组织双方签名确认（一次最多 100 条），"
		+ "双方确认后不可撤销并编号")
class CertificateApi {

	/** A signed batch: the ids, the re-entered password and, for a refusal, the reason. */
	record Signed(List<Long> ids, @Nullable String password, @Nullable String reason) {
	}

	record Ids(List<Long> ids) {
	}

	private final CertificateManagement certificates;

	private final CertificatePdfs pdfs;

	CertificateApi(CertificateManagement certificates, CertificatePdfs pdfs) {
		this.certificates = certificates;
		this.pdfs = pdfs;
	}

	@PostMapping("/stamp/agreement")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "院校负责人同意签章授权协议")
	void accept(Scope scope) {
		certificates.acceptAgreement(scope);
	}

	@GetMapping("/stamp")
	@Operation(summary = "本校签章信息（仅院校负责人）")
	ResponseEntity<CertificateManagement.StampView> stamp(Scope scope) {
		return ResponseEntity.of(certificates.stamp(scope));
	}

	@PutMapping(path = "/stamp", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传或更换签章", description = "PNG，正方形 80–200 像素，透明背景，≤ 1 MB；须先同意授权协议（409）")
	CertificateManagement.StampView upload(Scope scope, @RequestParam MultipartFile file) throws IOException {
		return certificates.uploadStamp(scope, String.valueOf(file.getOriginalFilename()), file.getBytes());
	}

	@GetMapping("/stamp/image")
	@Operation(summary = "签章图片（仅院校负责人本人，其他角色 403）")
	ResponseEntity<byte[]> image(Scope scope) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
			.body(certificates.stampImage(scope));
	}

	@DeleteMapping("/stamp")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除签章")
	void delete(Scope scope) {
		certificates.deleteStamp(scope);
	}

	@GetMapping("/approvers")
	@Operation(summary = "本校证书确认人（账号 id）")
	List<Long> approvers(Scope scope) {
		return certificates.approvers(scope);
	}

	@PutMapping("/approvers/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "院校负责人授权确认人（本校业务管理员或本人）")
	void delegate(Scope scope, @PathVariable long accountId) {
		certificates.delegate(scope, accountId);
	}

	@DeleteMapping("/approvers/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "取消授权")
	void revoke(Scope scope, @PathVariable long accountId) {
		certificates.revoke(scope, accountId);
	}

	@PostMapping("/plans/{planId}/issues")
	@Operation(summary = "生成（或补充）证书发放名单", description = "成绩锁定后；仅通过者；已有记录不变")
	CertificateManagement.Generated generate(Scope scope, @PathVariable long planId) {
		return certificates.generate(scope, planId);
	}

	@GetMapping("/plans/{planId}/issues")
	@Operation(summary = "证书发放名单（院校：本校考生）")
	List<IssueView> list(Scope scope, @PathVariable long planId, @RequestParam(required = false) @Nullable IssueStatus status) {
		return certificates.list(scope, planId, status);
	}

	@GetMapping("/issues/{id}")
	@Operation(summary = "一条证书发放记录")
	IssueView get(Scope scope, @PathVariable long id) {
		return certificates.get(scope, id);
	}

	@PostMapping("/issues/confirm")
	@Operation(summary = "签名确认（重新输入密码；一次最多 100 条，全部或全不）", description = "双方确认后不可撤销并编号")
	List<IssueView> confirm(Scope scope, @RequestBody Signed body) {
		return certificates.confirm(scope, body.ids(), body.password());
	}

	@PostMapping("/issues/refuse")
	@Operation(summary = "院校确认人退回（须填写原因，签名）")
	List<IssueView> refuse(Scope scope, @RequestBody Signed body) {
		return certificates.refuse(scope, body.ids(), body.password(), body.reason());
	}

	@PostMapping("/issues/resubmit")
	@Operation(summary = "培训评价组织重新提交已退回的记录")
	List<IssueView> resubmit(Scope scope, @RequestBody Ids body) {
		return certificates.resubmit(scope, body.ids());
	}

	@PostMapping("/issues/{id}/undo")
	@Operation(summary = "撤回本方确认（双方确认后 409）")
	IssueView undo(Scope scope, @PathVariable long id) {
		return certificates.undo(scope, id);
	}

	/** The certificate in its college's 发证方式: signed with the stamp when electronic, the print template when paper. */
	@GetMapping("/issues/{id}/certificate.pdf")
	@Operation(summary = "证书 PDF：电子证书已签名并带签章；院校选择纸质证书时为打印版式（无签章、无签名）")
	ResponseEntity<byte[]> certificatePdf(Scope scope, @PathVariable long id) {
		byte[] pdf = pdfs.pdf(scope, id);
		return Downloads.inline(CertificatePdfs.fileName(certificates.get(scope, id)), "application/pdf", pdf);
	}

	record ModeRequest(@Nullable DeliveryMode mode) {
	}

	@GetMapping("/plans/{planId}/deliveries")
	@Operation(summary = "计划各院校的发证方式（电子或纸质）及已确认人数")
	List<CertificateManagement.CollegeDelivery> deliveries(Scope scope, @PathVariable long planId) {
		return certificates.deliveries(scope, planId);
	}

	@PutMapping("/plans/{planId}/deliveries/{collegeId}")
	@Operation(summary = "设置院校的发证方式（培训评价组织；ELECTRONIC 或 PAPER）")
	DeliveryMode chooseDelivery(Scope scope, @PathVariable long planId, @PathVariable long collegeId,
			@RequestBody ModeRequest body) {
		return certificates.chooseDelivery(scope, planId, collegeId, body.mode());
	}

	/** The certificates of the plan's final rows the scope sees, one PDF per row in its college's mode, as a zip. */
	@GetMapping("/plans/{planId}/certificates.zip")
	@Operation(summary = "计划的全部证书（zip，每条已确认记录一个 PDF，按院校的发证方式；collegeId 只含该院校）")
	ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> certificatesZip(
			Scope scope, @PathVariable long planId, @RequestParam(required = false) @Nullable Long collegeId) {
		certificates.list(scope, planId, IssueStatus.FINAL); // 403/404 before the response starts
		return Downloads.attachment("证书-" + planId + ".zip", "application/zip",
				out -> pdfs.zip(scope, planId, collegeId, out));
	}
}
