package cn.kaowu.platform.infra;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the profile {@code json-logs}, each log line is one JSON object (ECS) and a line written while a request is
 * handled carries the request's id; without the profile the console stays human-readable. Logback is set up here
 * in its own context the way Spring Boot does for the profile's format, so the other tests' logging is untouched.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogRequestIdTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void jsonLogLineOfARequestCarriesItsRequestId(CapturedOutput output) throws Exception {
		String format = profileProperties().getProperty("logging.structured.format.console");
		assertThat(format).isEqualTo("ecs");
		Logger log = jsonLogger(format);

		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal");
		request.addHeader(RequestIdFilter.HEADER, "edge-42_a");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				log.info("成绩查询 handled");
			}
		}));
		log.info("after the request");

		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("edge-42_a");
		List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(JSON::readTree).toList();
		JsonNode during = lines.stream().filter(l -> l.path("message").asString().equals("成绩查询 handled")).findFirst()
			.orElseThrow(() -> new AssertionError("no JSON line in: " + output.getOut()));
		assertThat(during.path("request_id").asString()).isEqualTo("edge-42_a");
		assertThat(during.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(during.path("service").path("name").asString()).isEqualTo("kaowu-platform");
		assertThat(during.has("@timestamp")).isTrue();
		JsonNode after = lines.stream().filter(l -> l.path("message").asString().equals("after the request")).findFirst()
			.orElseThrow();
		assertThat(after.has("request_id")).as("the id is gone once the request is done").isFalse();
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
	}

	@Test
	void theAccessLineOfARequestIsJsonWithItsIdAndNoQuery(CapturedOutput output) throws Exception {
		Properties profile = profileProperties();
		assertThat(profile.getProperty("logging.level.kaowu.access")).isEqualTo("INFO");
		Logger access = jsonLogger("ecs", "kaowu.access");
		access.setLevel(ch.qos.logback.classic.Level.valueOf(profile.getProperty("logging.level.kaowu.access")));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/verify");
		request.setQueryString("no=X&idNumber=11010119900101123X");
		request.addHeader(RequestIdFilter.HEADER, "acc-1");
		new RequestIdFilter(access).doFilter(request, new MockHttpServletResponse(),
				(req, res) -> ((MockHttpServletResponse) res).setStatus(404));
		JsonNode line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("kaowu.access"))
			.map(JSON::readTree).findFirst().orElseThrow(() -> new AssertionError(output.getOut()));
		assertThat(line.path("request_id").asString()).isEqualTo("acc-1");
		assertThat(line.path("message").asString()).startsWith("GET /portal/verify 404 ");
		assertThat(output.getOut()).doesNotContain("11010119900101123X");
	}

	@Test
	void theIdStaysForTheContainersLogOfAnExceptionUntilTheErrorPageIsDone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/boom");
		request.addHeader(RequestIdFilter.HEADER, "req-500");
		MockHttpServletResponse response = new MockHttpServletResponse();
		RequestIdFilter filter = new RequestIdFilter();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(request, response,
				(req, res) -> {
					throw new IllegalStateException("boom");
				}))
			.hasMessage("boom");
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isEqualTo("req-500");

		request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
		filter.doFilter(request, response, (req, res) -> assertThat(MDC.get(RequestIdFilter.MDC_KEY))
			.isEqualTo("req-500"));
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("req-500");
	}

	@Test
	void humanConsoleIsTheDefault() throws Exception {
		Properties main = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			main.load(in);
		}
		assertThat(main.stringPropertyNames()).noneMatch(k -> k.startsWith("logging.structured"));
	}

	/** A logger writing to the console through Spring Boot's structured encoder in the given format. */
	private static Logger jsonLogger(String format) throws Exception {
		return jsonLogger(format, "kaowu.json-log-test");
	}

	private static Logger jsonLogger(String format, String name) throws Exception {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(MDC.getMDCAdapter());
		Properties profile = profileProperties();
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "kaowu-platform");
		profile.stringPropertyNames().forEach(k -> environment.setProperty(k, profile.getProperty(k)));
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setEncoder(encoder);
		console.start();
		Logger logger = context.getLogger(name);
		logger.addAppender(console);
		return logger;
	}

	private static Properties profileProperties() throws Exception {
		Properties p = new Properties();
		try (InputStream in = JsonLogRequestIdTest.class.getResourceAsStream("/application-json-logs.properties")) {
			p.load(in);
		}
		return p;
	}
}
