package cn.kaowu.platform.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.CorrectionForm;
import cn.kaowu.platform.score.ScoreManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public lookup over HTTP without a login: found in publication, one answer for every miss (before publication,
 * wrong pair, unknown ticket), the masked name, 429 with Retry-After after ten a minute per address and per ID
 * number. Each test is its own client through {@code X-Forwarded-For} (the test profile trusts the loopback).
 */
@IntegrationTest
class PortalIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final AtomicInteger CLIENTS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	EnrollmentMother enrollments;

	@Autowired
	Enrollments registrations;

	@Autowired
	Scheduling scheduling;

	@Autowired
	ScoreManagement scores;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A plan in publication's reach: person 0 has 初级理论 75 and 初级实操 缺考; person 1 has a ticket too. */
	record Published(PlanView plan, String idNumber, String name, String ticket, String otherTicket) {
	}

	Published published() {
		return published(schedules, enrollments, registrations, scheduling, scores, clock);
	}

	static Published published(ScheduleMother schedules, EnrollmentMother enrollments, Enrollments registrations,
			Scheduling scheduling, ScoreManagement scores, AdjustableClock clock) {
		ScheduleMother.Setup s = schedules.setup();
		PlanView plan = s.r().plan();
		Scope org = s.r().setting().orgScope();
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());
		Map<String, String> tickets = new HashMap<>();
		scheduling.publishedSeats(plan.id(), s.r().site().id())
			.forEach(st -> tickets.put(st.candidateId() + ":" + st.planSubjectId(), st.ticketNumber()));
		PlanSubjectView theory = subject(plan, "理论");
		PlanSubjectView practice = subject(plan, "实操");
		var zero = s.people().get(0);
		var one = s.people().get(1);
		clock.setInstant(plan.scoreRegistration().opensAt());
		for (var r : registrations.registered(plan.id())) {
			if (r.candidateId() == zero.id() && r.planSubjectId() == theory.id()) {
				scores.correctRecord(org, plan.id(), r.recordId(), CorrectionForm.of("75", false, "登记"));
			}
			if (r.candidateId() == zero.id() && r.planSubjectId() == practice.id()) {
				scores.correctRecord(org, plan.id(), r.recordId(), CorrectionForm.of(null, true, "登记"));
			}
			if (r.candidateId() == one.id() && r.planSubjectId() == theory.id()) {
				scores.correctRecord(org, plan.id(), r.recordId(), CorrectionForm.of("90", false, "登记"));
			}
		}
		return new Published(plan, enrollments.idNumber(zero.id()), zero.name(),
				tickets.get(zero.id() + ":" + theory.id()), tickets.get(one.id() + ":" + theory.id()));
	}

	static PlanSubjectView subject(PlanView plan, String name) {
		return plan.subjects().stream().filter(x -> x.level().label().equals("初级") && x.subjectName().equals(name))
			.findFirst().orElseThrow();
	}

	record Answer(int status, String body, JsonNode json, String retryAfter) {
	}

	Answer lookup(String client, String idNumber, String ticketNumber) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/portal/scores"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString(
					JSON.writeValueAsString(Map.of("idNumber", idNumber, "ticketNumber", ticketNumber))))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.body(), JSON.readTree(response.body()),
				response.headers().firstValue("Retry-After").orElse(""));
	}

	static String client() {
		return "198.51." + (100 + CLIENTS.get() / 250) + "." + (CLIENTS.incrementAndGet() % 250 + 1);
	}

	@Test
	void findsPublishedScoresAndAnswersEveryMissAlike() throws Exception {
		Published p = published();
		String client = client();

		clock.setInstant(p.plan().publication().opensAt().minusSeconds(1));
		Answer early = lookup(client, p.idNumber(), p.ticket());
		assertThat(early.status()).isEqualTo(404);
		assertThat(early.json().path("detail").asString()).contains("未查询到成绩");

		clock.setInstant(p.plan().publication().opensAt());
		Answer found = lookup(client, p.idNumber().toLowerCase(), " " + p.ticket() + " ");
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		String name = p.name();
		assertThat(found.json().path("name").asString())
			.isEqualTo(name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1))
			.doesNotContain(name.substring(1, name.length() - 1));
		assertThat(found.body()).doesNotContain(p.idNumber());
		JsonNode plan = found.json().path("plans").get(0);
		assertThat(plan.path("plan").asString()).isEqualTo(p.plan().name());
		assertThat(found.json().path("plans")).hasSize(1);
		Map<String, JsonNode> subjects = new HashMap<>();
		plan.path("subjects").forEach(s -> subjects.put(s.path("level").asString() + s.path("subject").asString(), s));
		assertThat(subjects).containsOnlyKeys("初级理论", "初级实操");
		assertThat(subjects.get("初级理论").path("score").decimalValue()).isEqualByComparingTo("75");
		assertThat(subjects.get("初级理论").path("passed").asBoolean()).isTrue();
		assertThat(subjects.get("初级实操").path("absent").asBoolean()).isTrue();
		assertThat(subjects.get("初级实操").path("score").isNull()).isTrue();

		// Someone else's ticket with this ID number, an unknown ticket, a wrong ID number: byte for byte the same.
		Answer wrongPair = lookup(client, p.idNumber(), p.otherTicket());
		Answer unknown = lookup(client, p.idNumber(), "2699999999999999");
		Answer wrongId = lookup(client, "110101199001011237", p.ticket());
		for (Answer miss : new Answer[] { wrongPair, unknown, wrongId }) {
			assertThat(miss.status()).isEqualTo(404);
			assertThat(miss.body()).isEqualTo(early.body());
		}
		assertThat(early.json().path("code").asString()).isEqualTo("portal.noMatch");

		// Empty fields: 422 naming them.
		Answer empty = lookup(client, " ", "");
		assertThat(empty.status()).isEqualTo(422);
	}

	@Test
	void theEleventhLookupOfAMinuteFromOneAddressIs429() throws Exception {
		String client = client();
		for (int i = 0; i < 10; i++) {
			assertThat(lookup(client, "11010119900101" + (1000 + i), "260000000000" + i).status()).isEqualTo(404);
		}
		Answer eleventh = lookup(client, "110101199001012000", "2600000000011");
		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(eleventh.json().path("detail").asString()).contains("查询过于频繁");
		assertThat(Long.parseLong(eleventh.retryAfter())).isBetween(1L, 60L);
		// Another address is not held back.
		assertThat(lookup(client(), "110101199001012001", "2600000000012").status()).isEqualTo(404);
		// A minute later the address may look up again.
		clock.setInstant(clock.instant().plusSeconds(61));
		assertThat(lookup(client, "110101199001012002", "2600000000013").status()).isEqualTo(404);
	}

	@Test
	void theEleventhLookupOfAMinuteForOneIdNumberIs429FromAnyAddress() throws Exception {
		String idNumber = "11010119900303" + (1000 + CLIENTS.incrementAndGet() % 9000);
		for (int i = 0; i < 10; i++) {
			assertThat(lookup(client(), idNumber, "261000000000" + i).status()).isEqualTo(404);
		}
		Answer eleventh = lookup(client(), idNumber.toLowerCase(), "2610000000010");
		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(eleventh.retryAfter()).isNotEmpty();
	}
	@Test
	void thePageNeedsNoLoginAndItsFormACsrfToken() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal"))
			.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("成绩查询").contains("name=\"_csrf\"").doesNotContain("<script")
			.doesNotContain("style=");
		HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", client())
			.POST(HttpRequest.BodyPublishers.ofString("idNumber=110101199001011237&ticketNumber=1")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		// Refused before the controller: the access-denied page wants a login, so the anonymous post is sent there.
		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location").orElse("")).contains("/login");
	}
}
