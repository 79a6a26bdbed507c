package cn.kaowu.platform.portal.api;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.portal.PortalDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 下载电子证书 without a login, by the signed short-lived token a score lookup hands out; errors as RFC 9457. */
@RestController
@RequestMapping("/api/v1/portal/certificates")
@Tag(name = "portal", description = "公开下载本人电子证书（凭成绩查询所得的限时链接，限流）")
class PortalDownloadApi {

	private final PortalDownloads downloads;

	PortalDownloadApi(PortalDownloads downloads) {
		this.downloads = downloads;
	}

	@Operation(summary = "The signed electronic certificate of a download token (from POST /api/v1/portal/scores); "
			+ "404 for a bad token, 410 expired, 409 suspended or revoked, 429 over the limit")
	@GetMapping("/download")
	ResponseEntity<byte[]> download(@RequestParam(required = false) @Nullable String token,
			HttpServletRequest request) {
		PortalDownloads.Download d = downloads.download(
				downloads.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")), token);
		return Downloads.attachment(d.fileName(), "application/pdf", d.pdf());
	}
}
