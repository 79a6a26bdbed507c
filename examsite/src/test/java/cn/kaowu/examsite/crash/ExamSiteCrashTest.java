package cn.kaowu.examsite.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.kaowu.examsite.ExamSiteApplication;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.exam.CandidateRef;
import cn.kaowu.examsite.exam.SittingView;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10 part 5, the exam site: the server process and its PostgreSQL are killed ({@code kill -9}, as in a power cut)
 * in the middle of an exam, twice — after a candidate's saves were acknowledged, and after the submission was
 * acknowledged. Each time the server is started again as a process on the same data directory and the candidate goes
 * on from exactly where the acknowledgements left off: the answers on the paper page after signing in again, further
 * saves and the submission accepted; after the second crash the sitting is submitted with its receipt and the last
 * answers. (The real clock: the package's slot is running now, the submission window of a theory slot open.)
 */
class ExamSiteCrashTest {

    private static final int CANDIDATE = 961;

    private static final String PACKAGE = "PKG-CRASH";

    @Test
    void anExamGoesOnAfterTwoKillNinesWithEveryAcknowledgedAnswerAndTheSubmission() throws Exception {
        Path dataDir = Path.of("target", "test-site", "crash-" + UUID.randomUUID()).toAbsolutePath();
        // Started 5 minutes ago (late sign-in is refused after 15), ending in 15: a theory slot's submission is open.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        Instant end = start.plus(Duration.ofMinutes(20));
        String ticket = TestPackages.ticket(CANDIDATE);
        String password = TestPackages.password(CANDIDATE);
        try (ConfigurableApplicationContext site = inProcess(dataDir)) {
            site.getBean(SiteSettings.class).configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
            var built = TestPackages.build(dataDir.resolve("incoming"), PACKAGE, TestPackages.SITE_CODE,
                    site.getBean(SiteKeys.class).publicKey(), CANDIDATE, 1, start, end);
            ExamPackages packages = site.getBean(ExamPackages.class);
            try (InputStream in = Files.newInputStream(built.file())) {
                packages.importPackage(in);
            }
            packages.openWithReleaseKey(PACKAGE, built.releaseKeyBase64());
        }

        // 1. Answers saved and acknowledged, then the crash.
        Map<String, String> acknowledged = new LinkedHashMap<>();
        try (SiteServer server = SiteServer.start(dataDir)) {
            server.signIn(ticket, password);
            for (int i = 0; i < 12; i++) {
                Map<String, String> answers = Map.of("q.s1", "ABCD".substring(i % 4, i % 4 + 1), "q.s2",
                        "ABCD".substring((i / 4) % 4, (i / 4) % 4 + 1), "q.t1", i % 2 == 0 ? "T" : "F");
                assertThat(server.post("/exam/save", answers).statusCode()).isEqualTo(200);
                acknowledged.clear();
                answers.forEach((k, v) -> acknowledged.put(k.substring(2), v));
            }
            server.killNine();
        }

        // 2. Restarted: the candidate signs in again and finds the answers; changes one more and submits.
        Map<String, String> submitted = new HashMap<>(acknowledged);
        submitted.put("t1", acknowledged.get("t1").equals("T") ? "F" : "T");
        String receipt;
        try (SiteServer server = SiteServer.start(dataDir)) {
            server.signIn(ticket, password);
            String paper = server.get("/exam").body();
            for (Map.Entry<String, String> a : acknowledged.entrySet()) {
                assertThat(paper).as("the paper after the crash shows %s = %s", a.getKey(), a.getValue())
                    .containsPattern("name=\"q\\." + a.getKey() + "\"[^>]*value=\"" + a.getValue() + "\"[^>]*checked");
            }
            assertThat(server.post("/exam/save", Map.of("q.t1", submitted.get("t1"))).statusCode()).isEqualTo(200);
            HttpResponse<String> submit = server.post("/exam/submit", Map.of("q.s1", submitted.get("s1"), "q.s2",
                    submitted.get("s2"), "q.t1", submitted.get("t1")));
            assertThat(submit.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/exam/done"));
            receipt = server.get("/exam/done").body().replaceAll("(?s).*?([0-9A-F]{4}(-[0-9A-F]{4}){4}).*", "$1");
            assertThat(receipt).matches("[0-9A-F]{4}(-[0-9A-F]{4}){4}");
            server.killNine();
        }

        // 3. After the second crash: submitted, with the receipt shown and the last answers.
        try (ConfigurableApplicationContext site = inProcess(dataDir)) {
            Sittings sittings = site.getBean(Sittings.class);
            assertThatThrownBy(() -> sittings.signIn(ticket, password)).hasMessageContaining("已交卷");
            SittingView view = sittings.view(new CandidateRef(PACKAGE, ticket));
            assertThat(view.submitted()).isTrue();
            assertThat(view.receiptShortForm()).isEqualTo(receipt);
            assertThat(chosen(view)).isEqualTo(submitted);
        }
    }

    private static Map<String, String> chosen(SittingView view) {
        Map<String, String> chosen = new HashMap<>();
        view.sections().stream().flatMap(s -> s.items().stream()).filter(i -> !i.chosen().isEmpty())
                .forEach(i -> chosen.put(i.itemId(), i.chosen().stream().sorted().collect(Collectors.joining(","))));
        return chosen;
    }

    private static ConfigurableApplicationContext inProcess(Path dataDir) {
        return new SpringApplicationBuilder(ExamSiteApplication.class).profiles("test")
                .run("--kaowu.site.data-dir=" + dataDir, "--server.port=0");
    }

    /** The site server as a separate JVM on the test classpath, which the test can kill with its PostgreSQL. */
    private static final class SiteServer implements AutoCloseable {

        private final Process process;

        private final Path dataDir;

        private final int port;

        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

        private SiteServer(Process process, Path dataDir, int port) {
            this.process = process;
            this.dataDir = dataDir;
            this.port = port;
        }

        static SiteServer start(Path dataDir) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ExamSiteApplication.class.getName(), "--spring.profiles.active=test",
                    "--kaowu.site.data-dir=" + dataDir, "--server.port=" + port).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
            SiteServer server = new SiteServer(process, dataDir, port);
            server.awaitUp();
            return server;
        }

        void signIn(String ticket, String password) throws Exception {
            HttpResponse<String> login = post("/login", Map.of("ticketNumber", ticket, "password", password));
            assertThat(login.statusCode()).as("candidate sign-in: %s", login.body().replaceAll("(?s).*class=\"error[^>]*>([^<]*)<.*", "$1"))
                    .isEqualTo(302);
        }

        HttpResponse<String> get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL to the JVM and to PostgreSQL's postmaster and its backends: nothing flushed or shut down. */
        void killNine() throws Exception {
            Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
            List<ProcessHandle> postgres = new ArrayList<>();
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postgres.add(postmaster);
                postmaster.descendants().forEach(postgres::add);
            });
            assertThat(postgres).as("PostgreSQL processes of the killed server").isNotEmpty();
            process.destroyForcibly();
            postgres.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(60, TimeUnit.SECONDS);
            for (ProcessHandle p : postgres) {
                p.onExit().get(60, TimeUnit.SECONDS);
            }
        }

        private void awaitUp() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("site server process alive").isTrue();
                try {
                    if (get("/api/v1/site/status").statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new AssertionError("site server did not start within 240 s");
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }
}
