package cn.kaowu.platform.score;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks a plan's scores for good once its publication window is over (004 ch.3 §8: "若超过这个时间成绩将锁定，不允许再做任何
 * 修改"). The time is the platform clock's (tests move it), never the database's {@code now()}: the lock is written as
 * data — a {@code score_plan_lock} row and {@code locked = true} on every score row of the plan — and a trigger then
 * refuses any UPDATE or DELETE of a locked row and any INSERT into a locked plan. The sweep runs on a schedule (like
 * the job sweeper) and, so that nobody waits for it, before every read and write of a plan's scores
 * ({@link #lockIfOver}).
 */
@Component
public class ScoreLocks {

	private static final Logger log = LoggerFactory.getLogger(ScoreLocks.class);

	private final JdbcClient jdbc;

	private final ExamPlans plans;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	ScoreLocks(JdbcClient jdbc, ExamPlans plans, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The scheduled sweep, on one node per tick. Two nodes sweeping at once would still be correct (the second
	 * node's {@code ON CONFLICT DO NOTHING} and {@code WHERE NOT locked} find nothing left to do), but would read every
	 * open plan twice. At most 10 minutes: a sweep over every
	 * open plan takes seconds, and a lock left by a node that died mid-sweep then expires before long. At least 30
	 * seconds (half the one-minute period): a node whose timer fires just after another node's sweep skips it.
	 */
	@Scheduled(fixedDelayString = "${kaowu.scores.lock-sweep-ms:60000}", initialDelayString = "${kaowu.scores.lock-sweep-ms:60000}")
	@SchedulerLock(name = "score-lock-sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	public void scheduledSweep() {
		sweep();
	}

	/** Locks every plan with unlocked scores whose publication has ended; returns how many plans it locked. */
	public int sweep() {
		Instant now = clock.instant();
		int locked = 0;
		List<Long> open = jdbc.sql("SELECT DISTINCT plan_id FROM score_record WHERE NOT locked").query(Long.class).list();
		for (long planId : open) {
			var plan = plans.find(planId);
			if (plan.isPresent() && lockIfOver(plan.get(), now)) {
				locked++;
			}
		}
		if (locked > 0) {
			log.info("Locked the scores of {} plan(s) whose publication ended", locked);
		}
		return locked;
	}

	/**
	 * Locks the plan's scores if its publication is over at {@code now}; in its own transaction, so the lock stays
	 * when the caller's action is then refused. Returns whether it locked anything now.
	 */
	public boolean lockIfOver(PlanView plan, Instant now) {
		if (!plan.scoresLocked(now)) {
			return false;
		}
		return Boolean.TRUE.equals(tx.execute(status -> lock(plan, now)));
	}

	private boolean lock(PlanView plan, Instant now) {
		int planRow = jdbc.sql("INSERT INTO score_plan_lock (plan_id, locked_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(plan.id(), Timestamp.from(now))
			.update();
		int rows = jdbc.sql("UPDATE score_record SET locked = true WHERE plan_id = ? AND NOT locked")
			.param(plan.id())
			.update();
		if (planRow > 0 || rows > 0) {
			audit.record(Scope.system(), AuditRecord.of("score.lock", "ExamPlan", plan.id(), null, "LOCKED",
					plan.name() + "：成绩公示结束（" + plan.publication() + "），锁定 " + rows + " 条成绩",
					plan.organisationId()));
			return true;
		}
		return false;
	}

	/** Whether the database holds the plan as locked. */
	public boolean isLocked(long planId) {
		return jdbc.sql("SELECT count(*) FROM score_plan_lock WHERE plan_id = ?").param(planId).query(Long.class)
			.single() > 0;
	}
}
