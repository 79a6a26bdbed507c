package cn.kaowu.platform.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ExamPackageContents;
import cn.kaowu.exampackage.PackageCandidate;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.ExamPackageReader;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.SiteRequest;
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
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DeliveryIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	Delivery delivery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@Autowired
	cn.kaowu.platform.storage.FileStorage files;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aSiteEnrolsDownloadsItsSignedPackageAndGetsTheKeyFromThirtyMinutesBefore(@TempDir Path dir) throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanSubjectView theory = subject(r.plan().subjects(), "初级", "理论");
		PlanSubjectView practice = subject(r.plan().subjects(), "初级", "实操");
		bank(bank, org, theory, practice);
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());

		// The college creates an enrolment code; the site server enrols with its SM2 key.
		ApiClient college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		String token = college.post("/api/v1/delivery/sites/" + r.site().id() + "/enrolment-token", Map.of()).text("token");
		KeyPair site = Sm2Keys.generateKeyPair();
		assertThat(post("/api/v1/delivery/enrol", Map.of("siteCode", r.site().code(), "token", "wrong", "publicKey",
				Sm2Keys.toPem(site.getPublic()))).statusCode()).isEqualTo(422);
		HttpResponse<String> enrolled = post("/api/v1/delivery/enrol", Map.of("siteCode", r.site().code(), "token", token,
				"publicKey", Sm2Keys.toPem(site.getPublic())));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
		var platformKey = Sm2Keys.publicKeyFromPem(json.readTree(enrolled.body()).path("platformPublicKey").asString());
		assertThat(post("/api/v1/delivery/enrol", Map.of("siteCode", r.site().code(), "token", token, "publicKey",
				Sm2Keys.toPem(site.getPublic()))).statusCode()).as("the code is used up").isEqualTo(422);

		// Only the plan's ORG builds: two packages (初级理论, 初级实操); 中级 has no blueprint and is reported.
		assertThat(college.post("/api/v1/delivery/plans/" + r.plan().id() + "/packages", Map.of()).status()).isEqualTo(403);
		ApiClient orgApi = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		ApiClient.Response built = orgApi.post("/api/v1/delivery/plans/" + r.plan().id() + "/packages", Map.of());
		assertThat(built.status()).as(built.body().toString()).isEqualTo(200);
		assertThat(built.body().path("packages").asInt()).isEqualTo(2);
		assertThat(built.body().path("skipped").toString()).contains("组卷规则未设置或题库试题不足");

		// From a week before the exam the site lists and downloads with signed requests; a bad signature is refused.
		assertThat(json.readTree(signed("GET", "/api/v1/delivery/site/packages", r.site().code(), site).body()))
			.as("nothing to download earlier").isEmpty();
		clock.setInstant(practice.startsAt().minus(Duration.ofDays(7)));
		HttpResponse<String> list = signed("GET", "/api/v1/delivery/site/packages", r.site().code(), site);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		JsonNode packages = json.readTree(list.body());
		assertThat(packages).hasSize(2);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/delivery/site/packages")))
			.header("X-Kaowu-Site", r.site().code()).header("X-Kaowu-Time", String.valueOf(clock.millis()))
			.header("X-Kaowu-Signature", Base64.getEncoder().encodeToString(new byte[64])).GET().build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		String theoryPackage = null;
		for (JsonNode p : packages) {
			if (p.path("planSubjectId").asLong() == theory.id()) {
				theoryPackage = p.path("id").asString();
			}
		}
		HttpResponse<byte[]> file = signedBytes("/api/v1/delivery/site/packages/" + theoryPackage, r.site().code(), site);
		assertThat(file.statusCode()).isEqualTo(200);
		Path path = dir.resolve("p.kwpkg");
		Files.write(path, file.body());
		ExamPackageReader reader = ExamPackageReader.verify(path, platformKey);
		assertThat(reader.manifest().planSubjectId()).isEqualTo(theory.id());
		assertThat(reader.manifest().subjectName()).isEqualTo("理论");
		assertThat(reader.manifest().subjectKind()).isEqualTo(cn.kaowu.exampackage.SubjectKind.THEORY);

		// The release key: refused at T-31 min, given at T-30.
		String release = "/api/v1/delivery/site/packages/" + theoryPackage + "/release";
		clock.setInstant(theory.startsAt().minus(Duration.ofMinutes(31)));
		assertThat(signed("POST", release, r.site().code(), site).statusCode()).isEqualTo(409);
		clock.setInstant(theory.startsAt().minus(Duration.ofMinutes(30)));
		HttpResponse<String> key = signed("POST", release, r.site().code(), site);
		assertThat(key.statusCode()).as(key.body()).isEqualTo(200);
		byte[] releaseKey = Base64.getDecoder().decode(json.readTree(key.body()).path("releaseKey").asString());
		ExamPackageContents contents = reader.readAll(site.getPrivate(), releaseKey);
		assertThat(contents.candidates()).hasSize(44);
		assertThat(contents.papers()).hasSize(44);
		// Room and seat as the published schedule placed each candidate.
		Map<String, Scheduling.Seated> seated = new java.util.HashMap<>();
		scheduling.publishedSeats(r.plan().id(), r.site().id()).stream().filter(st -> st.planSubjectId() == theory.id())
			.forEach(st -> seated.put(st.ticketNumber(), st));
		assertThat(contents.candidates()).allSatisfy(c -> {
			assertThat(c.roomCode()).isEqualTo(seated.get(c.ticketNumber()).roomName());
			assertThat(c.seatNumber()).isEqualTo(seated.get(c.ticketNumber()).seatNumber()).isPositive();
		});
		assertThat(contents.papers().values()).allSatisfy(p -> assertThat(p.sections().getFirst().itemIds()).hasSize(10));
		// The items are in the format the site reads: the bank's answer key travels as the option key.
		var first = contents.items().values().iterator().next();
		var payload = cn.kaowu.exampackage.ItemPayload.decode(first.itemId(), first.payload());
		assertThat(payload.type()).isEqualTo(cn.kaowu.exampackage.ItemType.SINGLE_CHOICE);
		assertThat(payload.answerKey()).containsExactly("A");
		assertThat(payload.optionText("A")).contains("实名认证");

		// The ORG's emergency code opens the same package without the network.
		orgApi = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		String code = orgApi.get("/api/v1/delivery/packages/" + theoryPackage + "/emergency-code").text("code");
		assertThat(reader.releaseKeyFromEmergencyCode(site.getPrivate(), code)).isEqualTo(releaseKey);
		assertThat(jdbc.sql("SELECT via FROM package_release WHERE package_id = ? ORDER BY id").param(theoryPackage)
			.query(String.class).list()).containsExactly("SITE", "EMERGENCY_CODE");

		// The ORG's extension approval code is the one the site checks with the key derived from the release key.
		ApiClient.Response extension = orgApi.post("/api/v1/delivery/packages/" + theoryPackage + "/extension-code",
				Map.of("target", "room:" + contents.candidates().getFirst().roomCode(), "minutes", 20));
		assertThat(extension.status()).as(extension.body().toString()).isEqualTo(200);
		String extensionCode = extension.text("code");
		assertThat(extensionCode).matches("\\d{5}-\\d{5}");
		cn.kaowu.exampackage.ExtensionApproval.check(cn.kaowu.exampackage.ExtensionApproval.siteKey(releaseKey,
				theoryPackage), theoryPackage, "room:" + contents.candidates().getFirst().roomCode(), 20, extensionCode);
		assertThat(orgApi.post("/api/v1/delivery/packages/" + theoryPackage + "/extension-code",
				Map.of("target", "seat:1", "minutes", 20)).status()).isEqualTo(422);
		college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(college.post("/api/v1/delivery/packages/" + theoryPackage + "/extension-code",
				Map.of("target", "room:101", "minutes", 20)).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'delivery.extension' AND entity_id = ?")
			.param(theoryPackage).query(Long.class).single()).isEqualTo(1);

		// Results back: a signed result package of three candidates, uploaded in 1 KiB chunks, out of order, with a
		// tampered chunk refused and a repeated one harmless; completed only when nothing is missing.
		Path result = dir.resolve("r.kwres");
		var header = ResultPackageHeader.create(theoryPackage, r.site().code(), theory.id(), 1, clock.instant());
		try (var out = Files.newOutputStream(result)) {
			ResultPackageWriter writer = ResultPackageWriter.start(out, header, site.getPrivate());
			var tickets = contents.candidates().stream().map(PackageCandidate::ticketNumber).limit(3).toList();
			for (int i = 0; i < 3; i++) {
				var answers = new java.util.TreeMap<String, String>(Map.of("1v1", "A"));
				writer.addCandidate(new CandidateResult(tickets.get(i), i == 2 ? new java.util.TreeMap<>() : answers,
						java.math.BigDecimal.valueOf(i == 2 ? 0 : 10),
						i == 0 ? List.of(new CandidateResult.Upload("1v1", "作品.png", new byte[4000])) : List.of(),
						i == 2 ? null : clock.instant(),
						i == 2 ? null : clock.instant()));
			}
			writer.finish();
		}
		ChunkManifest manifest = ChunkManifest.of(result, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
		assertThat(manifest.chunkCount()).isGreaterThan(1);
		String upload = "/api/v1/delivery/site/results/" + header.resultPackageId();
		assertThat(signedBody("PUT", upload, manifest.encode(), r.site().code(), site).statusCode()).isEqualTo(200);
		int last = manifest.chunkCount() - 1;
		assertThat(signedBody("PUT", upload + "/chunks/" + last, manifest.readChunk(result, last), r.site().code(), site)
			.statusCode()).isEqualTo(200);
		byte[] tampered = manifest.readChunk(result, 0);
		tampered[0] ^= 1;
		assertThat(signedBody("PUT", upload + "/chunks/0", tampered, r.site().code(), site).statusCode()).isEqualTo(422);
		assertThat(signed("POST", upload + "/complete", r.site().code(), site).statusCode()).as("chunks missing")
			.isEqualTo(409);
		for (int i = 0; i <= last; i++) {
			assertThat(signedBody("PUT", upload + "/chunks/" + i, manifest.readChunk(result, i), r.site().code(), site)
				.statusCode()).isEqualTo(200);
		}
		HttpResponse<String> done = signed("POST", upload + "/complete", r.site().code(), site);
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(json.readTree(done.body()).path("status").asString()).isEqualTo("ACCEPTED");
		// The accepted package is kept whole, as the site signed it (practical uploads are graded from it).
		java.util.UUID kept = jdbc.sql("SELECT file_id FROM result_upload WHERE id = ?").param(header.resultPackageId())
			.query(java.util.UUID.class).single();
		assertThat(files.read(kept)).isEqualTo(Files.readAllBytes(result));

		// A replay of the same sequence under another id is refused.
		Path replay = dir.resolve("replay.kwres");
		var replayHeader = ResultPackageHeader.create(theoryPackage, r.site().code(), theory.id(), 1, clock.instant());
		try (var out = Files.newOutputStream(replay)) {
			ResultPackageWriter writer = ResultPackageWriter.start(out, replayHeader, site.getPrivate());
			writer.finish();
		}
		ChunkManifest replayManifest = ChunkManifest.of(replay, replayHeader.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
		String replayUpload = "/api/v1/delivery/site/results/" + replayHeader.resultPackageId();
		signedBody("PUT", replayUpload, replayManifest.encode(), r.site().code(), site);
		for (int i = 0; i < replayManifest.chunkCount(); i++) {
			signedBody("PUT", replayUpload + "/chunks/" + i, replayManifest.readChunk(replay, i), r.site().code(), site);
		}
		assertThat(signed("POST", replayUpload + "/complete", r.site().code(), site).statusCode()).isEqualTo(422);

		// The ORG sees the intake and the gaps per candidate.
		JsonNode intake = orgApi.get("/api/v1/delivery/plans/" + r.plan().id() + "/intake").body();
		JsonNode theoryIntake = null;
		for (JsonNode p : intake) {
			if (p.path("packageId").asString().equals(theoryPackage)) {
				theoryIntake = p;
			}
		}
		assertThat(theoryIntake.path("state").asString()).isEqualTo("UPLOADED");
		assertThat(theoryIntake.path("registered").asInt()).isEqualTo(44);
		assertThat(theoryIntake.path("uploaded").asInt()).isEqualTo(3);
		assertThat(theoryIntake.path("submitted").asInt()).isEqualTo(2);
		JsonNode rows = orgApi.get("/api/v1/delivery/plans/" + r.plan().id() + "/packages/" + theoryPackage
				+ "/reconciliation").body();
		int notInResult = 0;
		int absent = 0;
		for (JsonNode row : rows) {
			String gaps = row.path("gaps").toString();
			notInResult += row.path("uploaded").asBoolean() ? 0 : 1;
			if (gaps.contains("MISSING_FROM_RESULT")) {
				assertThat(row.path("flagged").asBoolean()).isTrue();
			}
			if (gaps.contains("ABSENT")) {
				absent++;
				assertThat(row.path("objectiveScore").isNull()).as("an absent candidate has no score").isTrue();
				assertThat(row.path("flagged").asBoolean()).as("absence is recorded, not a gap").isFalse();
			}
			else if (row.path("uploaded").asBoolean()) {
				assertThat(row.path("objectiveScore").decimalValue()).isEqualByComparingTo("10");
				assertThat(row.path("files").asInt()).isEqualTo(
						row.path("ticketNumber").asString().equals(contents.candidates().get(0).ticketNumber()) ? 1 : 0);
				assertThat(row.path("gaps")).isEmpty();
			}
		}
		assertThat(notInResult).isEqualTo(41);
		assertThat(absent).isEqualTo(1);
		assertThat(theoryIntake.path("flagged").asInt()).isEqualTo(41);

		// The same on the 成绩回收 pages; a college's account sees neither.
		cn.kaowu.platform.WebSession page = new cn.kaowu.platform.WebSession(port);
		page.login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		var intakePage = page.get("/results?planId=" + r.plan().id());
		assertThat(intakePage.status()).isEqualTo(200);
		assertThat(intakePage.body()).contains(theoryPackage).contains("已上传");
		var detail = page.get("/results/" + r.plan().id() + "/" + theoryPackage + "?flagged=true");
		assertThat(detail.body()).contains("成绩包中无此考生").doesNotContain("data-ticket=\"" + contents.candidates().get(0).ticketNumber() + "\"");
		assertThat(page.get("/results/" + r.plan().id() + "/" + theoryPackage).body())
			.contains("data-ticket=\"" + contents.candidates().get(0).ticketNumber() + "\"").contains("10.0").contains("缺考");
		cn.kaowu.platform.WebSession collegePage = new cn.kaowu.platform.WebSession(port);
		collegePage.login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(collegePage.get("/results/" + r.plan().id() + "/" + theoryPackage).status()).isIn(403, 404);

		// Another ORG does not see the plan.
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		long plan = r.plan().id();
		assertThatThrownBy(() -> delivery.build(otherOrg, plan))
			.isInstanceOf(cn.kaowu.platform.kernel.NotFoundProblem.class);
		String pkg = theoryPackage;
		assertThatThrownBy(() -> delivery.extensionCode(otherOrg, pkg, "room:101", 20))
			.isInstanceOf(cn.kaowu.platform.kernel.NotFoundProblem.class);
	}

	/** 10 单选 of 10 points for 初级理论 and one 实操 task for 初级实操, each with a satisfied blueprint. */
	static void bank(BankManagement bank, Scope org, PlanSubjectView theory, PlanSubjectView practice) {
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

	static PlanSubjectView subject(List<PlanSubjectView> subjects, String level, String name) {
		return subjects.stream().filter(s -> s.level().label().equals(level) && s.subjectName().equals(name)).findFirst()
			.orElseThrow();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
				HttpResponse.BodyHandlers.ofString());
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

	private HttpResponse<byte[]> signedBytes(String path, String siteCode, KeyPair site) throws Exception {
		return http.send(signedRequest("GET", path, siteCode, site).build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
