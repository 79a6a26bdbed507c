package cn.kaowu.platform.delivery;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.Benchmarks;
import cn.kaowu.platform.ExamSiteProcess;
import cn.kaowu.platform.ExamSiteProcess.SiteNetwork;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.ThrottlingProxy;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.schedule.Scheduling;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/site-upload (issue 6): the results of 400 candidates of a practical slot — each with a work file uploaded
 * on the exam-site server (default 100 KiB, {@code -DworkKb}) — go from the packaged site server (its own process,
 * its own network namespace where allowed) to the platform through a link limited to 10 Mbit/s
 * ({@link ThrottlingProxy}, {@code -Dmbit}). Run 1 is a clean upload (the figure); run 2 exports again and the link
 * is cut half-way (connections reset, new ones refused for 8 s): the site retries by itself and resumes with the
 * chunks the platform still lacks. The baseline is the same number of bytes PUT through the same proxy to a sink,
 * so the ratio says what chunking, signing and verification cost on top of the wire. Prints
 * {@code site-upload: candidates=N seconds=S resumed=yes missing=0 …}. Not a test: nothing asserts on time.
 */
public final class SiteUploadBenchmark {

	static final int CANDIDATES = Integer.getInteger("candidates", 400);

	static final int WORK_KB = Integer.getInteger("workKb", 100);

	static final int MBIT = Integer.getInteger("mbit", 10);

	public static void main(String[] args) {
		Benchmarks.run(ctx -> {
			try {
				run(ctx);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	static void run(ConfigurableApplicationContext ctx) throws Exception {
		var beans = ctx.getAutowireCapableBeanFactory();
		// The test's Object Mothers, made by the bench's context (they are not beans outside the tests).
		((org.springframework.beans.factory.config.ConfigurableListableBeanFactory) beans).registerSingleton("testWorld",
				beans.createBean(TestWorld.class));
		EnrollmentMother mother = beans.createBean(EnrollmentMother.class);
		EnrollmentManagement enrollment = ctx.getBean(EnrollmentManagement.class);
		RoomManagement rooms = ctx.getBean(RoomManagement.class);
		Scheduling scheduling = ctx.getBean(Scheduling.class);
		BankManagement bank = ctx.getBean(BankManagement.class);
		Delivery delivery = ctx.getBean(Delivery.class);
		AdjustableClock clock = ctx.getBean(AdjustableClock.class);
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

		// The world: one site, CANDIDATES registered for 初级, rooms of 200, a scheduled and published plan.
		long setupStart = System.nanoTime();
		EnrollmentMother.Ready r = mother.ready(CANDIDATES + 10);
		Scope college = r.college();
		Scope org = r.setting().orgScope();
		for (int i = 0; i < CANDIDATES; i++) {
			CandidateView c = mother.verified(college, CandidateKind.COLLEGE, i);
			enrollment.register(college, RegistrationForm.of(r.plan().id(), c.id(),
					r.level(CertificateLevel.JUNIOR), r.site().id()));
		}
		PlanSubjectView theory = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "理论");
		PlanSubjectView practice = DeliveryIntegrationTest.subject(r.plan().subjects(), "初级", "实操");
		for (int k = 0; k * 200 < CANDIDATES; k++) {
			rooms.create(college, r.plan().id(), r.site().id(),
					RoomForm.of("机房" + (k + 1), "明德楼 30" + (k + 1), null, 200, List.of(theory.id())));
			rooms.create(college, r.plan().id(), r.site().id(),
					RoomForm.of("实训室" + (k + 1), "实训楼 10" + (k + 1), null, 200, List.of(practice.id())));
		}
		DeliveryIntegrationTest.bank(bank, org, theory, practice);
		clock.setInstant(r.plan().scheduling().opensAt());
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());
		List<Scheduling.Seated> seated = scheduling.publishedSeats(r.plan().id(), r.site().id())
			.stream()
			.filter(s -> s.planSubjectId() == practice.id())
			.toList();
		System.out.printf("setup: %d candidates registered and scheduled in %.0f s%n", seated.size(),
				(System.nanoTime() - setupStart) / 1e9);

		Path dataDir = Path.of("platform", "target", "bench-site", UUID.randomUUID().toString()).toAbsolutePath();
		try (SiteNetwork network = SiteNetwork.create();
				ThrottlingProxy link = new ThrottlingProxy(InetAddress.getByName("0.0.0.0"),
						new InetSocketAddress("127.0.0.1", port), MBIT * 1_000_000L)) {
			String platformUrl = "http://" + network.hostAddress() + ":" + link.port();
			System.out.println("site server: " + (network.isolated() ? "own network namespace" : "loopback")
					+ ", link " + MBIT + " Mbit/s through " + platformUrl);

			// Two days before: enrol, build, download (through the same slow link).
			clock.setInstant(practice.startsAt().minus(Duration.ofDays(2)));
			ApiClient collegeApi = new ApiClient(port).login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
			String token = collegeApi.post("/api/v1/delivery/sites/" + r.site().id() + "/enrolment-token", Map.of())
				.text("token");
			String packageId;
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				site.adminPost("/admin/enrol", Map.of("platformUrl", platformUrl, "siteCode", r.site().code(),
						"token", token));
				delivery.build(org, r.plan().id());
				site.adminPost("/admin/sync", Map.of());
				packageId = delivery.packagesOfOwnPlan(org, r.plan().id())
					.stream()
					.filter(p -> p.planSubjectId() == practice.id())
					.findFirst()
					.orElseThrow()
					.id();
			}

			// The slot: the key, every candidate signs in and uploads a work file.
			clock.setInstant(practice.startsAt().plus(Duration.ofMinutes(2)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				String opened = site.adminPost("/admin/packages/" + packageId + "/fetch-key", Map.of());
				System.out.println("site: " + opened);
				long t = System.nanoTime();
				sit(site, seated);
				System.out.printf("site: %d candidates signed in and uploaded %d KiB each in %.0f s%n", seated.size(),
						WORK_KB, (System.nanoTime() - t) / 1e9);
			}

			// After the slot: export and upload (run 1), then again with the link cut half-way (run 2).
			clock.setInstant(practice.endsAt().plus(Duration.ofMinutes(1)));
			try (ExamSiteProcess site = ExamSiteProcess.start(network, dataDir, clock.instant())) {
				long t = System.nanoTime();
				HttpResponse<byte[]> export = site.postForBytes("/admin/packages/" + packageId + "/results", Map.of());
				double seconds = (System.nanoTime() - t) / 1e9;
				if (export.statusCode() != 200) {
					throw new IllegalStateException("export answered " + export.statusCode() + "\n" + site.log());
				}
				long size = export.body().length;
				String first = latestAccepted(jdbc, packageId);
				if (first == null) {
					throw new IllegalStateException("run 1 not accepted by the platform\n" + site.log());
				}
				System.out.printf("run 1: %.1f MB in %.1f s%n", size / 1e6, seconds);

				double baseline = baseline(size);
				System.out.printf("baseline: the same bytes through the same link in %.1f s%n", baseline);

				long before = link.bytesUp();
				long t2 = System.nanoTime();
				ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
				Future<HttpResponse<byte[]>> second = background
					.submit(() -> site.postForBytes("/admin/packages/" + packageId + "/results", Map.of()));
				while (link.bytesUp() - before < size / 2 && !second.isDone()) {
					Thread.sleep(50);
				}
				long atCut = link.bytesUp() - before;
				link.cut();
				Thread.sleep(8_000);
				link.restore();
				long afterRestore = link.bytesUp();
				HttpResponse<byte[]> again = second.get();
				double resumedSeconds = (System.nanoTime() - t2) / 1e9;
				long sentAfterCut = link.bytesUp() - afterRestore;
				background.close();
				String latest = latestAccepted(jdbc, packageId);
				boolean accepted = again.statusCode() == 200 && latest != null && !latest.equals(first);
				// Resumed, not restarted: after the cut well under the whole package went up again.
				boolean resumed = accepted && atCut > 0 && sentAfterCut < size * 0.75;
				long missing = seated.size() - (latest == null ? 0
						: jdbc.sql("SELECT count(*) FROM result_candidate WHERE exam_package_id = ? AND result_id = ?")
							.params(packageId, latest)
							.query(Long.class)
							.single());
				System.out.printf("run 2: cut after %.1f MB, %.1f MB sent after the link came back, %.1f s in all%n",
						atCut / 1e6, sentAfterCut / 1e6, resumedSeconds);
				System.out.printf(
						"site-upload: candidates=%d seconds=%.1f resumed=%s missing=%d mb=%.1f mbit=%d baseline_s=%.1f ratio_to_raw=%.2f resumed_run_s=%.1f%n",
						seated.size(), seconds, resumed ? "yes" : "no", missing, size / 1e6, MBIT, baseline,
						seconds / baseline, resumedSeconds);
			}
		}
	}

	/** Every candidate: sign in, confirm, open the paper, upload the work file of the practical item. */
	private static void sit(ExamSiteProcess site, List<Scheduling.Seated> seated) throws Exception {
		Random random = new Random(42);
		Pattern practicalItem = Pattern.compile("data-upload=\"([^\"]+)\"");
		Semaphore parallel = new Semaphore(32);
		List<Callable<Void>> tasks = new ArrayList<>();
		for (Scheduling.Seated s : seated) {
			byte[] work = new byte[WORK_KB * 1024];
			random.nextBytes(work);
			tasks.add(() -> {
				parallel.acquire();
				try {
					HttpClient browser = HttpClient.newBuilder()
						.cookieHandler(new CookieManager())
						.followRedirects(HttpClient.Redirect.NEVER)
						.build();
					String ticket = s.ticketNumber();
					send(browser, site.url("/login"), "application/x-www-form-urlencoded",
							("ticketNumber=" + ticket + "&password=" + ticket.substring(ticket.length() - 6))
								.getBytes(StandardCharsets.UTF_8), 302);
					String paper = browser
						.send(HttpRequest.newBuilder(URI.create(site.url("/exam"))).build(),
								HttpResponse.BodyHandlers.ofString())
						.body();
					Matcher m = practicalItem.matcher(paper);
					if (!m.find()) {
						throw new IllegalStateException("no practical upload on the paper of " + ticket);
					}
					String boundary = "----kaowu" + UUID.randomUUID();
					byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"作品-"
							+ ticket + ".zip\"\r\nContent-Type: application/zip\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8);
					byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
					byte[] body = new byte[head.length + work.length + tail.length];
					System.arraycopy(head, 0, body, 0, head.length);
					System.arraycopy(work, 0, body, head.length, work.length);
					System.arraycopy(tail, 0, body, head.length + work.length, tail.length);
					send(browser, site.url(m.group(1)), "multipart/form-data; boundary=" + boundary, body, 200);
					return null;
				}
				finally {
					parallel.release();
				}
			});
		}
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Void> f : pool.invokeAll(tasks)) {
				f.get();
			}
		}
	}

	private static void send(HttpClient client, String url, String type, byte[] body, int expected) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static String latestAccepted(JdbcClient jdbc, String packageId) {
		return jdbc.sql("""
				SELECT id FROM result_upload WHERE exam_package_id = ? AND status = 'ACCEPTED'
				ORDER BY sequence DESC LIMIT 1""").param(packageId).query(String.class).optional().orElse(null);
	}

	/** Seconds to PUT {@code size} bytes through an identical proxy to a sink that only counts them. */
	private static double baseline(long size) throws Exception {
		HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		sink.createContext("/", exchange -> {
			exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		sink.start();
		try (ThrottlingProxy proxy = new ThrottlingProxy(InetAddress.getLoopbackAddress(),
				new InetSocketAddress("127.0.0.1", sink.getAddress().getPort()), MBIT * 1_000_000L)) {
			long t = System.nanoTime();
			HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/"))
					.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) size]))
					.build(), HttpResponse.BodyHandlers.discarding());
			return (System.nanoTime() - t) / 1e9;
		}
		finally {
			sink.stop(0);
		}
	}
}
