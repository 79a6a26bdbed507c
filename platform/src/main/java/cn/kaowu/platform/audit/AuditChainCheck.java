package cn.kaowu.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.kernel.PageAlert;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checks the audit hash chain every night (one node of the cluster, through ShedLock) and whenever an administrator
 * asks, and keeps every outcome. While the latest check found the chain broken, administrators see an alert on every
 * page, the log has an ERROR line and the gauge {@code kaowu_audit_chain_intact} is 0, so an outside alerting rule can
 * page someone.
 */
@Service
public class AuditChainCheck implements PageAlert.Source {

	private static final Logger log = LoggerFactory.getLogger(AuditChainCheck.class);

	/** The outcome of one check, as kept. */
	public record Check(long id, Instant startedAt, Instant finishedAt, String trigger, String actorName, String node,
			boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq, @Nullable String reason) {
	}

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(cn.kaowu.platform.kernel.AdjustableClock.CHINA);

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node;

	AuditChainCheck(AuditLog audit, JdbcClient jdbc, Clock clock, @Value("${kaowu.node-name:}") String node,
			MeterRegistry meters) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node.isBlank() ? "local" : node;
		Gauge.builder("kaowu.audit.chain.intact", this, c -> c.latest().map(l -> l.intact() ? 1.0 : 0.0).orElse(1.0))
			.description("1 while the latest check found the audit hash chain intact, 0 after a break")
			.register(meters);
	}

	/** Nightly at 02:30 Beijing time by default; {@code kaowu.audit.verify-cron} moves it ("-" switches it off). */
	@Scheduled(cron = "${kaowu.audit.verify-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "audit-chain-verify", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
	public void scheduledCheck() {
		run("SCHEDULED", "system");
	}

	/** An administrator's check from the audit page. */
	public Check checkNow(Scope scope) {
		scope.requireAdmin();
		return run("MANUAL", scope.username());
	}

	Check run(String trigger, String actor) {
		Instant started = clock.instant();
		AuditVerification v = audit.verify();
		Instant finished = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO audit_verification (started_at, finished_at, trigger, actor_name, node, intact,
				  entries_checked, first_broken_seq, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(Timestamp.from(started), Timestamp.from(finished), trigger, actor, node, v.intact(),
					v.entriesChecked(), v.firstBrokenSeq(), v.reason())
			.query(Long.class)
			.single();
		if (v.intact()) {
			log.info("Audit hash chain intact: {} entries checked ({}, {})", v.entriesChecked(), trigger, actor);
		}
		else {
			log.error("AUDIT CHAIN BROKEN: {} at entry {} ({} entries checked; {}, {}). See /admin/audit.", v.reason(),
					v.firstBrokenSeq(), v.entriesChecked(), trigger, actor);
		}
		return new Check(id, started, finished, trigger, actor, node, v.intact(), v.entriesChecked(),
				v.firstBrokenSeq(), v.reason());
	}

	/** The latest check, if any. */
	public Optional<Check> latest() {
		return jdbc.sql("SELECT * FROM audit_verification ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new Check(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at").toInstant(), rs.getString("trigger"), rs.getString("actor_name"),
					rs.getString("node"), rs.getBoolean("intact"), rs.getLong("entries_checked"),
					(Long) rs.getObject("first_broken_seq"), rs.getString("reason")))
			.optional();
	}

	/** Administrators see a broken chain on every page until a later check finds it intact. */
	@Override
	public List<PageAlert> alerts(Scope scope) {
		if (scope.role() != Role.ADMIN) {
			return List.of();
		}
		return latest().filter(c -> !c.intact())
			.map(c -> List.of(new PageAlert("audit.alert.broken",
					List.of(MINUTE.format(c.finishedAt()), String.valueOf(c.firstBrokenSeq())),
					"/admin/audit")))
			.orElse(List.of());
	}
}
