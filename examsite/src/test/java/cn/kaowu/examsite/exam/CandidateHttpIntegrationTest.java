package cn.kaowu.examsite.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The site's HTTP surface as a browser meets it: sessions, redirects, save answers, problem details, headers. */
@SiteIntegrationTest
class CandidateHttpIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ExamPackages packages;
    @Autowired
    SiteSettings settings;
    @Autowired
    SiteKeys keys;
    @Autowired
    MutableClock clock;

    @Test
    void pagesNeedTheirSessionAndCarryTheContentSecurityPolicy() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> exam = get(browser, "/exam");
        assertThat(exam.statusCode()).isEqualTo(302);
        assertThat(exam.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(post(browser, "/exam/save", Map.of("q.t1", "T")).statusCode()).isEqualTo(401);
        assertThat(get(browser, "/admin").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));

        HttpResponse<String> login = get(browser, "/");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(login.body()).contains("考生登录").doesNotContain("<script>");
    }

    @Test
    void theAdministratorLogsInWithTheInitialPassword() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> wrong = post(browser, "/admin/login", Map.of("username", "admin", "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("用户名或密码错误");

        HttpResponse<String> right = post(browser, "/admin/login",
                Map.of("username", "admin", "password", "test-admin-pw"));
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        HttpResponse<String> home = get(browser, "/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("BEGIN PUBLIC KEY");
    }

    @Test
    void savesAnswerWithTheTimeAndRefuseChangesAfterSubmitAsAProblem() throws Exception {
        settings.configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
        var built = TestPackages.build(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pkg"),
                "PKG-HTTP", TestPackages.SITE_CODE, keys.publicKey(), 501, 1);
        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(20)));
        try (InputStream in = Files.newInputStream(built.file())) {
            packages.importPackage(in);
        }
        packages.openWithReleaseKey("PKG-HTTP", built.releaseKeyBase64());
        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(1)));

        HttpClient browser = browser();
        HttpResponse<String> login = post(browser, "/login",
                Map.of("ticketNumber", TestPackages.ticket(501), "password", TestPackages.password(501)));
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam/confirm"));
        assertThat(get(browser, "/exam").body()).contains("TCP 是面向连接的协议。").contains("/js/exam.js");

        HttpResponse<String> saved = post(browser, "/exam/save", Map.of("q.t1", "F"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"savedAt\":\"2026-06-13T01:01:00Z\"");

        // Theory: the submit opens 15 minutes before the end; earlier it is refused back to the paper.
        assertThat(post(browser, "/exam/submit", Map.of("q.t1", "T")).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam"));
        assertThat(get(browser, "/exam").body()).contains("现在还不能交卷").contains("10:15:00 起");
        clock.set(TestPackages.SLOT_END.minus(Duration.ofMinutes(15)));
        assertThat(post(browser, "/exam/submit", Map.of("q.t1", "T")).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam/done"));
        assertThat(get(browser, "/exam/done").body()).containsPattern("[0-9A-F]{4}(-[0-9A-F]{4}){4}");

        HttpResponse<String> late = post(browser, "/exam/save", Map.of("q.t1", "F"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(late.body()).contains("已交卷");
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
