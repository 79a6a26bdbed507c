package cn.kaowu.platform;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged exam-site server ({@code examsite/target/kaowu-examsite.jar}, built before the platform by
 * {@code ./kw test}) as a separate process with its own embedded PostgreSQL, for the two-process tests and the
 * {@code site-upload} benchmark. {@link SiteNetwork} puts it into its own network namespace when the machine allows
 * it; its clock runs at an offset ({@code kaowu.site.clock-offset}) so that it agrees with the platform's
 * {@code AdjustableClock}.
 */
public final class ExamSiteProcess implements AutoCloseable {

	/** From platform/ (tests) or the repository root (bench/). */
	public static final Path JAR = java.util.stream.Stream
		.of(Path.of("..", "examsite", "target", "kaowu-examsite.jar"), Path.of("examsite", "target", "kaowu-examsite.jar"))
		.filter(Files::isRegularFile)
		.findFirst()
		.orElse(Path.of("..", "examsite", "target", "kaowu-examsite.jar"))
		.toAbsolutePath()
		.normalize();

	public static final String ADMIN_PASSWORD = "site-admin-Pw-2026";

	private final Process process;

	private final Path log;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private ExamSiteProcess(Process process, Path log, String base) {
		this.process = process;
		this.log = log;
		this.base = base;
	}

	/**
	 * Starts the site on {@code dataDir} (kept across restarts) with its clock at {@code now}, waits until it
	 * answers and logs the administrator in (changing the one-time password on the first start).
	 */
	public static ExamSiteProcess start(SiteNetwork network, Path dataDir, Instant now) throws Exception {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException("The two-process tests start the packaged exam-site server " + JAR
					+ "; build it first: ./kw mvn -q -pl examsite -am package -DskipTests (./kw test does this)");
		}
		Files.createDirectories(dataDir);
		boolean firstStart = !Files.exists(dataDir.resolve("pg"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(network.exec());
		command.addAll(List.of(java, "-Xmx256m", "-jar", JAR.toString(), "--server.port=" + port,
				"--kaowu.site.data-dir=" + dataDir.toAbsolutePath(),
				"--kaowu.site.clock-offset=" + Duration.between(Instant.now(), now),
				"--kaowu.site.admin-initial-password=" + ADMIN_PASSWORD));
		Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ExamSiteProcess site = new ExamSiteProcess(process, log, "http://" + network.siteAddress() + ":" + port);
		try {
			site.awaitUp();
			site.loginAdmin(firstStart);
		}
		catch (Exception | AssertionError e) {
			site.close();
			throw e;
		}
		return site;
	}

	/** The site's address as a browser on the host reaches it. */
	public String url(String path) {
		return base + path;
	}

	/** A form POST as the logged-in administrator; answers the flash text of the page it redirects to. */
	public String adminPost(String path, Map<String, String> form) throws Exception {
		HttpResponse<String> response = post(path, form);
		if (response.statusCode() / 100 != 3) {
			throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
		}
		String next = response.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> page = get(next.startsWith("http") ? URI.create(next).getRawPath() : next);
		String flash = flash(page.body());
		if (flash.isEmpty()) {
			throw new AssertionError(path + " → " + next + " → " + page.statusCode() + " without a message: "
					+ page.body().substring(0, Math.min(3000, page.body().length())));
		}
		return flash;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		return post(path, form, HttpResponse.BodyHandlers.ofString());
	}

	/** A form POST whose answer is a file (the result export). */
	public HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) throws Exception {
		return post(path, form, HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> post(String path, Map<String, String> form, HttpResponse.BodyHandler<T> handler)
			throws Exception {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), handler);
	}

	/** The text of the page's flash message ({@code .message} or {@code .error}), tags stripped. */
	static String flash(String html) {
		var m = java.util.regex.Pattern.compile("class=\"(?:message|error)[^\"]*\"[^>]*>(.*?)</", java.util.regex.Pattern.DOTALL)
			.matcher(html);
		return m.find() ? m.group(1).replaceAll("<[^>]+>", "").strip() : "";
	}

	public String log() throws IOException {
		return Files.readString(log);
	}

	/** SIGTERM (Spring stops PostgreSQL cleanly), SIGKILL after a minute. */
	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private void awaitUp() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("exam-site server exited:\n" + log());
			}
			try {
				if (get("/api/v1/site/status").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(300);
		}
		throw new AssertionError("exam-site server did not start within 120 s:\n" + log());
	}

	private void loginAdmin(boolean firstStart) throws Exception {
		String password = firstStart ? ADMIN_PASSWORD : ADMIN_PASSWORD + "-changed";
		HttpResponse<String> login = post("/admin/login", Map.of("username", "admin", "password", password));
		if (login.statusCode() != 302) {
			throw new AssertionError("site admin login answered " + login.statusCode() + ": " + flash(login.body()));
		}
		if (firstStart) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("current", ADMIN_PASSWORD);
			form.put("replacement", ADMIN_PASSWORD + "-changed");
			HttpResponse<String> changed = post("/admin/password", form);
			if (changed.statusCode() != 302) {
				throw new AssertionError("site admin password change answered " + changed.statusCode() + ": "
						+ flash(changed.body()));
			}
			get("/admin"); // takes the "密码已修改" flash, so the next action's page shows only its own
		}
	}

	/**
	 * Where the site runs: its own network namespace joined to the host by a veth pair (10.213.n.1 host ↔ 10.213.n.2
	 * site) when {@code ip netns} works here (root with CAP_NET_ADMIN, as on CI), else the host's loopback. The link
	 * can be throttled ({@code tc tbf}) and cut, for the {@code site-upload} benchmark.
	 */
	public static final class SiteNetwork implements AutoCloseable {

		private final String namespace;

		private final String hostAddress;

		private final String siteAddress;

		private final String hostDevice;

		private SiteNetwork(String namespace, String hostAddress, String siteAddress, String hostDevice) {
			this.namespace = namespace;
			this.hostAddress = hostAddress;
			this.siteAddress = siteAddress;
			this.hostDevice = hostDevice;
		}

		/** A namespace of its own if the machine allows, else loopback; never fails for lack of rights. */
		public static SiteNetwork create() {
			removeStale();
			long n = ProcessHandle.current().pid() % 200 + 20;
			String ns = "kaowu-site-" + ProcessHandle.current().pid();
			String host = "kwh" + ProcessHandle.current().pid();
			String site = "kws" + ProcessHandle.current().pid();
			try {
				run("ip", "netns", "add", ns);
				try {
					run("ip", "link", "add", host, "type", "veth", "peer", "name", site);
					run("ip", "link", "set", site, "netns", ns);
					run("ip", "addr", "add", "10.213." + n + ".1/30", "dev", host);
					run("ip", "link", "set", host, "up");
					run("ip", "netns", "exec", ns, "ip", "addr", "add", "10.213." + n + ".2/30", "dev", site);
					run("ip", "netns", "exec", ns, "ip", "link", "set", site, "up");
					run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
				}
				catch (IOException | RuntimeException e) {
					quietly("ip", "link", "del", host);
					quietly("ip", "netns", "del", ns);
					throw e;
				}
				return new SiteNetwork(ns, "10.213." + n + ".1", "10.213." + n + ".2", host);
			}
			catch (IOException | RuntimeException e) {
				return new SiteNetwork(null, "127.0.0.1", "127.0.0.1", null);
			}
		}

		public boolean isolated() {
			return namespace != null;
		}

		/** The platform as the site reaches it. */
		public String hostAddress() {
			return hostAddress;
		}

		public String siteAddress() {
			return siteAddress;
		}

		List<String> exec() {
			return namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
		}

		/** Limits both directions of the link (token bucket), e.g. 10 Mbit/s. Needs {@link #isolated()}. */
		public void throttle(int megabitsPerSecond) throws IOException {
			String rate = megabitsPerSecond + "mbit";
			run("tc", "qdisc", "replace", "dev", hostDevice, "root", "tbf", "rate", rate, "burst", "32kbit", "latency",
					"50ms");
			String siteDevice = "kws" + hostDevice.substring(3);
			run("ip", "netns", "exec", namespace, "tc", "qdisc", "replace", "dev", siteDevice, "root", "tbf", "rate",
					rate, "burst", "32kbit", "latency", "50ms");
		}

		/** Cuts the link (the cable pulled) or restores it. */
		public void link(boolean up) throws IOException {
			run("ip", "link", "set", hostDevice, up ? "up" : "down");
		}

		@Override
		public void close() {
			if (namespace != null) {
				quietly("ip", "link", "del", hostDevice);
				quietly("ip", "netns", "del", namespace);
			}
		}

		/** Namespaces left by test JVMs that were killed before their cleanup ran (named after their pid). */
		private static void removeStale() {
			try {
				Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
				String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				p.waitFor(10, TimeUnit.SECONDS);
				for (String line : out.split("\n")) {
					String name = line.split(" ")[0].strip();
					if (!name.startsWith("kaowu-site-")) {
						continue;
					}
					String pid = name.substring("kaowu-site-".length());
					boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
							&& ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
					if (!alive) {
						quietly("ip", "link", "del", "kwh" + pid);
						quietly("ip", "netns", "del", name);
					}
				}
			}
			catch (IOException | RuntimeException e) {
				// no 'ip' here: nothing to clean
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		private static void run(String... command) throws IOException {
			try {
				Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
				String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
					throw new IOException(String.join(" ", command) + ": " + out.strip());
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
		}

		private static void quietly(String... command) {
			try {
				run(command);
			}
			catch (IOException ignored) {
				// cleaning up what may not exist
			}
		}
	}
}
