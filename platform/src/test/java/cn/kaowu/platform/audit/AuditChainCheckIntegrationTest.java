package cn.kaowu.platform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily check of the audit chain, kept with its outcome, and the alert administrators see on every page while the
 * latest check found the chain broken. The break is made (and undone) by the owner with the append-only triggers off,
 * committed, because the check reads through the application's own connections.
 */
@IntegrationTest
class AuditChainCheckIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AuditChainCheck checks;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TestWorld world;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	MeterRegistry meters;

	@Test
	void theNightlyCheckKeepsItsOutcomeAndABreakAlertsAdministratorsUntilACheckFindsTheChainIntact() throws Exception {
		AuditEntry entry = tx.execute(s -> audit.record(AuditRecord.of("test.check", "Thing", 7, null, "DRAFT", "原文", null)));
		AccountView admin = world.admin();
		AccountView orgAccount = world.account(Role.ORG, world.trainingOrg());

		AuditChainCheck.Check ok = checks.run("SCHEDULED", "system");
		assertThat(ok.intact()).isTrue();
		assertThat(ok.entriesChecked()).isGreaterThanOrEqualTo(entry.seq());
		assertThat(checks.latest()).get().extracting(AuditChainCheck.Check::id).isEqualTo(ok.id());
		assertThat(gauge()).isEqualTo(1.0);
		WebSession web = new WebSession(port);
		web.login(admin.username(), TestWorld.PASSWORD);
		assertThat(web.get("/").body()).doesNotContain("审计日志哈希链校验失败");

		String original = entry.detail();
		try {
			ownerSets(entry.seq(), "改过的说明");
			AuditChainCheck.Check broken = checks.run("SCHEDULED", "system");
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBrokenSeq()).isEqualTo(entry.seq());
			assertThat(broken.reason()).isEqualTo("audit.verify.changed");
			assertThat(gauge()).isEqualTo(0.0);

			// Every page of an administrator carries the alert, linking to the audit page, which names the entry.
			String home = web.get("/").body();
			assertThat(home).contains("审计日志哈希链校验失败", "自第 " + entry.seq() + " 条记录起不可信", "href=\"/admin/audit\"");
			String page = web.get("/admin/audit").body();
			assertThat(page).contains("最近一次校验：哈希链被破坏", "第 " + entry.seq() + " 条记录的内容被修改");
			// Other roles do not see it.
			WebSession org = new WebSession(port);
			org.login(orgAccount.username(), TestWorld.PASSWORD);
			assertThat(org.get("/").body()).doesNotContain("审计日志哈希链校验失败");
		}
		finally {
			ownerSets(entry.seq(), original);
		}

		// The administrator checks on demand after the repair: intact, recorded with their name, the alert is gone.
		web.post("/admin/audit", "/admin/audit/verify", java.util.Map.of());
		AuditChainCheck.Check manual = checks.latest().orElseThrow();
		assertThat(manual.intact()).isTrue();
		assertThat(manual.trigger()).isEqualTo("MANUAL");
		assertThat(manual.actorName()).isEqualTo(admin.username());
		assertThat(web.get("/").body()).doesNotContain("审计日志哈希链校验失败");
		assertThat(web.get("/admin/audit").body()).contains("最近一次校验：哈希链完整", "手动校验");
	}

	@Test
	void onlyTheAdministratorChecksOnDemand() {
		Scope org = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> checks.checkNow(org)).isInstanceOf(DomainException.class);
	}

	@Test
	void theSearchFiltersByActionPrefixActorAndDay() {
		AccountView admin = world.admin();
		Scope scope = world.scopeOf(admin);
		String action = "test.search" + System.nanoTime();
		tx.execute(s -> audit.record(scope, AuditRecord.of(action + ".a", "Thing", 1, null, "A", "甲", null)));
		tx.execute(s -> audit.record(scope, AuditRecord.of(action + ".b", "Thing", 1, "A", "B", "乙", null)));
		var byPrefix = audit.list(scope, new AuditLog.Filter(null, null, action + ".", admin.username(), null, null),
				PageQuery.of(1, 10));
		assertThat(byPrefix.items()).extracting(AuditEntry::action).containsExactly(action + ".b", action + ".a");
		// LIKE wildcards in the prefix are taken literally.
		assertThat(audit.list(scope, new AuditLog.Filter(null, null, "test%search", null, null, null), PageQuery.of(1, 10))
			.total()).isZero();
		LocalDate today = LocalDate.now(cn.kaowu.platform.kernel.AdjustableClock.CHINA);
		assertThat(audit.list(scope, new AuditLog.Filter(null, null, action, null, today.minusDays(1), today.plusDays(1)),
				PageQuery.of(1, 10)).total()).isEqualTo(2);
		assertThat(audit.list(scope, new AuditLog.Filter(null, null, action, null, today.plusDays(1), null),
				PageQuery.of(1, 10)).total()).isZero();
		assertThat(audit.list(scope, new AuditLog.Filter(null, null, action, "someone-else", null, null),
				PageQuery.of(1, 10)).total()).isZero();
	}

	private double gauge() {
		return meters.get("kaowu.audit.chain.intact").gauge().value();
	}

	/** The owner, with the append-only triggers off for this one transaction, rewrites an entry's detail. */
	private void ownerSets(long seq, String detail) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement(); var update = c.prepareStatement(
					"UPDATE audit_entry SET detail = ? WHERE seq = ?")) {
				s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
				update.setString(1, detail);
				update.setLong(2, seq);
				assertThat(update.executeUpdate()).isEqualTo(1);
				s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
			}
			c.commit();
		}
	}
}
