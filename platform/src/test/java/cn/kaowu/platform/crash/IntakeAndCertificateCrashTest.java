package cn.kaowu.platform.crash;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.certificate.CertificateMother;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 part 5, the two crash points that are requests rather than jobs: a result package's intake (the site's
 * {@code complete} after its chunks) and the generation of a plan's 证书发放名单. The data is made in this JVM (whose
 * node runs the jobs the mothers need); the request goes to a separate node ({@link PlatformNode}) that blocks before
 * its commit on the audit head the test holds ({@link CrashDatabase#holdAuditHead}) and is killed there. Then nothing
 * of it is visible, and the same request to a restarted node gives the exact end state; sent once more it changes
 * nothing.
 */
@IntegrationTest
class IntakeAndCertificateCrashTest {

	private static final Path SHARED = Path.of("target", "crash", UUID.randomUUID().toString()).toAbsolutePath();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void sharedFiles(DynamicPropertyRegistry registry) {
		PlatformNode.register(registry, SHARED);
	}

	@LocalServerPort
	int port;

	@Autowired
	CertificateMother certificateMother;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	TestWorld world;

	@Autowired
	Jobs jobs;

	@Autowired
	AuditLog audit;

	@Autowired
	AdjustableClock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	private CrashDatabase db;

	@BeforeEach
	void owner() {
		db = new CrashDatabase(postgres);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aResultIntakeKilledBeforeItsCommitTakesNothingInAndTheSitesRetryIsAcceptedOnce() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanView plan = r.plan();
		PlanSubjectView theory = subject(plan, "初级", "理论");
		PlanSubjectView practice = subject(plan, "初级", "实操");
		bank(org, theory, practice);
		scheduling.run(org, plan.id(), null);
		scheduling.publish(org, plan.id());

		// The site enrols, the ORG builds the packages, the site lists them a week before.
		ApiClient college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		String token = college.post("/api/v1/delivery/sites/" + r.site().id() + "/enrolment-token", Map.of())
			.text("token");
		KeyPair site = Sm2Keys.generateKeyPair();
		HttpResponse<String> enrolled = http.send(HttpRequest.newBuilder(URI.create(url(port, "/api/v1/delivery/enrol")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("siteCode", r.site().code(),
					"token", token, "publicKey", Sm2Keys.toPem(site.getPublic())))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
		ApiClient orgApi = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		assertThat(orgApi.post("/api/v1/delivery/plans/" + plan.id() + "/packages", Map.of()).status()).isEqualTo(200);
		clock.setInstant(theory.startsAt().minus(Duration.ofDays(7)));
		String examPackage = null;
		for (JsonNode p : JSON.readTree(signed(port, "GET", "/api/v1/delivery/site/packages", null, r.site().code(), site)
			.body())) {
			if (p.path("planSubjectId").asLong() == theory.id()) {
				examPackage = p.path("id").asString();
			}
		}
		assertThat(examPackage).isNotNull();

		// After the slot: a result package of three candidates, its manifest and chunks sent.
		clock.setInstant(theory.endsAt().plus(Duration.ofMinutes(5)));
		List<String> tickets = scheduling.publishedSeats(plan.id(), r.site().id())
			.stream()
			.filter(st -> st.planSubjectId() == theory.id())
			.map(Scheduling.Seated::ticketNumber)
			.sorted()
			.limit(3)
			.toList();
		Files.createDirectories(SHARED);
		Path result = SHARED.resolve("result.kwres");
		var header = ResultPackageHeader.create(examPackage, r.site().code(), theory.id(), 1, clock.instant());
		try (var out = Files.newOutputStream(result)) {
			ResultPackageWriter writer = ResultPackageWriter.start(out, header, site.getPrivate());
			for (int i = 0; i < 3; i++) {
				writer.addCandidate(new CandidateResult(tickets.get(i), new TreeMap<>(Map.of("1v1", "A")),
						new BigDecimal(70 + i), List.of(), clock.instant(), clock.instant()));
			}
			writer.finish();
		}
		ChunkManifest manifest = ChunkManifest.of(result, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
		String resultId = header.resultPackageId();
		String upload = "/api/v1/delivery/site/results/" + resultId;
		assertThat(signed(port, "PUT", upload, manifest.encode(), r.site().code(), site).statusCode()).isEqualTo(200);
		for (int i = 0; i < manifest.chunkCount(); i++) {
			assertThat(signed(port, "PUT", upload + "/chunks/" + i, manifest.readChunk(result, i), r.site().code(), site)
				.statusCode()).isEqualTo(200);
		}
		String pkg = examPackage;

		// "complete" on node A, killed before its commit.
		Duration offset = Duration.between(Instant.now(), clock.instant());
		crash("intake", offset,
				a -> signed(a.port(), "POST", upload + "/complete", null, r.site().code(), site).statusCode());
		assertThat(db.count("SELECT count(*) FROM result_candidate WHERE exam_package_id = ?", pkg)).isZero();
		assertThat(db.count("SELECT count(*) FROM result_room WHERE exam_package_id = ?", pkg)).isZero();
		assertThat(db.jdbc.sql("SELECT status FROM result_upload WHERE id = ?").param(resultId).query(String.class)
			.single()).isEqualTo("RECEIVING");
		assertThat(db.count("SELECT count(*) FROM result_chunk WHERE result_id = ?", resultId))
			.as("the chunks received before the crash are kept").isEqualTo(manifest.chunkCount());
		assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'result.upload' AND entity_id = ?",
				resultId)).isZero();

		// The site retries as its uploader does (manifest: nothing missing; complete) on a restarted node.
		try (PlatformNode b = PlatformNode.start("crash-intake-b", db.url(), SHARED, offset).awaitReady()) {
			HttpResponse<String> again = signed(b.port(), "PUT", upload, manifest.encode(), r.site().code(), site);
			assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
			assertThat(JSON.readTree(again.body()).path("status").asString()).isEqualTo("RECEIVING");
			assertThat(JSON.readTree(again.body()).path("missing")).isEmpty();
			HttpResponse<String> done = signed(b.port(), "POST", upload + "/complete", null, r.site().code(), site);
			assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
			assertThat(JSON.readTree(done.body()).path("status").asString()).isEqualTo("ACCEPTED");
			// Once more, as after a crash right after the commit: the manifest answers ACCEPTED, nothing changes.
			HttpResponse<String> retry = signed(b.port(), "PUT", upload, manifest.encode(), r.site().code(), site);
			assertThat(JSON.readTree(retry.body()).path("status").asString()).isEqualTo("ACCEPTED");
		}
		assertThat(db.count("SELECT count(*) FROM result_candidate WHERE exam_package_id = ?", pkg)).isEqualTo(3);
		assertThat(db.count("SELECT count(*) FROM result_chunk WHERE result_id = ?", resultId)).isZero();
		assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'result.upload' AND entity_id = ?",
				resultId)).isEqualTo(1);
		assertThat(audit.verify().intact()).as("the audit chain after the crash").isTrue();
	}

	@Test
	void aCertificateListKilledBeforeItsCommitHasNoRowsAndIsGeneratedExactlyOnceAfterTheRestart() throws Exception {
		CertificateMother.World w = certificateMother.lockedPlan();
		long planId = w.plan().id();
		Duration offset = Duration.between(Instant.now(), clock.instant());
		String generate = "/api/v1/certificates/plans/" + planId + "/issues";

		crash("certificates", offset, a -> new ApiClient(a.port()).login(w.org().username(), TestWorld.PASSWORD)
			.post(generate, Map.of())
			.status());
		assertThat(db.count("SELECT count(*) FROM certificate_issue WHERE plan_id = ?", planId)).isZero();
		assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'certificate.generate' AND entity_id = ?",
				String.valueOf(planId))).isZero();

		try (PlatformNode b = PlatformNode.start("crash-certificates-b", db.url(), SHARED, offset).awaitReady()) {
			ApiClient org = new ApiClient(b.port()).login(w.org().username(), TestWorld.PASSWORD);
			ApiClient.Response first = org.post(generate, Map.of());
			assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
			assertThat(first.body().path("added").asInt()).isEqualTo(2);
			assertThat(first.body().path("total").asInt()).isEqualTo(2);
			ApiClient.Response second = org.post(generate, Map.of());
			assertThat(second.body().path("added").asInt()).isZero();
			assertThat(second.body().path("total").asInt()).isEqualTo(2);
		}
		assertThat(db.count("SELECT count(*) FROM certificate_issue WHERE plan_id = ?", planId)).isEqualTo(2);
		assertThat(audit.verify().intact()).as("the audit chain after the crash").isTrue();
	}

	/** A request that changes something, sent to a node (answers its HTTP status). */
	private interface Request {

		int send(PlatformNode node) throws Exception;

	}

	/**
	 * Node A (clock at {@code offset}) gets {@code request} while the test holds the audit head; once A's backend waits
	 * there with its rows written, A is killed; the lock is released and the dead transaction ends.
	 */
	private void crash(String name, Duration offset, Request request) throws Exception {
		PlatformNode a = PlatformNode.start("crash-" + name + "-a", db.url(), SHARED, offset).awaitReady();
		CompletableFuture<Object> answer;
		try (Connection lock = db.holdAuditHead()) {
			try {
				answer = CompletableFuture.supplyAsync(() -> {
					try {
						return request.send(a);
					}
					catch (Exception e) {
						return e;
					}
				});
				CrashDatabase.await(a, "node A blocked in the request's transaction with rows written",
						db::writerWaitingOnAuditHead);
			}
			finally {
				a.kill();
			}
			lock.rollback();
		}
		Object answered = answer.get(2, TimeUnit.MINUTES);
		assertThat(answered).as("the request cut by the kill got no success").isNotEqualTo(200);
		db.awaitDeadTransactionGone();
	}

	private HttpResponse<String> signed(int to, String method, String path, byte[] body, String siteCode, KeyPair site)
			throws Exception {
		String time = String.valueOf(clock.millis());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(to, path)))
			.header(SiteRequest.SITE_HEADER, siteCode)
			.header(SiteRequest.TIME_HEADER, time)
			.header(SiteRequest.SIGNATURE_HEADER, SiteRequest.sign(site.getPrivate(), method, path, time));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/octet-stream")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

	private void bank(Scope org, PlanSubjectView theory, PlanSubjectView practice) {
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

	private static PlanSubjectView subject(PlanView plan, String level, String name) {
		return plan.subjects()
			.stream()
			.filter(s -> s.level().label().equals(level) && s.subjectName().equals(name))
			.findFirst()
			.orElseThrow();
	}
}
