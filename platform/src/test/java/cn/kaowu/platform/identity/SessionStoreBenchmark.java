package cn.kaowu.platform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.kaowu.platform.KaowuPlatformApplication;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/sessions: the same logged-in requests (the inbox badge, {@code /inbox/unread-count}: one small query behind
 * the session) against the platform with its sessions in PostgreSQL, then against the platform with Spring Session's
 * auto-configuration excluded (Tomcat's in-memory sessions, what a single node had before). THREADS clients, each
 * logged in with its own session, share REQUESTS requests per store.
 */
public final class SessionStoreBenchmark {

	private static final String PASSWORD = "Bench#Sessions2026";

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("requests", 3000);
		int threads = Integer.getInteger("threads", 8);
		double jdbc = measure(requests, threads, false);
		double memory = measure(requests, threads, true);
		System.out.printf("sessions: jdbc_req_per_s=%.0f memory_req_per_s=%.0f ratio_to_memory=%.2f%n", jdbc, memory,
				jdbc / memory);
		System.exit(0);
	}

	private static double measure(int requests, int threads, boolean inMemory) throws Exception {
		SpringApplication app = new SpringApplication(KaowuPlatformApplication.class);
		app.setAdditionalProfiles("test");
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--kaowu.jobs.poll-ms=3600000",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		if (inMemory) {
			args.add("--spring.autoconfigure.exclude="
					+ "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration");
		}
		try (ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new))) {
			int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			AccountManagement accounts = ctx.getBean(AccountManagement.class);
			List<WebSession> clients = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				AccountForm form = new AccountForm();
				form.setUsername("bench" + (inMemory ? "m" : "j") + i + "x" + System.nanoTime() % 100000);
				form.setDisplayName("压测用户" + i);
				form.setRole(Role.ADMIN);
				accounts.createWithPassword(Scope.system(), form, PASSWORD, false);
				WebSession web = new WebSession(port);
				if (!web.login(form.getUsername(), PASSWORD).location().endsWith("/")) {
					throw new IllegalStateException("login failed");
				}
				clients.add(web);
			}
			run(clients, Math.max(threads * 50, requests / 5));
			long start = System.nanoTime();
			run(clients, requests);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%s: %d requests in %.2f s%n", inMemory ? "memory" : "jdbc", requests, seconds);
			return requests / seconds;
		}
	}

	private static void run(List<WebSession> clients, int requests) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
			List<Future<?>> done = new ArrayList<>();
			for (WebSession web : clients) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < requests / clients.size(); i++) {
						WebSession.Page page = web.get("/inbox/unread-count");
						if (page.status() != 200) {
							throw new IllegalStateException("status " + page.status() + " " + page.location());
						}
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
	}
}
