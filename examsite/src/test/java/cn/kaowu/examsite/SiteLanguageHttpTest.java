package cn.kaowu.examsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * zh-CN whatever the browser asks for; English with {@code ?lang=en}, kept in the {@code kaowu-lang} cookie, on the
 * candidate's login page, the administrator's pages and in refusals.
 */
@SiteIntegrationTest
class SiteLanguageHttpTest {

    @LocalServerPort
    int port;

    @Test
    void chineseEvenForAnEnglishBrowser() throws Exception {
        HttpResponse<String> login = get(client(), "/");
        assertThat(login.body()).contains("<html lang=\"zh-CN\"").contains("考生登录").contains("初始密码为准考证号后 6 位。")
                .doesNotContain("Candidate sign-in");
        assertThat(get(client(), "/admin/login").body()).contains("站点管理员登录").contains(">English</a>");
    }

    @Test
    void theCandidateLoginPageInEnglish() throws Exception {
        HttpClient browser = client();
        HttpResponse<String> login = get(browser, "/?lang=en");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("kaowu-lang=en"));
        assertThat(login.body()).contains("<html lang=\"en\"").contains("Candidate sign-in")
                .contains("Admission ticket no.").doesNotContain("考生登录");
        // The cookie keeps the language; a refusal from the service comes in English too.
        HttpResponse<String> wrong = post(browser, "/login", Map.of("ticketNumber", "nobody", "password", "x"));
        assertThat(wrong.body()).contains("Wrong admission ticket number or password").doesNotContain("准考证号或密码错误");
    }

    @Test
    void theAdminPagesInEnglishAndBack() throws Exception {
        HttpClient browser = client();
        assertThat(get(browser, "/admin/login?lang=en").body()).contains("Site administrator sign-in")
                .contains(">中文</a>");
        assertThat(post(browser, "/admin/login", Map.of("username", "admin", "password", "wrong")).body())
                .contains("Wrong user name or password");
        assertThat(post(browser, "/admin/login", Map.of("username", "admin", "password", "test-admin-pw"))
                .headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        HttpResponse<String> home = get(browser, "/admin");
        assertThat(home.body()).contains("<h1>Site administration</h1>").contains("This site&#39;s public key")
                .contains("Save settings").contains("Sign out").doesNotContain("站点管理");
        // A flash message in English.
        post(browser, "/admin/setup", Map.of("siteCode", "", "platformPublicKey", "x"));
        assertThat(get(browser, "/admin").body()).contains("Site settings not saved: The site code must be 1 to 64 characters");

        assertThat(get(browser, "/admin?lang=zh_CN").body()).contains("<h1>站点管理</h1>").contains(">English</a>");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en-US,en;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en-US")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
