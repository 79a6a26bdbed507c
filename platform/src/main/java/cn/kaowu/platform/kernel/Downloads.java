package cn.kaowu.platform.kernel;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The one way to send a file: content type, and a Content-Disposition whose Chinese name survives (RFC 6266). */
public final class Downloads {

	private Downloads() {
	}

	/** Shown in the browser when it can (PDF, images). */
	public static ResponseEntity<byte[]> inline(String name, String contentType, byte[] content) {
		return send(ContentDisposition.inline(), name, contentType, content);
	}

	/** Saved as a file. */
	public static ResponseEntity<byte[]> attachment(String name, String contentType, byte[] content) {
		return send(ContentDisposition.attachment(), name, contentType, content);
	}

	/** Saved as a file that is written while it is sent (large zips of PDFs). */
	public static ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> attachment(
			String name, String contentType,
			org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private static ResponseEntity<byte[]> send(ContentDisposition.Builder disposition, String name, String contentType,
			byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(name, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}
}
