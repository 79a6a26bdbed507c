package cn.kaowu.platform.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.kaowu.platform.KaowuPlatformApplication;
import cn.kaowu.platform.kernel.AdjustableClock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;

/**
 * The platform as a separate JVM (the test classpath, {@link KaowuPlatformApplication}) on a PostgreSQL that outlives
 * it, for the crash tests: {@link #kill()} is {@code kill -9}. Its clock runs at the offset of the test's
 * {@code AdjustableClock} ({@code kaowu.crash.clock-offset}, set by {@link #main} before any bean uses it), so that the
 * windows the test data opened are open in the node too.
 */
final class PlatformNode implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private final String name;

	private PlatformNode(Process process, Path log, int port, String name) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.name = name;
	}

	/** The node's entry point: the platform with its clock moved by {@code -Dkaowu.crash.clock-offset}. */
	public static void main(String[] args) {
		Duration offset = Duration.parse(System.getProperty("kaowu.crash.clock-offset", "PT0S"));
		SpringApplication app = new SpringApplication(KaowuPlatformApplication.class);
		app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AdjustableClock clock) {
					clock.setInstant(Instant.now().plus(offset));
				}
				return bean;
			}
		}));
		app.run(args);
	}

	/**
	 * Starts a node named {@code name} on the database {@code jdbcUrl} (as its owner) with the test's files and keys
	 * under {@code shared}; does not wait for it (see {@link #awaitReady}).
	 */
	static PlatformNode start(String name, String jdbcUrl, Path shared, Duration clockOffset) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		// Surefire runs the tests from a manifest-only jar; the real class path is in this property.
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"-Dkaowu.crash.clock-offset=" + clockOffset, "-cp", classpath, PlatformNode.class.getName(),
				"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--kaowu.node-name=" + name));
		command.addAll(sharedArguments(shared));
		Files.createDirectories(shared);
		Path log = shared.resolve(name + "-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new PlatformNode(process, log, port, name);
	}

	/**
	 * The files and keys the test's own context and its nodes must share: the test registers them as its properties,
	 * the nodes get them as arguments. The ORG's second factor, enrolled through the test's context, and the sealed ID
	 * and phone numbers must decrypt on every node.
	 */
	static java.util.Map<String, String> sharedProperties(Path shared) {
		return java.util.Map.of("kaowu.storage.dir", shared.resolve("files").toString(), "kaowu.bank.key-file",
				shared.resolve("keys").resolve("bank.key").toString(), "kaowu.delivery.key-dir",
				shared.resolve("keys").toString(), "kaowu.document.key-dir", shared.resolve("keys").toString(),
				"kaowu.identity.totp-key-file", shared.resolve("keys").resolve("totp.key").toString(),
				"kaowu.privacy.key-file", shared.resolve("keys").resolve("personal-data.key").toString());
	}

	/** {@link #sharedProperties} as the test registers them. */
	static void register(org.springframework.test.context.DynamicPropertyRegistry registry, Path shared) {
		sharedProperties(shared).forEach((key, value) -> registry.add(key, () -> value));
	}

	static List<String> sharedArguments(Path shared) {
		return sharedProperties(shared).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
	}

	/** Waits (generously: the CI machine is slow) until the node answers readiness; a node that does not is killed. */
	PlatformNode awaitReady() throws Exception {
		try {
			return pollReady();
		}
		catch (Exception | AssertionError e) {
			process.destroyForcibly();
			throw e;
		}
	}

	private PlatformNode pollReady() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("node " + name + " exited:\n" + tail());
			}
			try {
				HttpResponse<Void> r = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(5))
							.build(),
						HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("node " + name + " not ready within 300 s:\n" + tail());
	}

	int port() {
		return port;
	}

	String name() {
		return name;
	}

	/** {@code kill -9}: no shutdown hook, no rollback by the node, no last heartbeat. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			throw new AssertionError("node " + name + " survived SIGKILL");
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/** SIGTERM (a clean stop), SIGKILL after a minute. */
	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}
}
