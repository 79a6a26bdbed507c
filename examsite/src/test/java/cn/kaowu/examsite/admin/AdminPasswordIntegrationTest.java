package cn.kaowu.examsite.admin;

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

import cn.kaowu.examsite.SiteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The printed first-start password is one-time: nothing but the password page opens until it is replaced. */
@SiteIntegrationTest
@TestPropertySource(properties = "kaowu.site.admin-password-change-required=true")
class AdminPasswordIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theFirstLoginMustReplaceTheOneTimePassword() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(location(post(browser, "/admin/login", Map.of("username", "admin", "password", "test-admin-pw"))))
                .endsWith("/admin/password");
        assertThat(location(get(browser, "/admin"))).endsWith("/admin/password");
        assertThat(post(browser, "/admin/setup", Map.of("siteCode", "X", "platformPublicKey", "x")).statusCode())
                .isEqualTo(403);

        HttpResponse<String> tooShort = post(browser, "/admin/password",
                Map.of("current", "test-admin-pw", "replacement", "short"));
        assertThat(tooShort.body()).contains("新密码至少 10 个字符");
        HttpResponse<String> wrongCurrent = post(browser, "/admin/password",
                Map.of("current", "nope", "replacement", "a-new-long-password"));
        assertThat(wrongCurrent.body()).contains("当前密码错误");

        assertThat(location(post(browser, "/admin/password",
                Map.of("current", "test-admin-pw", "replacement", "a-new-long-password")))).endsWith("/admin");
        assertThat(get(browser, "/admin").statusCode()).isEqualTo(200);

        HttpClient another = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(post(another, "/admin/login", Map.of("username", "admin", "password", "test-admin-pw")).body())
                .contains("用户名或密码错误");
        assertThat(location(post(another, "/admin/login",
                Map.of("username", "admin", "password", "a-new-long-password")))).endsWith("/admin");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
