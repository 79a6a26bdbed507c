package cn.kaowu.platform.certificate.api;

import java.nio.charset.StandardCharsets;

import cn.kaowu.platform.certificate.StatusLists;
import cn.kaowu.platform.certificate.VerifiableCredentials;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifiable Credentials: a certificate's {@code OpenBadgeCredential} for the ORG or college in scope, and the public
 * documents an employer needs to verify one offline — the issuer's JWKS and the two Bitstring Status Lists.
 */
@RestController
@Tag(name = "可验证凭证 Verifiable Credentials", description = "证书的 W3C 可验证凭证（Open Badges 3.0，VC-JOSE），公钥与状态列表")
class CredentialApi {

	private static final MediaType VC_JWT = MediaType.parseMediaType(VerifiableCredentials.MEDIA_TYPE);

	private final VerifiableCredentials credentials;

	private final StatusLists statusLists;

	CredentialApi(VerifiableCredentials credentials, StatusLists statusLists) {
		this.credentials = credentials;
		this.statusLists = statusLists;
	}

	@GetMapping("/api/v1/certificates/issues/{id}/credential")
	@Operation(summary = "证书的可验证凭证（OpenBadgeCredential，application/vc+jwt；仅已确认并编号的证书）")
	ResponseEntity<byte[]> credential(Scope scope, @PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(VC_JWT)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(credentials.credential(scope, id).getBytes(StandardCharsets.US_ASCII));
	}

	@GetMapping(path = "/credentials/jwks.json", produces = "application/jwk-set+json")
	@Operation(summary = "签发方公钥（JWKS），用于离线验证凭证签名（无需登录）")
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
			.body(credentials.jwks());
	}

	@GetMapping("/credentials/status/{purpose}")
	@Operation(summary = "状态列表（BitstringStatusListCredential，purpose 为 revocation 或 suspension；无需登录，变更立即生效）")
	ResponseEntity<byte[]> status(@PathVariable String purpose,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		StatusLists.Purpose p = StatusLists.Purpose.of(purpose)
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "certificate.credential.noSuchList", purpose));
		StatusLists.Signed list = statusLists.credential(p);
		String etag = "\"" + list.version() + "\"";
		// revalidated on every use: a revocation must be visible at once, the ETag spares the body when nothing changed
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
		}
		return ResponseEntity.ok()
			.contentType(VC_JWT)
			.eTag(etag)
			.cacheControl(CacheControl.noCache())
			.body(list.jwt().getBytes(StandardCharsets.US_ASCII));
	}
}
