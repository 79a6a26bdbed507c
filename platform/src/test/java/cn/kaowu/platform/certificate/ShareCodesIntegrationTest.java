package cn.kaowu.platform.certificate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.portal.ShareAccess;
import cn.kaowu.platform.portal.TooManyLookups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 分享码 against PostgreSQL: the holder's proof, creation (hashed, shown once, audited), the expiry boundary on the
 * platform clock, revocation, one answer for every kind of miss (also over HTTP, byte for byte) and the limits.
 */
@IntegrationTest
class ShareCodesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	TestWorld world;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	CertificateRegistry registry;

	@Autowired
	ShareCodes shares;

	@Autowired
	ShareAccess access;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Two numbered certificates (persons 0 and 1 of the mother's plan) and their holders' ID and ticket numbers. */
	record Issued(CertificateMother.World world, IssueView a, IssueView b, String idA, String ticketA, String idB,
			String ticketB) {
	}

	static Issued issued(CertificateMother mother, CertificateManagement certificates, JdbcClient jdbc)
			throws InterruptedException {
		CertificateMother.World w = mother.lockedPlan();
		List<IssueView> rows = mother.numbered(w);
		IssueView a = rows.get(0);
		IssueView b = rows.get(1);
		return new Issued(w, a, b, mother.idNumber(a.candidateId()), column(jdbc, a, "ticket_number"),
				mother.idNumber(b.candidateId()), column(jdbc, b, "ticket_number"));
	}

	private static String column(JdbcClient jdbc, IssueView row, String column) {
		return jdbc.sql("SELECT " + column + " FROM registration_record WHERE candidate_id = ? AND plan_id = ? "
				+ "AND ticket_number IS NOT NULL ORDER BY id LIMIT 1")
			.params(row.candidateId(), row.planId()).query(String.class).single();
	}

	Issued issued() throws InterruptedException {
		return issued(certificateMother, certificates,
				jdbc);
	}

	@Test
	void holderCreatesACodeThatExpiresAtItsLastSecond() throws Exception {
		Issued s = issued();

		// the proof: the full pair, case-insensitive ID; a wrong pair and an unknown ticket are the same miss
		ShareCodes.Holder holder = access.identify("10.20.0.1", s.idA().toLowerCase(Locale.ROOT), s.ticketA())
			.orElseThrow();
		assertThat(holder.idNumberMasked()).isEqualTo(ChineseIdNumber.mask(s.idA()));
		assertThat(access.identify("10.20.0.1", s.idB(), s.ticketA())).isEmpty();
		assertThat(access.identify("10.20.0.1", s.idA(), "9999999999999999")).isEmpty();
		assertThatThrownBy(() -> access.identify("10.20.0.1", " ", s.ticketA())).isInstanceOf(InvalidInputProblem.class);

		List<ShareCodes.HeldCertificate> held = shares.certificates(holder);
		assertThat(held).extracting(ShareCodes.HeldCertificate::certificateNumber)
			.containsExactly(s.a().certificateNumber());

		// created: 12 symbols of the alphabet, shown once, stored only as its hash, audited
		Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ShareCodes.Created created = shares.create(holder, s.a().id(), 7);
		assertThat(created.view().createdAt()).isBetween(before, clock.instant());
		assertThat(created.code()).matches("[" + ShareCodes.ALPHABET + "]{4}-[" + ShareCodes.ALPHABET + "]{4}-["
				+ ShareCodes.ALPHABET + "]{4}");
		assertThat(created.view().expiresAt()).isEqualTo(created.view().createdAt().plus(Duration.ofDays(7)));
		String stored = jdbc.sql("SELECT code_hash || ' ' || code_hint FROM certificate_share_code WHERE id = ?")
			.param(created.view().id()).query(String.class).single();
		assertThat(stored).doesNotContain(created.code().replace("-", ""))
			.startsWith(ShareCodes.hash(created.code().replace("-", "")));
		assertThat(shares.codes(holder)).extracting(ShareCodes.CodeView::id).contains(created.view().id());
		assertThat(auditCount("certificate.share.create", created.view().id())).isEqualTo(1);

		// the employer's view: full name, masked ID, the certificate, status and the code's expiry; any spelling
		ShareCodes.Shared shared = access.view("10.20.1.1", created.code()).orElseThrow();
		assertThat(shared.holderName()).isEqualTo(s.a().name());
		assertThat(shared.idNumberMasked()).isEqualTo(ChineseIdNumber.mask(s.idA())).doesNotContain(s.idA());
		assertThat(shared.certificateNumber()).isEqualTo(s.a().certificateNumber());
		assertThat(shared.level()).isEqualTo(s.a().levelDisplayName());
		assertThat(shared.issuer()).isEqualTo(s.world().plan().organisationName());
		assertThat(shared.standing()).isEqualTo(CertificateRegistry.Standing.VALID);
		assertThat(shared.codeExpiresAt()).isEqualTo(created.view().expiresAt());
		assertThat(access.view("10.20.1.1", " " + created.code().replace("-", "").toLowerCase(Locale.ROOT))).isPresent();

		// the status is read afresh
		registry.suspend(s.world().org(), s.a().id(), "核查中");
		assertThat(access.view("10.20.1.1", created.code()).orElseThrow().standing())
			.isEqualTo(CertificateRegistry.Standing.SUSPENDED);

		// the boundary: valid at its last second, refused one second later (and listed as expired)
		clock.setInstant(created.view().expiresAt());
		assertThat(access.view("10.20.1.2", created.code())).isPresent();
		assertThat(shares.credential(created.code())).isPresent();
		clock.setInstant(created.view().expiresAt().plusSeconds(1));
		assertThat(access.view("10.20.1.2", created.code())).isEmpty();
		assertThat(shares.credential(created.code())).isEmpty();
		assertThat(shares.codes(holder)).filteredOn(c -> c.id() == created.view().id())
			.extracting(ShareCodes.CodeView::state).containsExactly(ShareCodes.CodeState.EXPIRED);

		// bad input: days out of range, another holder's certificate
		assertThatThrownBy(() -> shares.create(holder, s.a().id(), 0)).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> shares.create(holder, s.a().id(), 181)).isInstanceOf(InvalidInputProblem.class);
		assertThatThrownBy(() -> shares.create(holder, s.b().id(), 30)).isInstanceOf(NotFoundProblem.class);
		ShareCodes.CodeView longest = shares.create(holder, s.a().id(), 180).view();
		assertThat(longest.expiresAt()).isEqualTo(longest.createdAt().plus(Duration.ofDays(180)));
	}

	@Test
	void revokedUnknownExpiredAndMalformedCodesGiveOneAnswer() throws Exception {
		Issued s = issued();
		ShareCodes.Holder a = shares.identify(s.idA(), s.ticketA()).orElseThrow();
		ShareCodes.Holder b = shares.identify(s.idB(), s.ticketB()).orElseThrow();
		ShareCodes.Created revoked = shares.create(a, s.a().id(), null);
		assertThat(revoked.view().expiresAt())
			.isEqualTo(revoked.view().createdAt().plus(Duration.ofDays(ShareCodes.DEFAULT_DAYS)));
		ShareCodes.Created expired = shares.create(a, s.a().id(), 1);
		ShareCodes.Created live = shares.create(b, s.b().id(), 30);

		// another holder cannot revoke it; the holder can, at once, once (audited once)
		assertThatThrownBy(() -> shares.revoke(b, revoked.view().id())).isInstanceOf(NotFoundProblem.class);
		assertThat(shares.revoke(a, revoked.view().id()).state()).isEqualTo(ShareCodes.CodeState.REVOKED);
		assertThat(shares.revoke(a, revoked.view().id()).state()).isEqualTo(ShareCodes.CodeState.REVOKED);
		assertThat(auditCount("certificate.share.revoke", revoked.view().id())).isEqualTo(1);
		assertThat(shares.view(revoked.code())).isEmpty();

		clock.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(shares.view(expired.code())).isEmpty();
		assertThat(shares.view(live.code())).isPresent();

		// over HTTP: found; revoked, expired, unknown and malformed codes are one byte-identical 404
		HttpResponse<String> found = viewHttp("198.51.100.1", live.code());
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains(s.b().certificateNumber()).contains(s.b().name()).doesNotContain(s.idB());
		HttpResponse<String> r = viewHttp("198.51.100.2", revoked.code());
		HttpResponse<String> e = viewHttp("198.51.100.3", expired.code());
		HttpResponse<String> u = viewHttp("198.51.100.4", "ABCD-EFGH-JKMN");
		HttpResponse<String> m = viewHttp("198.51.100.5", "not-a-code");
		for (HttpResponse<String> miss : List.of(r, e, u, m)) {
			assertThat(miss.statusCode()).isEqualTo(404);
			assertThat(miss.body()).isEqualTo(u.body()).contains("portal.share.noMatch");
		}
		// the page answers the same sentence for each
		assertThat(pageHttp("198.51.100.6", revoked.code())).contains("分享码无效").doesNotContain(s.a().name());
		assertThat(pageHttp("198.51.100.6", live.code())).contains(s.b().name()).contains(s.b().certificateNumber());

		// the holder's API: create with the pair each time, a wrong pair is 404
		HttpResponse<String> created = post("198.51.100.7", "/api/v1/portal/share/codes", "{\"idNumber\":\"" + s.idB()
				+ "\",\"ticketNumber\":\"" + s.ticketB() + "\",\"issueId\":" + s.b().id() + ",\"days\":3}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).containsPattern("\"code\":\"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\"");
		HttpResponse<String> wrong = post("198.51.100.8", "/api/v1/portal/share/holder",
				"{\"idNumber\":\"" + s.idA() + "\",\"ticketNumber\":\"" + s.ticketB() + "\"}");
		assertThat(wrong.statusCode()).isEqualTo(404);
		assertThat(wrong.body()).contains("portal.share.noHolder");
		HttpResponse<String> days = post("198.51.100.9", "/api/v1/portal/share/codes", "{\"idNumber\":\"" + s.idB()
				+ "\",\"ticketNumber\":\"" + s.ticketB() + "\",\"issueId\":" + s.b().id() + ",\"days\":181}");
		assertThat(days.statusCode()).isEqualTo(422);
		assertThat(days.body()).contains("\"field\":\"days\"");

		// rate limited per address: the eleventh code in a minute is 429 with Retry-After, also for a valid code
		for (int i = 0; i < 10; i++) {
			viewHttp("198.51.100.99", "ABCD-EFGH-JK" + (char) ('M' + i % 2) + "N");
		}
		HttpResponse<String> tooMany = viewHttp("198.51.100.99", live.code());
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.headers().firstValue("Retry-After")).isPresent();
		assertThatThrownBy(() -> {
			for (int i = 0; i < 11; i++) {
				access.identify("10.30.0.1", "11010119900101" + (1000 + i), "1");
			}
		}).isInstanceOf(TooManyLookups.class);
	}

	@Test
	void aHolderHasAtMostTwentyActiveCodesAndNoneForARevokedCertificate() throws Exception {
		Issued s = issued();
		ShareCodes.Holder a = shares.identify(s.idA(), s.ticketA()).orElseThrow();
		for (int i = 0; i < ShareCodes.MAX_ACTIVE; i++) {
			shares.create(a, s.a().id(), 1);
		}
		assertThatThrownBy(() -> shares.create(a, s.a().id(), 1)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.share.error.tooMany");
		clock.advance(Duration.ofDays(1).plusSeconds(1));
		registry.revoke(s.world().org(), s.a().id(), "违规取得");
		assertThatThrownBy(() -> shares.create(a, s.a().id(), 1)).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "certificate.share.error.revoked");
	}

	private int auditCount(String action, long id) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND entity_id = ?")
			.params(action, String.valueOf(id)).query(Integer.class).single();
	}

	private HttpResponse<String> viewHttp(String client, String code) throws Exception {
		return post(client, "/api/v1/portal/share/view", "{\"code\":\"" + code + "\"}");
	}

	private HttpResponse<String> post(String client, String path, String json) throws Exception {
		return HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Content-Type", "application/json").header("X-Forwarded-For", client)
					.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The page's form post, with the CSRF token of a GET in the same session. */
	private String pageHttp(String client, String code) throws Exception {
		var session = new cn.kaowu.platform.WebSession(port);
		return session.post("/portal/share", "/portal/share", java.util.Map.of("code", code)).body();
	}
}
