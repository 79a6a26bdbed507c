package cn.kaowu.platform.job;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@Import(JobRunnerIntegrationTest.Handlers.class)
class JobRunnerIntegrationTest {

	@TestConfiguration
	static class Handlers {

		/** Counts to the number in its params, reporting progress, and attaches a report. */
		@Bean
		JobHandler countingHandler() {
			return new JobHandler() {
				@Override
				public String kind() {
					return "test.count";
				}

				@Override
				public void run(JobContext context) {
					int n = Integer.parseInt(context.params());
					for (int i = 1; i <= n; i++) {
						context.progress(i, n);
					}
					context.attachReport("报告.txt", "text/plain", ("counted " + n).getBytes(StandardCharsets.UTF_8));
					context.finish(n - 1, 1, "数到 " + n);
				}
			};
		}

		@Bean
		JobHandler failingHandler() {
			return new JobHandler() {
				@Override
				public String kind() {
					return "test.fail";
				}

				@Override
				public void run(JobContext context) {
					throw new InvalidInputProblem("file", "upload.empty", String.valueOf(context.inputName()));
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	JobRunner runner;

	@Autowired
	TestWorld world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void aJobRunsToTheEndWithItsCountsMessageAndReport() throws Exception {
		AccountView owner = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		Scope scope = world.scopeOf(owner);
		JobView job = tx.execute(s -> jobs.submit(scope, "test.count", "1000", null, null));
		assertThat(job.state()).isEqualTo(JobState.QUEUED);

		JobView done = await(scope, job.id(), j -> j.state().finished());
		assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(done.processed()).isEqualTo(1000);
		assertThat(done.succeeded()).isEqualTo(999);
		assertThat(done.failed()).isEqualTo(1);
		assertThat(done.message()).isEqualTo("数到 1000");
		assertThat(done.percent()).isEqualTo(100);
		assertThat(new String(jobs.read(jobs.file(scope, job.id(), "report")), StandardCharsets.UTF_8))
			.isEqualTo("counted 1000");
	}

	@Test
	void aFailingJobEndsFailedWithTheReasonInChinese() throws Exception {
		Scope scope = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		JobView job = tx.execute(
				s -> jobs.submit(scope, "test.fail", "", "考生.xlsx", "x".getBytes(StandardCharsets.UTF_8)));
		JobView done = await(scope, job.id(), j -> j.state().finished());
		assertThat(done.state()).isEqualTo(JobState.FAILED);
		assertThat(done.message()).isEqualTo("文件“考生.xlsx”是空的");
	}

	@Test
	void anotherOrganisationCannotSeeTheJob() {
		Scope mine = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		Scope theirs = world.scopeOf(world.account(Role.COLLEGE_ADMIN, world.college(world.province())));
		JobView job = tx.execute(s -> jobs.submit(mine, "test.count", "1", null, null));
		assertThatThrownBy(() -> jobs.get(theirs, job.id())).isInstanceOf(NotFoundProblem.class);
		assertThat(jobs.list(theirs, null, cn.kaowu.platform.kernel.PageQuery.of(1, 100)).items())
			.extracting(JobView::id)
			.doesNotContain(job.id());
	}

	@Test
	void aJobWhoseNodeStoppedBeatingIsQueuedAgainAndRunsOnceToTheEnd() throws Exception {
		Scope scope = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		UUID id = deadJob(scope, 1);
		assertThat(runner.sweep()).isGreaterThanOrEqualTo(1);
		JobView done = await(scope, id, j -> j.state().finished());
		assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(done.succeeded()).as("the whole work, once").isEqualTo(4);
		assertThat(jdbc.sql("SELECT attempts FROM job WHERE id = ?").param(id).query(Integer.class).single())
			.isEqualTo(2);
		assertThat(jdbc.sql("SELECT claimed_by FROM job WHERE id = ?").param(id).query(String.class).single())
			.as("the claiming node is recorded").isNotBlank();
	}

	@Test
	void aJobWhoseNodesStoppedThreeTimesIsMarkedFailed() {
		Scope scope = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		UUID id = deadJob(scope, JobRunner.MAX_ATTEMPTS);
		assertThat(runner.sweep()).isGreaterThanOrEqualTo(1);
		JobView job = jobs.get(scope, id);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.message()).startsWith("任务执行中断");
	}

	@Test
	void aJobInsideItsOwnLongTransactionIsNeitherWaitedForNorTakenAsDead() throws Exception {
		Scope scope = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		UUID id = deadJob(scope, 1);
		// A live job on another node: its transaction has written its progress (and so locked its row) but not
		// committed, so the committed heartbeat looks five minutes old.
		try (java.sql.Connection live = dataSource.getConnection()) {
			live.setAutoCommit(false);
			try (var update = live.prepareStatement("UPDATE job SET processed = 1, heartbeat_at = now() WHERE id = ?")) {
				update.setObject(1, id);
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			// Before: the sweep waited on the row lock until the statement timeout (60 s) cancelled it.
			int swept = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> runner.sweep(), "the sweep must not wait for a live job's transaction");
			assertThat(swept).isZero();
			assertThat(jdbc.sql("SELECT state FROM job WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("RUNNING");
			live.rollback();
		}
		// Its transaction gone without a commit (the node died): now it is swept.
		assertThat(runner.sweep()).isGreaterThanOrEqualTo(1);
		await(scope, id, j -> j.state().finished());
	}

	/** A job left RUNNING by a node that stopped beating five minutes ago, claimed {@code attempts} times. */
	private UUID deadJob(Scope scope, int attempts) {
		UUID id = UUID.randomUUID();
		Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
		jdbc.sql("""
				INSERT INTO job (id, kind, state, organisation_id, created_by, created_by_name, creator_role, params,
				  created_at, started_at, heartbeat_at, attempts, claimed_by)
				VALUES (?, 'test.count', 'RUNNING', ?, ?, ?, 'ORG', '5', ?, ?, ?, ?, 'gone-1')""")
			.params(id, scope.organisationId(), scope.accountId(), scope.username(), Timestamp.from(longAgo),
					Timestamp.from(longAgo), Timestamp.from(longAgo), attempts)
			.update();
		return id;
	}

	@Test
	void progressStreamsToThePageAsServerSentEvents() throws Exception {
		AccountView owner = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		Scope scope = world.scopeOf(owner);
		JobView job = tx.execute(s -> jobs.submit(scope, "test.count", "50", null, null));
		await(scope, job.id(), j -> j.state().finished());
		WebSession web = new WebSession(port);
		web.login(owner.username(), TestWorld.PASSWORD);
		String stream = web.get("/jobs/" + job.id() + "/events").body();
		assertThat(stream).contains("event:progress").contains("已完成").contains("成功 49 条，失败 1 条。")
			.contains("event:done");
		assertThat(web.get("/jobs/" + job.id()).body()).contains("100%").contains("下载失败明细");
	}

	private JobView await(Scope scope, UUID id, Predicate<JobView> condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (true) {
			JobView job = jobs.get(scope, id);
			if (condition.test(job)) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("job did not finish: " + job);
			}
			Thread.sleep(100);
		}
	}
}
