package cn.kaowu.platform.audit;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's database role can only append to the audit trail, and tampering by someone who can (the owner,
 * with the append-only triggers switched off) is detected. Each tampering test works on one owner connection inside a
 * transaction that is rolled back afterwards, so the shared chain stays intact for the other tests.
 */
@IntegrationTest
class AuditChainIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient app;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Autowired
	io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

	/** The owner's connection of the current test, in a transaction; tampering and verification both go through it. */
	private JdbcClient jdbc;

	private java.sql.Connection owner;

	@org.junit.jupiter.api.BeforeEach
	void ownerTransaction() throws java.sql.SQLException {
		owner = postgres.getPostgresDatabase().getConnection();
		owner.setAutoCommit(false);
		jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(owner, true));
	}

	@org.junit.jupiter.api.AfterEach
	void rollBack() throws java.sql.SQLException {
		owner.rollback();
		owner.close();
	}

	/** Appends one entry as the application does: inside a committed transaction of the application's role. */
	private AuditEntry append(String action, String from, String to, String detail) {
		return tx.execute(status -> audit.record(AuditRecord.of(action, "Thing", 1, from, to, detail, null)));
	}

	/** Three entries appended by the application, committed; the owner switches the append-only triggers off. */
	private AuditEntry[] threeEntries() {
		AuditEntry[] entries = { append("test.a", null, "DRAFT", "一"), append("test.b", "DRAFT", "SUBMITTED", "二"),
				append("test.c", "SUBMITTED", "APPROVED", "三") };
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		return entries;
	}

	private AuditVerification verify() {
		return AuditLog.verify(jdbc);
	}

	@Test
	void theApplicationsRoleCanAppendButNeitherChangeNorDelete() {
		AuditEntry e = append("test.grant", null, "DRAFT", "追加");
		assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("kaowu_app");
		for (String sql : new String[] { "UPDATE audit_entry SET detail = 'x' WHERE seq = " + e.seq(),
				"DELETE FROM audit_entry WHERE seq = " + e.seq(), "TRUNCATE audit_entry" }) {
			assertThatThrownBy(() -> app.sql(sql).update()).as(sql)
				.isInstanceOf(org.springframework.dao.DataAccessException.class)
				.hasStackTraceContaining("permission denied");
		}
		assertThat(app.sql("SELECT count(*) FROM audit_entry WHERE seq = ?").param(e.seq()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void evenTheOwnerIsRefusedWhileTheTriggersAreOn() {
		AuditEntry e = append("test.owner", null, "DRAFT", "追加");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET detail = 'x' WHERE seq = ?").param(e.seq()).update())
			.hasStackTraceContaining("append-only");
	}

	@Test
	void anUntouchedChainVerifies() {
		AuditEntry[] e = threeEntries();
		assertThat(e[1].prevHash()).isEqualTo(e[0].hash());
		assertThat(e[2].prevHash()).isEqualTo(e[1].hash());
		AuditVerification v = verify();
		assertThat(v.intact()).isTrue();
		assertThat(v.entriesChecked()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aChangedEntryIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("UPDATE audit_entry SET to_state = 'REJECTED' WHERE seq = ?").param(e[1].seq()).update();
		AuditVerification v = verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[1].seq());
		assertThat(v.reason()).isEqualTo("audit.verify.changed");
	}

	@Test
	void aChangedTimestampOrActorIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("UPDATE audit_entry SET actor_name = 'someone-else' WHERE seq = ?").param(e[0].seq()).update();
		assertThat(verify().firstBrokenSeq()).isEqualTo(e[0].seq());
	}

	@Test
	void aDeletedEntryInTheMiddleIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(e[1].seq()).update();
		AuditVerification v = verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[2].seq());
		assertThat(v.reason()).isEqualTo("audit.verify.missing");
	}

	@Test
	void entriesDeletedFromTheEndAreDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("DELETE FROM audit_entry WHERE seq >= ?").param(e[1].seq()).update();
		AuditVerification v = verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.reason()).isEqualTo("audit.verify.truncated");
	}

	@Test
	void aRehashedForgeryStillBreaksTheLinkToTheNextEntry() {
		AuditEntry[] e = threeEntries();
		// A forger who changes an entry and recomputes its hash breaks the next entry's prev_hash.
		AuditEntry forged = new AuditEntry(e[1].seq(), e[1].occurredAt(), e[1].actorId(), e[1].actorName(),
				e[1].action(), e[1].entityType(), e[1].entityId(), e[1].fromState(), "REJECTED", e[1].detail(),
				e[1].organisationId(), e[1].prevHash(), "");
		String hash = cn.kaowu.exampackage.Sm3.hexDigest(forged.canonical());
		jdbc.sql("UPDATE audit_entry SET to_state = 'REJECTED', hash = ? WHERE seq = ?")
			.params(hash, e[1].seq())
			.update();
		AuditVerification v = verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[2].seq());
	}
}
