package cn.kaowu.platform.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.storage.FileStorage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued jobs: claims them with {@code FOR UPDATE SKIP LOCKED} (so with several nodes each job runs
 * once), runs at most {@code kaowu.jobs.concurrency} at a time on virtual threads, keeps a heartbeat, and
 * queues jobs whose heartbeat stopped (their node died, their transaction was rolled back) again on a surviving node,
 * up to {@link #MAX_ATTEMPTS} claims, then fails them. Each claim records the node ({@code kaowu.node-name}, default
 * host name and process id).
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	/** A running job whose heartbeat is older than this belongs to a dead node. */
	static final Duration STALE = Duration.ofSeconds(30);

	/** Claims of one job before a dead node's job is failed instead of queued again. */
	static final int MAX_ATTEMPTS = 3;

	private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final FileStorage files;

	private final ProblemMessages messages;

	private final Clock clock;

	private final Map<String, JobHandler> handlers;

	private final Semaphore slots;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	private final String node;

	private final MeterRegistry meters;

	JobRunner(JdbcClient jdbc, TransactionTemplate tx, FileStorage files, ProblemMessages messages, Clock clock,
			List<JobHandler> handlers, @Value("${kaowu.jobs.concurrency:2}") int concurrency,
			@Value("${kaowu.node-name:}") String node, MeterRegistry meters) {
		this.node = node.isBlank() ? defaultNodeName() : node;
		this.meters = meters;
		// Queue depth of the whole cluster (read at each scrape) and the jobs running on this node.
		Gauge.builder("kaowu.jobs.queued", jdbc,
				j -> j.sql("SELECT count(*) FROM job WHERE state = 'QUEUED'").query(Long.class).single())
			.description("Jobs waiting for a runner (all nodes)")
			.register(meters);
		Gauge.builder("kaowu.jobs.running", running, Set::size).description("Jobs running on this node").register(meters);
		this.jdbc = jdbc;
		this.tx = tx;
		this.files = files;
		this.messages = messages;
		this.clock = clock;
		this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
		this.slots = new Semaphore(concurrency);
	}

	/**
	 * Every node polls (no scheduler lock): the claim's {@code FOR UPDATE SKIP LOCKED} gives each queued job to one
	 * node, and several polling nodes share the queue.
	 */
	@Scheduled(fixedDelayString = "${kaowu.jobs.poll-ms:500}")
	void poll() {
		while (slots.tryAcquire()) {
			Optional<Claimed> claimed = claim();
			if (claimed.isEmpty()) {
				slots.release();
				return;
			}
			running.add(claimed.get().id());
			executor.submit(() -> {
				try {
					execute(claimed.get());
				}
				finally {
					running.remove(claimed.get().id());
					slots.release();
				}
			});
		}
	}

	/** Every node beats for the jobs it runs itself (no scheduler lock: another node cannot beat for them). */
	@Scheduled(fixedDelayString = "${kaowu.jobs.heartbeat-ms:5000}")
	void heartbeat() {
		if (!running.isEmpty()) {
			// A job whose row is locked is inside its own transaction, which writes heartbeat_at with its progress:
			// skipped, else this beat (and so every other job's of this node) would wait for that transaction to end.
			jdbc.sql("""
					UPDATE job SET heartbeat_at = ? WHERE id IN (SELECT id FROM job WHERE id = ANY (?)
					  AND state = 'RUNNING' FOR UPDATE SKIP LOCKED)""")
				.params(now(), running.toArray(UUID[]::new))
				.update();
		}
	}

	/**
	 * The dead-node sweep on one node per tick. It is idempotent and safe on every node (a node's own running jobs
	 * are excluded, other nodes' jobs are judged by their heartbeat alone), the lock only saves the duplicate
	 * UPDATEs. At most 2 minutes: the UPDATE takes milliseconds, a lock left by a node killed mid-sweep must not
	 * stop the sweep for long. At least 5 seconds (half the period): a node whose timer fires a moment after another
	 * node's sweep skips that tick.
	 */
	@Scheduled(fixedDelayString = "${kaowu.jobs.sweep-ms:10000}")
	@SchedulerLock(name = "job-dead-node-sweep", lockAtMostFor = "PT2M", lockAtLeastFor = "PT5S")
	void scheduledSweep() {
		sweep();
	}

	/**
	 * Jobs whose node stopped beating (crash, kill -9): their transaction was rolled back, so they are queued again for
	 * any node, or failed after {@link #MAX_ATTEMPTS} claims. A row that is locked belongs to a transaction that is
	 * still alive (a dead node's connection, and with it its locks, is gone): skipped, not waited for — a long import
	 * whose progress sits uncommitted in its own transaction looks stale from outside but is not dead.
	 */
	int sweep() {
		Instant limit = clock.instant().minus(STALE);
		int swept = jdbc.sql("""
				UPDATE job SET state = CASE WHEN attempts < :max THEN 'QUEUED' ELSE 'FAILED' END,
				  finished_at = CASE WHEN attempts < :max THEN NULL ELSE CAST(:now AS timestamptz) END,
				  message = CASE WHEN attempts < :max THEN :requeued ELSE :interrupted END,
				  processed = CASE WHEN attempts < :max THEN 0 ELSE processed END, heartbeat_at = NULL
				WHERE id IN (SELECT id FROM job WHERE state = 'RUNNING' AND heartbeat_at < :limit
				  AND NOT (id = ANY (:mine)) FOR UPDATE SKIP LOCKED)""")
			.param("max", MAX_ATTEMPTS)
			.param("now", now())
			.param("requeued", messages.text("job.requeued"))
			.param("interrupted", messages.text("job.interrupted"))
			.param("limit", Timestamp.from(limit))
			.param("mine", running.toArray(UUID[]::new))
			.update();
		if (swept > 0) {
			log.warn("{} job(s) of a stopped node queued again or failed", swept);
		}
		return swept;
	}

	private static String defaultNodeName() {
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			host = "node";
		}
		return host + "-" + ProcessHandle.current().pid();
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	private record Claimed(UUID id, String kind, Scope scope, String params, @Nullable UUID inputFileId,
			@Nullable String inputName) {
	}

	private Optional<Claimed> claim() {
		return tx.execute(status -> jdbc.sql("""
				UPDATE job SET state = 'RUNNING', started_at = ?, heartbeat_at = ?, attempts = attempts + 1, claimed_by = ?
				WHERE id = (SELECT id FROM job WHERE state = 'QUEUED' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
				RETURNING *""")
			.params(now(), now(), node)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("kind"), Jobs.scopeOf(rs),
					rs.getString("params"), rs.getObject("input_file_id", UUID.class), rs.getString("input_name")))
			.optional());
	}

	private void execute(Claimed job) {
		JobHandler handler = handlers.get(job.kind());
		Context context = new Context(job);
		MDC.put("job_id", job.id().toString());
		MDC.put("job_kind", job.kind());
		meters.counter("kaowu.jobs.started", "kind", job.kind()).increment();
		Timer.Sample sample = Timer.start(meters);
		String outcome = "failed";
		try {
			if (handler == null) {
				throw new DomainException(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "job.unknownKind",
						job.kind());
			}
			handler.run(context);
			jdbc.sql("""
					UPDATE job SET state = 'SUCCEEDED', finished_at = ?, processed = GREATEST(processed, ?), total = ?,
					  succeeded = ?, failed = ?, message = ? WHERE id = ? AND state = 'RUNNING' AND claimed_by = ?""")
				.params(now(), context.processed, context.total, context.succeeded, context.failed,
						context.message == null ? null : ChineseIdNumber.maskWithin(context.message), job.id(), node)
				.update();
			outcome = "succeeded";
		}
		catch (Exception e) {
			// Masked: a message may echo an uploaded file's name, and photos are named by ID number.
			String message = ChineseIdNumber.maskWithin(e instanceof DomainException d ? describe(d)
					: messages.text("job.failed", String.valueOf(e.getMessage())));
			if (!(e instanceof DomainException)) {
				log.error("Job {} ({}) failed", job.id(), job.kind(), e);
			}
			// Only while this node still holds the claim: a job swept away from a node that stalled is another's now.
			jdbc.sql("UPDATE job SET state = 'FAILED', finished_at = ?, message = ? WHERE id = ? AND state = 'RUNNING' AND claimed_by = ?")
				.params(now(), message, job.id(), node)
				.update();
		}
		finally {
			record(job.kind(), handler, outcome, sample, context);
			MDC.remove("job_id");
			MDC.remove("job_kind");
		}
	}

	/** Jobs by kind and outcome with their duration; for imports ({@link JobHandler#importsRows}) also rows. */
	private void record(String kind, @Nullable JobHandler handler, String outcome, Timer.Sample sample,
			Context context) {
		meters.counter("kaowu.jobs.finished", "kind", kind, "outcome", outcome).increment();
		long nanos = sample.stop(meters.timer("kaowu.jobs.duration", "kind", kind, "outcome", outcome));
		if (handler != null && handler.importsRows()) {
			meters.timer("kaowu.imports.duration", "kind", kind, "outcome", outcome)
				.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
			meters.counter("kaowu.imports.rows", "kind", kind, "outcome", "ok").increment(context.succeeded);
			meters.counter("kaowu.imports.rows", "kind", kind, "outcome", "failed").increment(context.failed);
		}
	}

	/** A business error as one line: its field problems if it has any, else its message. */
	private String describe(DomainException e) {
		if (e.fieldProblems().isEmpty()) {
			return messages.text(e);
		}
		return messages.fieldErrors(e).stream().map(m -> m.get("message")).collect(Collectors.joining("；"));
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private final class Context implements JobContext {

		private final Claimed job;

		private volatile int processed;

		private volatile int total;

		private int succeeded;

		private int failed;

		private @Nullable String message;

		private Instant lastWrite = Instant.EPOCH;

		private byte @Nullable [] input;

		Context(Claimed job) {
			this.job = job;
		}

		@Override
		public UUID jobId() {
			return job.id();
		}

		@Override
		public Scope scope() {
			return job.scope();
		}

		@Override
		public String params() {
			return job.params();
		}

		@Override
		public byte @Nullable [] input() {
			if (input == null && job.inputFileId() != null) {
				input = files.read(job.inputFileId());
			}
			return input;
		}

		@Override
		public @Nullable String inputName() {
			return job.inputName();
		}

		@Override
		public void progress(int processed, int total) {
			this.processed = processed;
			this.total = total;
			Instant now = Instant.now();
			if (Duration.between(lastWrite, now).compareTo(PROGRESS_INTERVAL) >= 0 || processed >= total) {
				lastWrite = now;
				jdbc.sql("UPDATE job SET processed = ?, total = ?, heartbeat_at = ? WHERE id = ?")
					.params(processed, total, Timestamp.from(clock.instant()), job.id())
					.update();
			}
		}

		@Override
		public void finish(int succeeded, int failed, String message) {
			this.succeeded = succeeded;
			this.failed = failed;
			this.message = message;
		}

		@Override
		public void attachResult(String name, String contentType, byte[] content) {
			attach("result_file_id", name, contentType, content);
		}

		@Override
		public void attachReport(String name, String contentType, byte[] content) {
			attach("report_file_id", name, contentType, content);
		}

		private void attach(String column, String name, String contentType, byte[] content) {
			tx.executeWithoutResult(status -> {
				UUID file = files.saveGenerated(job.scope(), "job-" + column, name, contentType, content).id();
				jdbc.sql("UPDATE job SET " + column + " = ? WHERE id = ?").params(file, job.id()).update();
			});
		}
	}
}
