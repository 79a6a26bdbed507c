package cn.kaowu.platform.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.platform.certificate.ShareCodes;
import cn.kaowu.platform.certificate.VerifiableCredentials;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.portal.ShareAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 分享码 without a login, as JSON. The holder's calls carry the full ID number and ticket number each time (no
 * session); the employer's carry the code. Any miss is one 404 per kind, 429 over the limits.
 */
@RestController
@RequestMapping("/api/v1/portal/share")
@Tag(name = "portal", description = "证书分享码与可验证凭证（无需登录，限流）")
class PortalShareApi {

	/** The holder's proof: full ID number and a ticket number. */
	record HolderRequest(@Nullable String idNumber, @Nullable String ticketNumber) {
	}

	/** A new code: the proof, the certificate (issue id) and the validity in days (1–180, default 30). */
	record CreateRequest(@Nullable String idNumber, @Nullable String ticketNumber, long issueId,
			@Nullable Integer days) {
	}

	/** The holder's download of one certificate's credential. */
	record CredentialRequest(@Nullable String idNumber, @Nullable String ticketNumber, long issueId) {
	}

	/** An employer's code. */
	record CodeRequest(@Nullable String code) {
	}

	/** The holder's certificates and codes. */
	record HolderView(String name, String idNumberMasked, List<ShareCodes.HeldCertificate> certificates,
			List<ShareCodes.CodeView> codes) {
	}

	private final ShareAccess access;

	private final ShareCodes shares;

	PortalShareApi(ShareAccess access, ShareCodes shares) {
		this.access = access;
		this.shares = shares;
	}

	@Operation(summary = "持证人：证书与分享码列表（身份证号 + 准考证号；404 未匹配，429 过于频繁）")
	@PostMapping("/holder")
	HolderView holder(@RequestBody HolderRequest body, HttpServletRequest request) {
		ShareCodes.Holder holder = holder(body.idNumber(), body.ticketNumber(), request);
		return new HolderView(holder.name(), holder.idNumberMasked(), shares.certificates(holder),
				shares.codes(holder));
	}

	@Operation(summary = "持证人：生成分享码（有效 1–180 天，默认 30 天；分享码仅此一次完整返回）")
	@PostMapping("/codes")
	ResponseEntity<ShareCodes.Created> create(@RequestBody CreateRequest body, HttpServletRequest request) {
		ShareCodes.Holder holder = holder(body.idNumber(), body.ticketNumber(), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(shares.create(holder, body.issueId(), body.days()));
	}

	@Operation(summary = "持证人：撤销分享码（立即失效）")
	@PostMapping("/codes/{id}/revoke")
	ShareCodes.CodeView revoke(@PathVariable long id, @RequestBody HolderRequest body, HttpServletRequest request) {
		return shares.revoke(holder(body.idNumber(), body.ticketNumber(), request), id);
	}

	@Operation(summary = "持证人：下载证书的可验证凭证（VC-JOSE，application/vc+jwt）")
	@PostMapping("/holder/credential")
	ResponseEntity<byte[]> holderCredential(@RequestBody CredentialRequest body, HttpServletRequest request) {
		return jwt(shares.credential(holder(body.idNumber(), body.ticketNumber(), request), body.issueId()));
	}

	@Operation(summary = "用人单位：凭分享码查看证书（未知、过期、已撤销的分享码同一答复 404）")
	@PostMapping("/view")
	ShareCodes.Shared view(@RequestBody CodeRequest body, HttpServletRequest request) {
		return access.view(client(request), body.code())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.share.noMatch"));
	}

	@Operation(summary = "用人单位：凭分享码下载可验证凭证（application/vc+jwt）")
	@PostMapping("/credential")
	ResponseEntity<byte[]> credential(@RequestBody CodeRequest body, HttpServletRequest request) {
		return jwt(access.credential(client(request), body.code())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.share.noMatch")));
	}

	private ShareCodes.Holder holder(@Nullable String idNumber, @Nullable String ticketNumber,
			HttpServletRequest request) {
		return access.identify(client(request), idNumber, ticketNumber)
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.share.noHolder"));
	}

	private String client(HttpServletRequest request) {
		return access.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
	}

	private static ResponseEntity<byte[]> jwt(String jwt) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(VerifiableCredentials.MEDIA_TYPE))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(jwt.getBytes(StandardCharsets.US_ASCII));
	}
}
