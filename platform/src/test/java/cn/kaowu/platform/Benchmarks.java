package cn.kaowu.platform;

import java.util.function.Consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform as the benchmarks under bench/ run it: the whole application (test profile, embedded PostgreSQL in the
 * directory bench/lib.sh gives it), no job polling, quiet logs; then exit.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void run(Consumer<ConfigurableApplicationContext> benchmark) {
		SpringApplication app = new SpringApplication(KaowuPlatformApplication.class);
		app.setAdditionalProfiles("test");
		// As the database's owner: benchmarks seed with triggers off (session_replication_role) and take raw-COPY
		// baselines, which the application's own role (kaowu_app, no superuser) may not; the role changes no timing.
		ConfigurableApplicationContext ctx = app.run("--server.port=0", "--kaowu.jobs.poll-ms=3600000",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off", "--kaowu.db.app-role=postgres");
		try {
			benchmark.accept(ctx);
		}
		finally {
			ctx.close();
		}
		System.exit(0);
	}
}
