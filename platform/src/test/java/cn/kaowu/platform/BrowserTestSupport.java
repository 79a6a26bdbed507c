package cn.kaowu.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: Debian's Chromium driven headless by Playwright (no browser download), a fresh
 * browser context per test at 1440×900 (the exam sites' minimum screen), zh-CN. Screenshots go to
 * {@code platform/target/screenshots/}.
 */
@IntegrationTest
public abstract class BrowserTestSupport {

	static final Path CHROMIUM = Paths.get(System.getProperty("kaowu.chromium", "/usr/bin/chromium"));

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launchBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
					+ ": apt-get install -y chromium (CI's .ci/run does this)");
		}
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openContext() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			// Each test its own client address (through the trusted loopback proxy), so failed logins of unrelated
			// tests never add up to the per-IP login limit.
			.setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For", WebSession.clientAddress())));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * Logs in through the login form and waits for the next page; ORG, PROVINCE and ADMIN accounts enrol their second
	 * factor on the first login (the key read from the page, see {@link TotpCodes}) and type the code afterwards.
	 */
	protected void login(String username, String password) {
		login(page, username, password);
	}

	/** {@link #login(String, String)} in another page (another browser context). */
	protected void login(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForLoadState();
		if (page.url().contains("/login/totp/enrol")) {
			TotpCodes.remember(username, page.inputValue("#totp-secret"));
			page.fill("#code", TotpCodes.next(username));
			page.click("button[type=submit]");
			page.waitForLoadState();
			if (page.url().contains("/account/recovery-codes")) {
				page.click("#continue");
				page.waitForLoadState();
			}
		}
		else if (page.url().contains("/login/totp")) {
			page.fill("#code", TotpCodes.next(username));
			page.click("button[type=submit]");
			page.waitForLoadState();
		}
	}

	protected void screenshot(String name) {
		Path dir = Paths.get("target", "screenshots");
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}
}
