package cn.kaowu.platform.score;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.result.ResultIntake;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 从考试结果登记 on the world of {@code DeliveryIntegrationTest}: a site enrols, the ORG builds the packages, the site
 * uploads a signed result package of three candidates (85.55, 59, never signed in); in the score-registration window
 * the theory subject's scores come from it, the other 41 are reported missing, and the practical subject (nothing
 * uploaded) registers nobody.
 */
@IntegrationTest
class ScoreFromResultsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	ScoreManagement scores;

	@Autowired
	ResultIntake results;

	@Autowired
	AdjustableClock clock;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theTheoryScoresComeFromTheUploadedResultsAndTheGapsAreReported(@TempDir Path dir) throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanView plan = r.plan();
		PlanSubjectView theory = ScoreIntegrationTest.subject(plan, "初级", "理论");
		PlanSubjectView practice = ScoreIntegrationTest.subject(plan, "初级", "实操");
		bank(org, theory, practice);
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());

		// The site enrols and the ORG builds the packages.
		ApiClient college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		String token = college.post("/api/v1/delivery/sites/" + r.site().id() + "/enrolment-token", Map.of()).text("token");
		KeyPair site = Sm2Keys.generateKeyPair();
		HttpResponse<String> enrolled = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/delivery/enrol")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("siteCode", r.site().code(),
					"token", token, "publicKey", Sm2Keys.toPem(site.getPublic())))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
		ApiClient orgApi = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		assertThat(orgApi.post("/api/v1/delivery/plans/" + plan.id() + "/packages", Map.of()).status()).isEqualTo(200);

		// The site lists its packages a week before; after the theory slot it uploads three candidates' results.
		clock.setInstant(theory.startsAt().minus(Duration.ofDays(7)));
		String theoryPackage = null;
		for (JsonNode p : json.readTree(signed("GET", "/api/v1/delivery/site/packages", r.site().code(), site).body())) {
			if (p.path("planSubjectId").asLong() == theory.id()) {
				theoryPackage = p.path("id").asString();
			}
		}
		assertThat(theoryPackage).isNotNull();
		clock.setInstant(theory.endsAt().plus(Duration.ofMinutes(5)));
		List<String> tickets = scheduling.publishedSeats(plan.id(), r.site().id()).stream()
			.filter(st -> st.planSubjectId() == theory.id()).map(Scheduling.Seated::ticketNumber).sorted().limit(3)
			.toList();
		Path result = dir.resolve("r.kwres");
		var header = ResultPackageHeader.create(theoryPackage, r.site().code(), theory.id(), 1, clock.instant());
		BigDecimal[] objective = { new BigDecimal("85.55"), new BigDecimal("59"), BigDecimal.ZERO };
		try (var out = Files.newOutputStream(result)) {
			ResultPackageWriter writer = ResultPackageWriter.start(out, header, site.getPrivate());
			for (int i = 0; i < 3; i++) {
				boolean sat = i < 2;
				writer.addCandidate(new CandidateResult(tickets.get(i), new TreeMap<>(sat ? Map.of("1v1", "A") : Map.of()),
						objective[i], List.of(), sat ? clock.instant() : null, sat ? clock.instant() : null));
			}
			writer.finish();
		}
		ChunkManifest manifest = ChunkManifest.of(result, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
		String upload = "/api/v1/delivery/site/results/" + header.resultPackageId();
		assertThat(signedBody("PUT", upload, manifest.encode(), r.site().code(), site).statusCode()).isEqualTo(200);
		for (int i = 0; i < manifest.chunkCount(); i++) {
			assertThat(signedBody("PUT", upload + "/chunks/" + i, manifest.readChunk(result, i), r.site().code(), site)
				.statusCode()).isEqualTo(200);
		}
		HttpResponse<String> done = signed("POST", upload + "/complete", r.site().code(), site);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(results.subjectResults(plan.id(), theory.id())).hasSize(3);

		// Not before the score-registration window.
		clock.setInstant(plan.scoreRegistration().opensAt().minusSeconds(1));
		assertThatThrownBy(() -> scores.registerFromResults(org, plan.id(), theory.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.status().value()).isEqualTo(409);
				assertThat(e.args()).containsExactly(plan.scoreRegistration().toString());
			});

		clock.setInstant(plan.scoreRegistration().opensAt());
		var report = scores.registerFromResults(org, plan.id(), theory.id());
		assertThat(report.created()).isEqualTo(3);
		assertThat(report.absent()).isEqualTo(1);
		assertThat(report.missing()).hasSize(41);
		assertThat(report.pending()).isEmpty();
		var list = scores.list(org, plan.id(), new ScoreManagement.Filter(theory.id(), null), PageQuery.of(1, 100));
		assertThat(list.items()).extracting(ScoreView::ticketNumber).containsExactlyElementsOf(tickets);
		assertThat(list.items().get(0).score()).as("85.55 rounded half up").isEqualByComparingTo("85.6");
		assertThat(list.items().get(0).passed()).isTrue();
		assertThat(list.items().get(1).score()).isEqualByComparingTo("59.0");
		assertThat(list.items().get(1).passed()).isFalse();
		assertThat(list.items().get(2).absent()).isTrue();
		assertThat(list.items().get(2).score()).isNull();
		assertThat(list.items()).allSatisfy(v -> {
			assertThat(v.source()).isEqualTo(ScoreSource.RESULTS);
			assertThat(scores.history(org, v.id())).hasSize(1);
		});

		// A second run, from the 成绩登记 page, changes nothing and lists who has no result; a college may not.
		cn.kaowu.platform.WebSession page = new cn.kaowu.platform.WebSession(port);
		page.login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		String registration = "/scores/registration?planId=" + plan.id();
		var posted = page.post(registration, "/scores/" + plan.id() + "/subjects/" + theory.id() + "/from-results",
				Map.of());
		assertThat(posted.status()).isEqualTo(302);
		String body = page.get(registration).body();
		assertThat(body).contains("初级理论：从考试结果登记完成，新增 0 条，修改 0 条（缺考 1 条），无考试结果 41 人")
			.contains("无考试结果：");
		assertThat(scores.history(org, list.items().get(0).id())).hasSize(1);
		cn.kaowu.platform.WebSession collegePage = new cn.kaowu.platform.WebSession(port);
		collegePage.login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(collegePage.get(registration).status()).isEqualTo(403);
		var practical = scores.registerFromResults(org, plan.id(), practice.id());
		assertThat(practical.missing()).hasSize(44);
		assertThat(practical.created()).isZero();
		var summary = scores.subjects(org, plan.id()).stream().filter(x -> x.subject().id() == theory.id()).findFirst()
			.orElseThrow();
		assertThat(summary.scored()).isEqualTo(2);
		assertThat(summary.absent()).isEqualTo(1);
		assertThat(summary.missing()).isEqualTo(41);
	}

	void bank(Scope org, PlanSubjectView theory, PlanSubjectView practice) {
		for (int i = 0; i < 10; i++) {
			bank.create(org, ItemForm.objective(theory.levelId(), theory.subjectId(), ItemType.SINGLE, "网店开设", 2, 10,
					"第 " + i + " 题：网店开设的第一步是？", List.of("实名认证", "装修", "推广"), "A"));
		}
		bank.saveBlueprint(org, theory.levelId(), theory.subjectId(),
				BlueprintForm.of(List.of(new Blueprint.Line(ItemType.SINGLE, "网店开设", 10, 10))));
		bank.create(org, ItemForm.practical(practice.levelId(), practice.subjectId(), "店铺装修", 3, 100,
				"完成店铺首页装修。", List.of(new ItemBody.Criterion("首页完整", 100))));
		bank.saveBlueprint(org, practice.levelId(), practice.subjectId(),
				BlueprintForm.of(List.of(new Blueprint.Line(ItemType.PRACTICAL, "店铺装修", 1, 100))));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private HttpRequest.Builder signedRequest(String method, String path, String siteCode, KeyPair site) {
		String time = String.valueOf(clock.millis());
		return HttpRequest.newBuilder(URI.create(url(path))).header(SiteRequest.SITE_HEADER, siteCode)
			.header(SiteRequest.TIME_HEADER, time)
			.header(SiteRequest.SIGNATURE_HEADER, SiteRequest.sign(site.getPrivate(), method, path, time))
			.method(method, HttpRequest.BodyPublishers.noBody());
	}

	private HttpResponse<String> signedBody(String method, String path, byte[] body, String siteCode, KeyPair site)
			throws Exception {
		return http.send(signedRequest(method, path, siteCode, site).header("Content-Type", "application/octet-stream")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signed(String method, String path, String siteCode, KeyPair site) throws Exception {
		return http.send(signedRequest(method, path, siteCode, site).build(), HttpResponse.BodyHandlers.ofString());
	}
}
