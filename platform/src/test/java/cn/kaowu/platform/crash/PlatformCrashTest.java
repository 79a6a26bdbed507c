package cn.kaowu.platform.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.candidate.CandidateFileGenerator;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 part 5: {@code kill -9} of a platform node in the middle of a job, on one PostgreSQL that outlives it.
 * <p>
 * This JVM's context owns the embedded PostgreSQL and makes the test data with the usual mothers; its own job runner
 * claims nothing ({@code kaowu.jobs.concurrency=0}). The work runs on separate JVMs ({@link PlatformNode}). To crash a
 * node at the worst moment — its rows written, its transaction not yet committed — the test holds the audit chain's
 * head row ({@code audit_chain_head}, which every audited change locks last before its commit): the node's job blocks
 * there, the test sees its backend waiting with a transaction id (it has written), and kills the node. Then: nothing
 * of the job's transaction is visible, the job row is still {@code RUNNING} under the dead node's claim, and a second
 * node (after the 30 s heartbeat limit) queues it again and runs it to the exact expected end state; running it
 * once more changes nothing.
 */
@IntegrationTest
class PlatformCrashTest {

	private static final Path SHARED = Path.of("target", "crash", UUID.randomUUID().toString()).toAbsolutePath();

	private static final int ROWS = 5_000;

	@DynamicPropertySource
	static void sharedFilesAndNoJobRunner(DynamicPropertyRegistry registry) {
		registry.add("kaowu.jobs.concurrency", () -> "0");
		PlatformNode.register(registry, SHARED);
	}

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	TestWorld world;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	AuditLog audit;

	@Autowired
	AdjustableClock clock;

	private CrashDatabase db;

	private JdbcClient jdbc;

	@BeforeEach
	void owner() {
		db = new CrashDatabase(postgres);
		jdbc = db.jdbc;
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anImportKilledBeforeItsCommitStoresNothingAndIsResumedToExactlyItsRows() throws Exception {
		OrganisationView college = world.college(world.province());
		Scope scope = world.scopeOf(world.account(Role.COLLEGE_ADMIN, college));
		Path file = SHARED.resolve("candidates.xlsx");
		Files.createDirectories(SHARED);
		CandidateFileGenerator.main(new String[] { file.toString(), String.valueOf(ROWS), "41" });
		byte[] content = Files.readAllBytes(file);
		JobView job = candidates.startImport(scope, CandidateKind.COLLEGE, "考生.xlsx", content);

		crashAndResume(job.id(), "import", () -> {
			assertThat(count("SELECT count(*) FROM candidate WHERE import_job_id = ?", job.id())).isZero();
			assertThat(count("SELECT count(*) FROM candidate WHERE college_id = ?", college.id())).isZero();
			assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'candidate.import' AND entity_id = ?",
					job.id().toString())).isZero();
		});

		Map<String, Object> done = jobRow(job.id());
		assertThat(done).containsEntry("state", "SUCCEEDED").containsEntry("succeeded", ROWS).containsEntry("failed", 0);
		assertThat(count("SELECT count(*) FROM candidate WHERE import_job_id = ?", job.id())).isEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM candidate WHERE college_id = ?", college.id())).isEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM (SELECT 1 FROM candidate GROUP BY id_type, id_number_index HAVING count(*) > 1) d"))
			.isZero();
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'candidate.import' AND entity_id = ?",
				job.id().toString())).isEqualTo(1);

		// Running the same file again stores nothing more: every row is reported as already stored.
		JobView again = candidates.startImport(scope, CandidateKind.COLLEGE, "考生.xlsx", content);
		try (PlatformNode node = PlatformNode.start("crash-import-again", db.url(), SHARED, Duration.ZERO)) {
			awaitFinished(node, again.id());
		}
		assertThat(jobRow(again.id())).containsEntry("state", "SUCCEEDED").containsEntry("succeeded", 0)
			.containsEntry("failed", ROWS);
		assertThat(count("SELECT count(*) FROM candidate WHERE college_id = ?", college.id())).isEqualTo(ROWS);
		assertThat(audit.verify().intact()).as("the audit chain after the crash").isTrue();
	}

	@Test
	void aSchedulingRunKilledBeforeItsCommitLeavesNoSeatsAndIsResumedToTheWholeSchedule() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		long planId = s.r().plan().id();
		JobView job = scheduling.startRun(s.r().setting().orgScope(), planId, null);

		crashAndResume(job.id(), "schedule", () -> {
			assertThat(count("SELECT count(*) FROM schedule_seat WHERE plan_id = ?", planId)).isZero();
			assertThat(count("SELECT count(*) FROM schedule_invigilation WHERE plan_id = ?", planId)).isZero();
			assertThat(count("SELECT count(*) FROM schedule_run WHERE plan_id = ?", planId)).isZero();
		});

		assertThat(jobRow(job.id())).containsEntry("state", "SUCCEEDED");
		assertThat(count("SELECT count(*) FROM schedule_seat WHERE plan_id = ?", planId)).isEqualTo(96);
		assertThat(count("SELECT count(DISTINCT ticket_number) FROM schedule_seat WHERE plan_id = ?", planId))
			.isEqualTo(count("SELECT count(DISTINCT candidate_id) FROM schedule_seat WHERE plan_id = ?", planId));
		assertThat(count("SELECT count(*) FROM schedule_run WHERE plan_id = ?", planId)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'schedule.run' AND entity_id = ?",
				String.valueOf(planId))).isEqualTo(1);

		// A second run replaces the draft: the same seats, not twice as many.
		Scheduling.RunSummary rerun = scheduling.run(s.r().setting().orgScope(), planId, null);
		assertThat(rerun.records()).isEqualTo(96);
		assertThat(count("SELECT count(*) FROM schedule_seat WHERE plan_id = ?", planId)).isEqualTo(96);
		assertThat(count("SELECT count(*) FROM schedule_run WHERE plan_id = ?", planId)).isEqualTo(1);
		assertThat(audit.verify().intact()).as("the audit chain after the crash").isTrue();
	}

	/**
	 * The crash: node A claims the queued job and blocks on the audit head the test holds, with its rows written
	 * and not committed; A is killed; {@code nothingVisible} checks the database; node B resumes the job.
	 */
	private void crashAndResume(UUID jobId, String name, Runnable nothingVisible) throws Exception {
		Duration offset = Duration.between(Instant.now(), clock.instant());
		try (Connection lock = db.holdAuditHead()) {
			PlatformNode a = PlatformNode.start("crash-" + name + "-a", db.url(), SHARED, offset);
			try {
				CrashDatabase.await(a, "node A blocked in the job's transaction with rows written", () -> {
					Map<String, Object> row = jobRow(jobId);
					return "RUNNING".equals(row.get("state")) && a.name().equals(row.get("claimed_by"))
							&& db.writerWaitingOnAuditHead();
				});
			}
			finally {
				a.kill();
			}
			Map<String, Object> dead = jobRow(jobId);
			assertThat(dead).as("the job right after the kill").containsEntry("state", "RUNNING")
				.containsEntry("claimed_by", a.name())
				.containsEntry("attempts", 1);
			lock.rollback();
		}
		db.awaitDeadTransactionGone();
		nothingVisible.run();

		try (PlatformNode b = PlatformNode.start("crash-" + name + "-b", db.url(), SHARED, offset)) {
			awaitFinished(b, jobId);
			Map<String, Object> row = jobRow(jobId);
			assertThat(row).as("the job after the restart").containsEntry("claimed_by", b.name())
				.containsEntry("attempts", 2);
		}
	}

	private void awaitFinished(PlatformNode node, UUID jobId) throws Exception {
		// Up to 30 s for the dead claim to go stale, then the sweep, the node's start and the job itself.
		CrashDatabase.await(node, "job " + jobId + " finished", () -> {
			Object state = jobRow(jobId).get("state");
			return "SUCCEEDED".equals(state) || "FAILED".equals(state);
		});
	}

	private Map<String, Object> jobRow(UUID id) {
		return jdbc.sql("SELECT state, claimed_by, attempts, succeeded, failed, message FROM job WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private long count(String sql, Object... params) {
		return db.count(sql, params);
	}
}
