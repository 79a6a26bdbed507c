package cn.kaowu.platform.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.ExamSiteProcess;
import cn.kaowu.platform.ExamSiteProcess.SiteNetwork;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, "done when": a whole slot with the platform and the exam-site server as separate processes — the site in
 * its own network namespace where the machine allows it ({@link SiteNetwork}). The platform runs in this JVM (its
 * clock moved by the test); the packaged site jar runs beside it on its own embedded PostgreSQL with its clock at
 * the same instant, restarted on the same data directory for each phase of the day (which also shows that nothing
 * of an exam lives in the site's memory):
 * <ol>
 * <li>two days before: the site enrols with the college's one-time code, the ORG builds the packages, the site
 * downloads them; the release key is refused;</li>
 * <li>T-29 min: the site fetches the release key and builds the papers; three candidates sign in (Chromium) and
 * wait;</li>
 * <li>start + 2 min: they sign in again (a restarted server), answer — one all right, one half right, one
 * nothing — and every change is saved;</li>
 * <li>the proctors extend the first by 3 minutes, warn the second and disqualify the third;</li>
 * <li>end − 10 min: the first two submit and get their receipts;</li>
 * <li>end + 4 min: a room is sealed, the site exports the result package and uploads it in chunks; the ORG sees
 * 已上传, the three objective scores, the extension, the warning and the disqualification on the platform, the
 * others 缺考.</li>
 * </ol>
 */
class WholeSlotTwoProcessBrowserTest extends BrowserTestSupport {

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	AdjustableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aWholeSlotRunsFromPackageDownloadToScoresOnThePlatform() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanSubjectView theory = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "理论");
		PlanSubjectView practice = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "实操");
		DeliveryIntegrationTest.bank(bank, org, theory, practice);
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());
		List<Scheduling.Seated> seated = scheduling.publishedSeats(r.plan().id(), r.site().id())
			.stream()
			.filter(x -> x.planSubjectId() == theory.id())
			.limit(3)
			.toList();

		Instant start = theory.startsAt();
		Instant end = theory.endsAt();
		Path dataDir = Path.of("target", "two-process", UUID.randomUUID().toString()).toAbsolutePath();
		try (SiteNetwork network = SiteNetwork.create()) {
			// 1. Two days before: enrol, build, download; no key yet.
			clock.setInstant(start.minus(Duration.ofDays(2)));
			// (API tokens live 12 h on the platform's clock: log in after each jump of it.)
			ApiClient college = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
			ApiClient orgApi = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
			String token = college.post("/api/v1/delivery/sites/" + r.site().id() + "/enrolment-token", Map.of())
				.text("token");
			String packageId;
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				assertThat(site.adminPost("/admin/enrol", Map.of("platformUrl",
						"http://" + network.hostAddress() + ":" + port, "siteCode", r.site().code(), "token", token)))
					.contains("已在平台注册");
				ApiClient.Response built = orgApi.post("/api/v1/delivery/plans/" + r.plan().id() + "/packages", Map.of());
				assertThat(built.status()).as(built.body().toString()).isEqualTo(200);
				assertThat(site.adminPost("/admin/sync", Map.of())).contains("已从平台下载考试包 2 个");
				packageId = theoryPackage(orgApi, r.plan().id(), theory.id());
				assertThat(site.adminPost("/admin/packages/" + packageId + "/fetch-key", Map.of()))
					.contains("平台未发放解密密钥").contains("开考前 30 分钟");
			}

			// 2. T-29 min: the release key, the papers; candidates sign in and wait for the start.
			clock.setInstant(start.minus(Duration.ofMinutes(29)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				assertThat(site.adminPost("/admin/packages/" + packageId + "/fetch-key", Map.of()))
					.contains("已从平台获取解密密钥").contains("44 名考生的试卷已生成");
				for (Scheduling.Seated candidate : seated) {
					try (BrowserContext c = candidateContext()) {
						Page p = signIn(c.newPage(), site, candidate);
						p.click("#confirm");
						assertThat(p.locator("#waiting h1")).hasText("考试尚未开始");
					}
				}
			}

			// 3. Start + 2 min (the server restarted): sign in again, answer; every change is saved.
			clock.setInstant(start.plus(Duration.ofMinutes(2)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				for (int i = 0; i < seated.size(); i++) {
					try (BrowserContext c = candidateContext()) {
						Page p = signIn(c.newPage(), site, seated.get(i));
						p.click("#confirm");
						Locator items = p.locator("fieldset.item");
						assertThat(items).hasCount(10);
						int right = i == 0 ? 10 : (i == 1 ? 5 : 0);
						for (int k = 0; k < right; k++) {
							Locator correct = items.nth(k)
								.locator("label.option", new Locator.LocatorOptions().setHasText("实名认证"));
							// Each change is saved at once; wait for the acknowledgement before the next.
							p.waitForResponse(res -> res.url().endsWith("/exam/save") && res.status() == 200,
									correct::click);
							assertThat(p.locator("#save-status")).containsText("已保存");
						}
						if (i == 0) {
							screenshot(p, "two-process-03-answering");
						}
					}
				}

				// The proctors: a 3-minute extension for the first (a PC swap), a warning for the second, the third
				// disqualified (signed by the invigilators, the candidate refusing).
				String room = seated.get(0).roomName();
				assertThat(site.adminPost("/admin/packages/" + packageId + "/extensions", Map.of("roomCode", room,
						"ticketNumber", seated.get(0).ticketNumber(), "minutes", "3", "reason", "考试机故障更换",
						"chiefExaminer", "王主考", "patrol", "李巡考", "approvalCode", ""))).contains("延时");
				assertThat(site.adminPost("/admin/packages/" + packageId + "/incidents", Map.of("roomCode",
						seated.get(1).roomName(), "ticketNumber", seated.get(1).ticketNumber(), "kind", "WARNING",
						"description", "交头接耳", "candidateSigned", "true", "invigilators", ""))).contains("警告已记录");
				assertThat(site.adminPost("/admin/packages/" + packageId + "/incidents", Map.of("roomCode",
						seated.get(2).roomName(), "ticketNumber", seated.get(2).ticketNumber(), "kind",
						"DISQUALIFICATION", "description", "携带手机", "invigilators", "监考员甲、监考员乙")))
					.contains("取消考试资格已记录");
			}

			// 4. End − 10 min: the first two submit (the first's window opens 3 minutes later), receipts.
			clock.setInstant(end.minus(Duration.ofMinutes(10)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				for (Scheduling.Seated candidate : seated.subList(0, 2)) {
					try (BrowserContext c = candidateContext()) {
						Page p = signIn(c.newPage(), site, candidate);
						p.click("#confirm");
						p.onDialog(d -> d.accept());
						p.click("#submit");
						assertThat(p.locator("h1")).hasText("已交卷");
						assertThat(p.locator("#receipt")).hasText(Pattern.compile("[0-9A-F]{4}(-[0-9A-F]{4}){4}"));
					}
				}
			}

			// 5. End + 4 min (after the extended end): seal, export, upload in chunks, scores on the platform.
			clock.setInstant(end.plus(Duration.ofMinutes(4)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				assertThat(site.adminPost("/admin/packages/" + packageId + "/seals", Map.of("roomCode",
						seated.get(0).roomName(), "trialRun", "true", "systemChecked", "true", "powerAndMonitoring",
						"true", "signInSheetMatches", "true", "systemAdministrator", "张管理", "examStaff", "赵考务")))
					.contains("封场");
				var export = site.post("/admin/packages/" + packageId + "/results", Map.of());
				assertThat(export.statusCode()).as(ExamSiteProcess.class.getSimpleName() + " export").isEqualTo(200);
				ApiClient orgLater = new ApiClient(port).login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
				JsonNode intake = orgLater.get("/api/v1/delivery/plans/" + r.plan().id() + "/intake").body();
				JsonNode ours = null;
				for (JsonNode p : intake) {
					if (p.path("packageId").asString().equals(packageId)) {
						ours = p;
					}
				}
				assertThat(ours).as("intake of " + packageId + " in " + intake).isNotNull();
				assertThat(ours.path("state").asString()).as(site.log()).isEqualTo("UPLOADED");
				assertThat(ours.path("signedIn").asInt()).isEqualTo(3);
				assertThat(ours.path("submitted").asInt()).isEqualTo(2);
				assertThat(ours.path("uploaded").asInt()).isEqualTo(44);
				assertThat(ours.path("flagged").asInt()).isZero();
			}

			login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
			page.navigate(url("/results?planId=" + r.plan().id()));
			assertThat(page.locator("tr[data-package='" + packageId + "'] .state")).hasText("已上传");
			page.navigate(url("/results/" + r.plan().id() + "/" + packageId));
			String[] scores = { "100.0", "50.0", "0.0" };
			for (int i = 0; i < seated.size(); i++) {
				assertThat(page.locator("tr[data-ticket='" + seated.get(i).ticketNumber() + "'] .score"))
					.hasText(scores[i]);
			}
			assertThat(page.locator("tr[data-ticket='" + seated.get(0).ticketNumber() + "']")).containsText("延时 3 分钟");
			assertThat(page.locator("tr[data-ticket='" + seated.get(1).ticketNumber() + "']")).containsText("警告 1 次");
			assertThat(page.locator("tr[data-ticket='" + seated.get(2).ticketNumber() + "']")).containsText("取消考试资格");
			assertThat(page.locator("#reconciliation-table .gap", new Page.LocatorOptions().setHasText("缺考")))
				.hasCount(41);
			screenshot("two-process-05-platform-scores");
			System.out.println("two-process slot: site in its own network namespace = " + network.isolated());
		}
	}

	private BrowserContext candidateContext() {
		Browser browser = page.context().browser();
		BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai"));
		c.setDefaultTimeout(15_000);
		return c;
	}

	private static Page signIn(Page p, ExamSiteProcess site, Scheduling.Seated candidate) {
		p.navigate(site.url("/"));
		p.fill("#ticketNumber", candidate.ticketNumber());
		p.fill("#password", candidate.ticketNumber().substring(candidate.ticketNumber().length() - 6));
		p.click("button[type=submit]");
		assertThat(p.locator("#name")).hasText(candidate.name());
		return p;
	}

	private static void screenshot(Page p, String name) {
		p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png"))
			.setFullPage(true));
	}

	private static String theoryPackage(ApiClient orgApi, long planId, long planSubjectId) {
		for (JsonNode p : orgApi.get("/api/v1/delivery/plans/" + planId + "/packages").body()) {
			if (p.path("planSubjectId").asLong() == planSubjectId) {
				return p.path("id").asString();
			}
		}
		throw new AssertionError("no package for plan subject " + planSubjectId);
	}
}
