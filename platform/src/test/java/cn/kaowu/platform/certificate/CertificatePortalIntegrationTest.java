package cn.kaowu.platform.certificate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.document.PdfSignatures;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.portal.CertificateVerification;
import cn.kaowu.platform.portal.ScoreLookup;
import cn.kaowu.platform.score.ScoreManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's certificate paths against PostgreSQL and over HTTP: both misses of 证书查验 do the comparison and answer
 * alike; the check's cache saves the queries but never the status (a revocation shows at once); a score lookup lists
 * the holder's certificates with a 10-minute signed download link, whose PDF is the signed certificate, and which
 * refuses tampering, expiry, another certificate's id and a suspended certificate.
 */
@IntegrationTest
class CertificatePortalIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	ScoreManagement scores;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	CertificateVerification verification;

	@Autowired
	ScoreLookup lookup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String column(String column, IssueView row) {
		return jdbc.sql("SELECT " + column + " FROM registration_record WHERE candidate_id = ? AND plan_id = ? "
				+ "AND ticket_number IS NOT NULL ORDER BY id LIMIT 1")
			.params(row.candidateId(), row.planId()).query(String.class).single();
	}

	@Test
	void anUnknownNumberIsComparedLikeAKnownOneAndTheHolderNeverMatchesTheDummy() {
		long before = registry.comparisons();
		assertThat(registry.verify("NO-SUCH-2026999991", "000000000000000000")).isEmpty();
		assertThat(registry.verify("NO-SUCH-2026999992", "110101199001011237")).isEmpty();
		assertThat(registry.comparisons()).isEqualTo(before + 2);
		CertificateRegistry.Holder unknown = new CertificateRegistry.Holder(-1, false, "X", new byte[32], "", "",
				java.time.Instant.EPOCH, "");
		assertThat(unknown.matches(new byte[32])).as("same digest, but no certificate").isFalse();
	}

	@Test
	void theCheckIsCachedButTheStatusIsReadAfreshAndBothMissesAnswerAlike() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		List<IssueView> rows = certificateMother.numbered(w);
		IssueView a = rows.get(0);
		IssueView b = rows.get(1);
		String idA = enrollments.idNumber(a.candidateId());
		String idB = enrollments.idNumber(b.candidateId());

		long misses = registry.verifyCacheStats().missCount();
		long hits = registry.verifyCacheStats().hitCount();
		assertThat(verification.verify("10.8.0.1", a.certificateNumber(), idA).orElseThrow().standing())
			.isEqualTo(CertificateRegistry.Standing.VALID);
		assertThat(verification.verify("10.8.0.2", a.certificateNumber(), idA)).isPresent();
		assertThat(registry.verifyCacheStats().missCount()).isEqualTo(misses + 1);
		assertThat(registry.verifyCacheStats().hitCount()).isEqualTo(hits + 1);

		// revoked after a cached check: the next check says 已撤销 (REVOKED), from the cache for the rest
		registry.revoke(w.org(), a.id(), "违规取得");
		assertThat(verification.verify("10.8.0.3", a.certificateNumber(), idA).orElseThrow().standing())
			.isEqualTo(CertificateRegistry.Standing.REVOKED);
		assertThat(registry.verifyCacheStats().hitCount()).isEqualTo(hits + 2);
		HttpResponse<String> page = http("/portal/verify", "POST", "number=" + a.certificateNumber() + "&idNumber=" + idA,
				"10.8.0.4", true);
		assertThat(page.body()).contains("已撤销");

		// a known number with a wrong ID number (cached) and an unknown number: the same 404, byte for byte
		HttpResponse<String> wrongId = verifyApi("10.8.0.5", b.certificateNumber(), idA);
		HttpResponse<String> unknown = verifyApi("10.8.0.6", "NO-SUCH-2026000777", idB);
		assertThat(wrongId.statusCode()).isEqualTo(404);
		assertThat(wrongId.body()).isEqualTo(unknown.body());
	}

	@Test
	void theHolderDownloadsTheSignedCertificateByAShortLivedLinkFromTheLookup() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		List<IssueView> rows = certificateMother.numbered(w);
		IssueView a = rows.get(0);
		IssueView b = rows.get(1);

		// the API lookup lists the certificate with a token; the second lookup of these locked scores is cached
		long hits = lookup.cacheStats().hitCount();
		JsonNode found = scoresApi("10.7.0.1", enrollments.idNumber(a.candidateId()), column("ticket_number", a));
		JsonNode again = scoresApi("10.7.0.2", enrollments.idNumber(a.candidateId()), column("ticket_number", a));
		assertThat(lookup.cacheStats().hitCount()).isEqualTo(hits + 1);
		JsonNode held = found.path("plans").get(0).path("certificates");
		assertThat(held).hasSize(1);
		assertThat(held.get(0).path("number").asString()).isEqualTo(a.certificateNumber());
		assertThat(held.get(0).path("standing").asString()).isEqualTo("VALID");
		String token = held.get(0).path("downloadToken").asString();
		assertThat(again.path("plans").get(0).path("certificates").get(0).path("number").asString())
			.isEqualTo(a.certificateNumber());

		// the PDF: signed, from the API and from the page's link
		HttpResponse<byte[]> pdf = download("/api/v1/portal/certificates/download?token=" + token, "10.7.0.3");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(PdfSignatures.verify(pdf.body()).valid()).isTrue();
		HttpResponse<String> pageAnswer = http("/portal", "POST",
				"idNumber=" + enrollments.idNumber(a.candidateId()) + "&ticketNumber=" + column("ticket_number", a), "10.7.0.4", true);
		assertThat(pageAnswer.body()).contains("下载电子证书").contains("/portal/certificates/download?token=");
		assertThat(download("/portal/certificates/download?token=" + token, "10.7.0.5").statusCode()).isEqualTo(200);

		// tampered (signature, then another person's issue id with this signature): one 404, no PDF
		String[] parts = token.split("\\.");
		String otherSig = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
		String otherIssue = b.id() + "." + parts[1] + "." + parts[2];
		HttpResponse<String> tampered = http("/api/v1/portal/certificates/download?token=" + otherSig, "GET", null,
				"10.7.0.6", false);
		HttpResponse<String> forged = http("/api/v1/portal/certificates/download?token=" + otherIssue, "GET", null,
				"10.7.0.7", false);
		HttpResponse<String> garbage = http("/api/v1/portal/certificates/download?token=x", "GET", null, "10.7.0.8",
				false);
		assertThat(tampered.statusCode()).isEqualTo(404);
		assertThat(forged.body()).isEqualTo(tampered.body()).isEqualTo(garbage.body()).contains("下载链接无效");

		// suspended: a clear message, no PDF (page and API); and the lookup lists it without a link
		registry.suspend(w.org(), a.id(), "核查中");
		HttpResponse<String> suspended = http("/api/v1/portal/certificates/download?token=" + token, "GET", null,
				"10.7.0.9", false);
		assertThat(suspended.statusCode()).isEqualTo(409);
		assertThat(suspended.body()).contains("已暂停").contains(a.certificateNumber());
		HttpResponse<String> suspendedPage = http("/portal/certificates/download?token=" + token, "GET", null,
				"10.7.0.10", false);
		assertThat(suspendedPage.statusCode()).isEqualTo(409);
		assertThat(suspendedPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(suspendedPage.body()).contains("已暂停，暂不能下载电子证书");
		JsonNode listed = scoresApi("10.7.0.11", enrollments.idNumber(a.candidateId()), column("ticket_number", a))
			.path("plans").get(0).path("certificates").get(0);
		assertThat(listed.path("standing").asString()).isEqualTo("SUSPENDED");
		assertThat(listed.path("downloadToken").isNull()).isTrue();

		// lifted again, but the link is older than ten minutes: refused
		registry.lift(w.org(), a.id(), "核查无误");
		clock.setInstant(clock.instant().plus(java.time.Duration.ofMinutes(11)));
		HttpResponse<String> expired = http("/api/v1/portal/certificates/download?token=" + token, "GET", null,
				"10.7.0.12", false);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("已过期");
	}

	private JsonNode scoresApi(String client, String idNumber, String ticket) throws Exception {
		HttpResponse<String> r = http("/api/v1/portal/scores", "POST",
				JSON.writeValueAsString(Map.of("idNumber", idNumber, "ticketNumber", ticket)), client, false);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body());
	}

	private HttpResponse<String> verifyApi(String client, String number, String idNumber) throws Exception {
		return http("/api/v1/portal/certificates/verify", "POST",
				JSON.writeValueAsString(Map.of("number", number, "idNumber", idNumber)), client, false);
	}

	private HttpResponse<byte[]> download(String path, String client) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", client).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A request as a distinct client; a form POST first fetches the page for its CSRF token and cookie. */
	private HttpResponse<String> http(String path, String method, String body, String client, boolean form)
			throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", client);
		if (body == null) {
			b.GET();
		}
		else if (form) {
			String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(m.find()).isTrue();
			b.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + m.group(1)));
		}
		else {
			b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
