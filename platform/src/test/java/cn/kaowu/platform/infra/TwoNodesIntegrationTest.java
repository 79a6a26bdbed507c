package cn.kaowu.platform.infra;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.KaowuPlatformApplication;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.job.JobState;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform nodes on one database, as behind a load balancer: node A is this test's application, node B a second
 * application in the same JVM with {@code spring.datasource.url} pointing at A's PostgreSQL and the same file and key
 * directories. A session made on one node is valid on the other and ends on both at logout, flash attributes cross
 * over; a scheduled task with a
 * scheduler lock runs once for both nodes' ticks; queued jobs run once each although both nodes poll the queue.
 */
@IntegrationTest
@Import(TwoNodesIntegrationTest.NodeParts.class)
// Node A's context is of this class alone: closed afterwards, so its probe stops ticking for the rest of the run.
@DirtiesContext
class TwoNodesIntegrationTest {

	/** Lock attempts per node and task name: both nodes' schedulers tick, only one runs the body. */
	static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

	static final String PROBE = "test-two-nodes-probe";

	private static ConfigurableApplicationContext nodeB;

	private static int portB;

	@LocalServerPort
	int portA;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	Environment environment;

	@Autowired
	TestWorld world;

	@Autowired
	Jobs jobs;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void startNodeB() {
		if (nodeB != null) {
			return;
		}
		nodeB = new SpringApplicationBuilder(KaowuPlatformApplication.class, NodeParts.class).profiles("test")
			.properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username", "postgres", "server.port", "0", "kaowu.test.node", "B",
					"kaowu.storage.dir", environment.getRequiredProperty("kaowu.storage.dir"), "kaowu.bank.key-file",
					environment.getRequiredProperty("kaowu.bank.key-file"), "kaowu.delivery.key-dir",
					environment.getRequiredProperty("kaowu.delivery.key-dir"), "kaowu.identity.totp-key-file",
					environment.getRequiredProperty("kaowu.identity.totp-key-file"), "kaowu.privacy.key-file",
					environment.getRequiredProperty("kaowu.privacy.key-file")))
			.run();
		portB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void aSessionMadeOnOneNodeServesTheOtherAndALogoutOnEitherEndsIt() {
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		WebSession a = new WebSession(portA);
		WebSession b = a.on(portB);
		assertThat(a.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/");
		assertThat(a.get("/").status()).isEqualTo(200);
		WebSession.Page onB = b.get("/");
		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.body()).contains(account.displayName());
		// One row, with the platform's 30-minute timeout.
		assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(account.username())
			.query(Integer.class)
			.list()).containsExactly(30 * 60);

		// Logging out on B (with B's page's CSRF token, the session's) ends the session on A too.
		assertThat(b.post("/", "/logout", Map.of()).location()).endsWith("/login?logout");
		assertThat(a.get("/").location()).endsWith("/login");
		assertThat(b.get("/").location()).endsWith("/login");
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(account.username())
			.query(Long.class)
			.single()).isZero();
	}

	/** The changed security context is written back to the session, or the other node would ask again. */
	@Test
	void aForcedPasswordChangeMadeOnOneNodeIsDoneForTheOther() {
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()), true);
		WebSession a = new WebSession(portA);
		WebSession b = a.on(portB);
		assertThat(a.login(account.username(), TestWorld.PASSWORD).location()).endsWith("/account/password");
		assertThat(b.get("/").location()).endsWith("/account/password");
		assertThat(a.post("/account/password", "/account/password", Map.of("currentPassword", TestWorld.PASSWORD,
				"newPassword", "Two#Nodes2026", "confirmation", "Two#Nodes2026")).location()).endsWith("/");
		assertThat(b.get("/").status()).isEqualTo(200);
		assertThat(a.get("/").status()).isEqualTo(200);
	}

	/** A refused form kept as flash attributes (messages and the form object) on A is shown by B after the redirect. */
	@Test
	void flashAttributesSetOnOneNodeAreShownByTheOther() {
		AccountView org = world.account(Role.ORG, world.trainingOrg());
		CertificateView certificate = catalog.createCertificate(world.scopeOf(org),
				CertificateForm.of(TestWorld.unique("两节点证书")));
		String category = TestWorld.unique("两节点类别");
		WebSession a = new WebSession(portA);
		WebSession b = a.on(portB);
		a.login(org.username(), TestWorld.PASSWORD);
		String page = "/sites/checklists?certificateId=" + certificate.id();
		WebSession.Page refused = a.post(page, "/sites/checklists/" + certificate.id() + "/items",
				Map.of("category", category, "requirement", " "));
		assertThat(refused.location()).endsWith(page);
		WebSession.Page shown = b.get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("请填写要求").contains("value=\"" + category + "\"");
		assertThat(b.get(page).body()).doesNotContain("请填写要求");
	}

	@Test
	void aLockedScheduledTaskRunsOnceWhileBothNodesTick() {
		await(() -> attempts("A") >= 3 && attempts("B") >= 3, "both nodes' schedulers ticking");
		List<String> runs = jdbc.sql("SELECT node FROM two_nodes_probe").query(String.class).list();
		assertThat(runs).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = ?").param(PROBE).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void eachQueuedJobRunsOnceWithTwoNodesPolling() {
		Scope scope = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		List<UUID> ids = tx.execute(s -> java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> jobs.submit(scope, "test.two-nodes", String.valueOf(i), null, null).id())
			.toList());
		await(() -> ids.stream().allMatch(id -> jobs.get(scope, id).state().finished()), "all jobs finished");
		assertThat(ids).allSatisfy(id -> assertThat(jobs.get(scope, id).state()).isEqualTo(JobState.SUCCEEDED));
		for (UUID id : ids) {
			assertThat(jdbc.sql("SELECT count(*) FROM two_nodes_job_run WHERE job_id = ?")
				.param(id)
				.query(Long.class)
				.single()).as("runs of job %s", id).isEqualTo(1);
		}
	}

	private static int attempts(String node) {
		return ATTEMPTS.computeIfAbsent(node + "/" + PROBE, k -> new AtomicInteger()).get();
	}

	/** Waits for a condition (not a timing assertion: the limit only ends a test that would otherwise hang). */
	private static void await(BooleanSupplier condition, String what) {
		Instant limit = Instant.now().plus(Duration.ofMinutes(2));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(limit)) {
				throw new AssertionError("still waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** What each node has besides the platform: the probe task, a job kind that records its runs, lock counting. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NodeParts {

		@Bean
		Probe twoNodesProbe(JdbcClient jdbc, @Value("${kaowu.test.node:A}") String node) {
			return new Probe(jdbc, node);
		}

		@Bean
		JobHandler twoNodesJob(JdbcClient jdbc, @Value("${kaowu.test.node:A}") String node) {
			jdbc.sql("CREATE TABLE IF NOT EXISTS two_nodes_job_run (job_id UUID NOT NULL, node TEXT NOT NULL)").update();
			return new JobHandler() {
				@Override
				public String kind() {
					return "test.two-nodes";
				}

				@Override
				public void run(cn.kaowu.platform.job.JobContext context) {
					jdbc.sql("INSERT INTO two_nodes_job_run (job_id, node) VALUES (?, ?)")
						.params(context.jobId(), node)
						.update();
					context.finish(1, 0, "节点 " + node);
				}
			};
		}

		/** The platform's lock provider, counting each node's attempts to take a lock. */
		@Bean
		@Primary
		LockProvider countingLockProvider(@Qualifier("lockProvider") LockProvider platform,
				@Value("${kaowu.test.node:A}") String node) {
			return new LockProvider() {
				@Override
				public Optional<SimpleLock> lock(LockConfiguration configuration) {
					ATTEMPTS.computeIfAbsent(node + "/" + configuration.getName(), k -> new AtomicInteger())
						.incrementAndGet();
					return platform.lock(configuration);
				}
			};
		}
	}

	/**
	 * Ticks every 100 ms on both nodes. The lock is held for 10 minutes (lockAtLeastFor), longer than the test, so
	 * every tick after the first, on either node, must skip.
	 */
	static class Probe {

		private final JdbcClient jdbc;

		private final String node;

		Probe(JdbcClient jdbc, String node) {
			this.jdbc = jdbc;
			this.node = node;
			jdbc.sql("CREATE TABLE IF NOT EXISTS two_nodes_probe (node TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)").update();
		}

		@Scheduled(fixedDelay = 100)
		@SchedulerLock(name = PROBE, lockAtLeastFor = "PT10M", lockAtMostFor = "PT10M")
		public void tick() {
			jdbc.sql("INSERT INTO two_nodes_probe (node, at) VALUES (?, ?)")
				.params(node, Timestamp.from(Instant.now()))
				.update();
		}
	}
}
