package cn.kaowu.examsite.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cn.kaowu.examsite.ExamSiteApplication;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 6 item 5: the site server and its PostgreSQL are killed with SIGKILL (as in a power cut) right after a
 * candidate's saves were acknowledged; after a restart on the same data directory every acknowledged answer is
 * there. The server runs as a separate JVM so that it can be killed; the clock is the real one, so the package's
 * slot is the current hour.
 */
class KillNineIntegrationTest {

    @Test
    void everyAcknowledgedSaveSurvivesKillNineOfServerAndDatabase() throws Exception {
        Path dataDir = Path.of("target", "test-site", "kill9-" + UUID.randomUUID()).toAbsolutePath();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        String ticket = TestPackages.ticket(951);
        try (ConfigurableApplicationContext site = start(dataDir)) {
            site.getBean(SiteSettings.class).configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
            var built = TestPackages.build(dataDir.resolve("incoming"), "PKG-KILL9", TestPackages.SITE_CODE,
                    site.getBean(SiteKeys.class).publicKey(), 951, 1, start, start.plus(Duration.ofMinutes(90)));
            ExamPackages packages = site.getBean(ExamPackages.class);
            try (InputStream in = Files.newInputStream(built.file())) {
                packages.importPackage(in);
            }
            packages.openWithReleaseKey("PKG-KILL9", built.releaseKeyBase64());
        }

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExamSiteApplication.class.getName(), "--spring.profiles.active=test",
                "--kaowu.site.data-dir=" + dataDir, "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        Map<String, String> acknowledged;
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
            awaitUp(browser, port, server);
            HttpResponse<String> login = post(browser, port, "/login",
                    "ticketNumber=" + ticket + "&password=" + TestPackages.password(951));
            assertThat(login.statusCode()).isEqualTo(302);

            List<String> labels = List.of("A", "B", "C", "D");
            acknowledged = Map.of();
            for (int i = 0; i < 40; i++) {
                String s1 = labels.get(i % 4);
                String s2 = labels.get((i / 4) % 4);
                String t1 = i % 2 == 0 ? "T" : "F";
                HttpResponse<String> saved = post(browser, port, "/exam/save",
                        "q.s1=" + s1 + "&q.s2=" + s2 + "&q.t1=" + t1);
                assertThat(saved.statusCode()).isEqualTo(200);
                acknowledged = Map.of("s1", s1, "s2", s2, "t1", t1);
            }
        } finally {
            killNine(server, dataDir);
        }

        try (ConfigurableApplicationContext site = start(dataDir)) {
            Sittings sittings = site.getBean(Sittings.class);
            SittingView view = sittings.view(sittings.signIn(ticket, TestPackages.password(951)));
            assertThat(SittingIntegrationTest.chosen(view)).isEqualTo(acknowledged);
        }
    }

    /** SIGKILL to the JVM and to PostgreSQL's postmaster and its backends, nothing flushed or shut down. */
    private static void killNine(Process server, Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        List<ProcessHandle> postgres = new ArrayList<>();
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postgres.add(postmaster);
                postmaster.descendants().forEach(postgres::add);
            });
        }
        assertThat(postgres).as("PostgreSQL processes of the killed server").isNotEmpty();
        server.destroyForcibly();
        postgres.forEach(ProcessHandle::destroyForcibly);
        server.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle process : postgres) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitUp(HttpClient client, int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("site server process alive").isTrue();
            try {
                HttpResponse<String> status = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/site/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("site server did not start within 120 s");
    }

    private static HttpResponse<String> post(HttpClient client, int port, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ExamSiteApplication.class).profiles("test")
                .run("--kaowu.site.data-dir=" + dataDir, "--server.port=0");
    }
}
