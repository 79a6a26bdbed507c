package cn.kaowu.platform.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.Filter;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Security headers and cookies of issue 10: CSP without inline scripts, no framing, HSTS and Secure over TLS. */
@IntegrationTest
class SecurityHeadersIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter security;

	@Autowired
	@Qualifier("springSessionRepositoryFilter")
	Filter sessions;

	private MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup(context).addFilters(sessions, security).build();
	}

	@Test
	void overTlsTheAnswerHasHstsAndTheSessionCookieIsSecure() throws Exception {
		MvcResult secure = mvc().perform(get("https://kaowu.example/login").secure(true)).andReturn();
		assertThat(secure.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=");
		String cookie = String.join("\n", secure.getResponse().getHeaders("Set-Cookie"));
		assertThat(cookie).contains("SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

		MvcResult plain = mvc().perform(get("/login")).andReturn();
		assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
		assertThat(String.join("\n", plain.getResponse().getHeaders("Set-Cookie"))).doesNotContain("Secure");
	}

	@Test
	void theContentSecurityPolicyAllowsNoInlineScriptAndNoFraming() throws Exception {
		String csp = mvc().perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
		String scriptSrc = Stream.of(csp.split(";"))
			.map(String::strip)
			.filter(d -> d.startsWith("script-src") || d.startsWith("default-src"))
			.reduce("", (a, b) -> a + " " + b);
		assertThat(scriptSrc).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
		assertThat(mvc().perform(get("/login")).andReturn().getResponse().getHeader("X-Frame-Options"))
			.isEqualTo("DENY");
	}

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			templates = files.filter(p -> p.toString().endsWith(".html")).toList();
		}
		assertThat(templates).hasSizeGreaterThan(50);
		for (Path template : templates) {
			String html = Files.readString(template);
			assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in %s", template).isFalse();
			assertThat(HANDLER.matcher(html).find()).as("on*= handler in %s", template).isFalse();
		}
	}
}
