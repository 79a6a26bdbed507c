package cn.kaowu.platform.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's two Bitstring Status Lists (W3C Bitstring Status List v1.0), one per purpose, over every certificate
 * that has a status index ({@code certificate_status_index}, given at random on the first credential export and never
 * changed). Bit {@code i} is the {@code i}-th bit from the left of the GZIP-inflated list (bit 7 of byte {@code i / 8}
 * for {@code i % 8 == 0}); a set bit means revoked (list {@code revocation}) or suspended now (list {@code suspension}),
 * read from the latest {@code certificate_status_change} of the certificate.
 * <p>
 * Built on request and cached per purpose. The cache key is the newest id of the append-only
 * {@code certificate_status_change} together with the newest id of {@code certificate_status_index} (both read off
 * their primary keys): any revoke, suspend or lift adds a row
 * and so a new key, and the next request rebuilds, so a change shows at once without an event from the registry;
 * the cached list is also rebuilt after {@link #TTL} so that {@code validFrom} stays fresh.
 */
@Service
public class StatusLists {

	/** What a set bit means; the path segment of the list's URL. */
	public enum Purpose {

		/** Revoked for good. */
		REVOCATION,
		/** Suspended now (a lift clears the bit). */
		SUSPENSION;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Purpose> of(String value) {
			for (Purpose p : values()) {
				if (p.value().equals(value)) {
					return Optional.of(p);
				}
			}
			return Optional.empty();
		}
	}

	/** A signed status list credential and the version it was built from (usable as an ETag). */
	public record Signed(String jwt, String version) {
	}

	/** The smallest list length the specification allows (16 KiB of bits), for herd privacy. */
	public static final int MIN_BITS = 131_072;

	/** How long a built list is served while nothing changed. */
	static final Duration TTL = Duration.ofMinutes(5);

	private record Cached(String version, Instant builtAt, Signed signed) {
	}

	private final JdbcClient jdbc;

	private final VerifiableCredentialsKey key;

	private final Clock clock;

	private final String baseUrl;

	private final SecureRandom random = new SecureRandom();

	private final Map<Purpose, Cached> cache = new EnumMap<>(Purpose.class);

	StatusLists(JdbcClient jdbc, VerifiableCredentialsKey key, Clock clock,
			@Value("${kaowu.portal.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.key = key;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The list's URL (also the status list credential's id). */
	public String url(Purpose purpose) {
		return baseUrl + "/credentials/status/" + purpose.value();
	}

	/**
	 * The certificate's index in the lists, given now if it has none: a random free position below a capacity that
	 * doubles once half of it is taken. Runs in its own transaction, so the index stands even if the caller fails.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int indexOf(long issueId) {
		for (int attempt = 0; attempt < 50; attempt++) {
			Optional<Integer> known = jdbc.sql("SELECT status_index FROM certificate_status_index WHERE issue_id = ?")
				.param(issueId).query(Integer.class).optional();
			if (known.isPresent()) {
				return known.get();
			}
			// ids are never reused, so max(id) is at least the number taken (off the primary key, no count)
			long taken = jdbc.sql("SELECT coalesce(max(id), 0) FROM certificate_status_index").query(Long.class).single();
			long capacity = (long) MIN_BITS << Math.max(0, 64 - Long.numberOfLeadingZeros(taken * 2 / MIN_BITS));
			int candidate = (int) Math.min(Integer.MAX_VALUE, random.nextLong(capacity));
			// a collision on either key inserts nothing: read again (another request may have given this one)
			jdbc.sql("""
					INSERT INTO certificate_status_index (issue_id, status_index, assigned_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""").params(issueId, candidate, Timestamp.from(clock.instant())).update();
		}
		throw new IllegalStateException("no free status index for certificate_issue " + issueId);
	}

	/** The signed {@code BitstringStatusListCredential} of the purpose, as it stands now. */
	@Transactional(readOnly = true)
	public Signed credential(Purpose purpose) {
		String version = jdbc.sql("""
				SELECT (SELECT coalesce(max(id), 0) FROM certificate_status_change) || '-'
				  || (SELECT coalesce(max(id), 0) FROM certificate_status_index)""").query(String.class).single();
		Instant now = clock.instant();
		synchronized (cache) {
			Cached hit = cache.get(purpose);
			if (hit != null && hit.version().equals(version) && !now.isBefore(hit.builtAt())
					&& now.isBefore(hit.builtAt().plus(TTL))) {
				return hit.signed();
			}
		}
		Signed signed = new Signed(key.sign(build(purpose, now)), purpose.value() + "-" + version + "-" + now.getEpochSecond());
		synchronized (cache) {
			cache.put(purpose, new Cached(version, now, signed));
		}
		return signed;
	}

	private Map<String, Object> build(Purpose purpose, Instant now) {
		String set = purpose == Purpose.REVOCATION ? "REVOKED" : "SUSPENDED";
		List<Integer> indices = jdbc.sql("""
				SELECT i.status_index FROM certificate_status_index i
				JOIN (SELECT DISTINCT ON (issue_id) issue_id, status FROM certificate_status_change
				      ORDER BY issue_id, id DESC) c ON c.issue_id = i.issue_id
				WHERE c.status = ?""").param(set).query(Integer.class).list();
		int max = jdbc.sql("SELECT coalesce(max(status_index), 0) FROM certificate_status_index").query(Integer.class)
			.single();
		int bits = Math.max(MIN_BITS, (max / MIN_BITS + 1) * MIN_BITS);
		byte[] list = new byte[bits / 8];
		for (int i : indices) {
			list[i / 8] |= (byte) (0x80 >>> (i % 8));
		}
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", url(purpose) + "#list");
		subject.put("type", "BitstringStatusList");
		subject.put("statusPurpose", purpose.value());
		subject.put("encodedList", encode(list));
		subject.put("ttl", TTL.toMillis());
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("@context", List.of(VerifiableCredentials.VC_CONTEXT));
		credential.put("id", url(purpose));
		credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
		credential.put("issuer", baseUrl);
		credential.put("validFrom", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
		credential.put("credentialSubject", subject);
		return credential;
	}

	/** GZIP, then base64url without padding, with the multibase prefix {@code u}. */
	static String encode(byte[] bitstring) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bitstring);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
	}

	/** The bitstring of an {@code encodedList} (multibase {@code u}, base64url, GZIP). */
	public static byte[] decode(String encodedList) {
		if (encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
			throw new IllegalArgumentException("encodedList must be multibase base64url ('u')");
		}
		byte[] gz = Base64.getUrlDecoder().decode(encodedList.substring(1));
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalArgumentException("encodedList is not GZIP", e);
		}
	}

	/** Whether bit {@code index} (from the left, most significant bit of each byte first) is set. */
	public static boolean bitAt(byte[] bitstring, int index) {
		if (index < 0 || index / 8 >= bitstring.length) {
			throw new IllegalArgumentException("status index " + index + " outside the list");
		}
		return (bitstring[index / 8] & (0x80 >>> (index % 8))) != 0;
	}
}
