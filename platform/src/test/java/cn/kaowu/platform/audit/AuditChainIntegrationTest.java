package cn.kaowu.platform.audit;

import cn.kaowu.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with stored audit entries is detected. Each test tampers inside its own transaction, which is
 * rolled back afterwards, so the shared chain stays intact for the other tests.
 */
@IntegrationTest
@Transactional
class AuditChainIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private AuditEntry[] threeEntries() {
		return new AuditEntry[] { audit.record(AuditRecord.of("test.a", "Thing", 1, null, "DRAFT", "一", null)),
				audit.record(AuditRecord.of("test.b", "Thing", 1, "DRAFT", "SUBMITTED", "二", null)),
				audit.record(AuditRecord.of("test.c", "Thing", 1, "SUBMITTED", "APPROVED", "三", null)) };
	}

	@Test
	void anUntouchedChainVerifies() {
		AuditEntry[] e = threeEntries();
		assertThat(e[1].prevHash()).isEqualTo(e[0].hash());
		assertThat(e[2].prevHash()).isEqualTo(e[1].hash());
		AuditVerification v = audit.verify();
		assertThat(v.intact()).isTrue();
		assertThat(v.entriesChecked()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aChangedEntryIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("UPDATE audit_entry SET to_state = 'REJECTED' WHERE seq = ?").param(e[1].seq()).update();
		AuditVerification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[1].seq());
		assertThat(v.reason()).isEqualTo("audit.verify.changed");
	}

	@Test
	void aChangedTimestampOrActorIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("UPDATE audit_entry SET actor_name = 'someone-else' WHERE seq = ?").param(e[0].seq()).update();
		assertThat(audit.verify().firstBrokenSeq()).isEqualTo(e[0].seq());
	}

	@Test
	void aDeletedEntryInTheMiddleIsDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("DELETE FROM audit_entry WHERE seq = ?").param(e[1].seq()).update();
		AuditVerification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[2].seq());
		assertThat(v.reason()).isEqualTo("audit.verify.missing");
	}

	@Test
	void entriesDeletedFromTheEndAreDetected() {
		AuditEntry[] e = threeEntries();
		jdbc.sql("DELETE FROM audit_entry WHERE seq >= ?").param(e[1].seq()).update();
		AuditVerification v = audit.verify();
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
		AuditVerification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(e[2].seq());
	}
}
