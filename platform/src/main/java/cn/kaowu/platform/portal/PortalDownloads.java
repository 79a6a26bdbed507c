package cn.kaowu.platform.portal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.KeyFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * 下载电子证书 without a login. A successful 成绩查询 (full ID number and ticket number) lists the holder's valid
 * certificates, each with a link carrying a token {@code <issue id>.<expiry, epoch s>.<HMAC-SHA256>}: valid for
 * {@link #VALIDITY}, not guessable (the key is a 32-byte secret file made once through {@link KeyFiles}, shared by
 * every node that serves the portal), and naming one certificate only. A download is rate limited like a lookup (per
 * client address, and per certificate), its status read afresh: a suspended or revoked certificate gives a clear
 * message and no PDF. The PDF is the signed electronic certificate ({@link PortalCertificatePdf}).
 */
@Service
public class PortalDownloads {

	/** How long a download link works after the lookup that made it. */
	public static final Duration VALIDITY = Duration.ofMinutes(10);

	/** The signed electronic certificate and its file name. */
	public record Download(String fileName, byte[] pdf) {
	}

	private record Token(long issueId, long expiresAt) {
	}

	private final CertificateRegistry registry;

	private final PortalCertificatePdf pdfs;

	private final Clock clock;

	private final LookupGate gate;

	private final SecretKeySpec key;

	PortalDownloads(CertificateRegistry registry, PortalCertificatePdf pdfs, Clock clock,
			@Value("${kaowu.portal.trusted-proxies:}") List<String> trustedProxies,
			@Value("${kaowu.portal.rate-limit-keys:100000}") long rateLimitKeys,
			@Value("${kaowu.portal.download-key-file:${kaowu.delivery.key-dir:./data/keys}/portal-download.key}") Path keyFile,
			io.micrometer.core.instrument.MeterRegistry meters, LookupSlots slots) {
		this.registry = registry;
		this.pdfs = pdfs;
		this.clock = clock;
		this.gate = new LookupGate("download", trustedProxies, rateLimitKeys, meters, slots);
		this.key = new SecretKeySpec(KeyFiles.loadOrCreate(keyFile, 32, () -> {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			return fresh;
		}), "HmacSHA256");
	}

	/** The client address of a request, {@code X-Forwarded-For} believed only from a trusted proxy. */
	public String clientAddress(String remoteAddress, @Nullable String forwardedFor) {
		return gate.clientAddress(remoteAddress, forwardedFor);
	}

	/** A download token for the certificate, valid for {@link #VALIDITY} from {@code now}. */
	public String token(long issueId, Instant now) {
		long expiresAt = now.plus(VALIDITY).getEpochSecond();
		return issueId + "." + expiresAt + "." + sign(issueId, expiresAt);
	}

	/**
	 * The signed PDF of the token's certificate. 404 for a token that is malformed, forged or names no certificate;
	 * 410 when expired; 409 with the reason for a suspended or revoked certificate; 429 over the limit.
	 */
	public Download download(String clientAddress, @Nullable String token) {
		String text = token == null ? "" : token.strip();
		Instant now = clock.instant();
		int dot = text.indexOf('.');
		gate.admit(clientAddress, "certificate:" + (dot > 0 ? text.substring(0, Math.min(dot, 20)) : ""), now);
		Token parsed = parse(text).orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.download.invalid"));
		if (now.getEpochSecond() > parsed.expiresAt()) {
			throw new DomainException(HttpStatus.GONE, "portal.download.expired");
		}
		CertificateRegistry.Issued issued = registry.issued(parsed.issueId())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.download.invalid"));
		switch (issued.standing()) {
			case SUSPENDED -> throw new DomainException(HttpStatus.CONFLICT, "portal.download.suspended",
					issued.certificateNumber());
			case REVOKED -> throw new DomainException(HttpStatus.CONFLICT, "portal.download.revoked",
					issued.certificateNumber());
			case VALID -> {
			}
		}
		return new Download(issued.certificateNumber().replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf",
				pdfs.electronic(issued));
	}

	private Optional<Token> parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 3 || parts[0].length() > 19 || parts[1].length() > 19) {
			return Optional.empty();
		}
		long issueId;
		long expiresAt;
		try {
			issueId = Long.parseLong(parts[0]);
			expiresAt = Long.parseLong(parts[1]);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		byte[] expected = sign(issueId, expiresAt).getBytes(StandardCharsets.US_ASCII);
		byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(new Token(issueId, expiresAt)) : Optional.empty();
	}

	private String sign(long issueId, long expiresAt) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] tag = mac.doFinal(("portal-download:v1:" + issueId + ":" + expiresAt).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
