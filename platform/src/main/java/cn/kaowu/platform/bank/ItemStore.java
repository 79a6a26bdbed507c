package cn.kaowu.platform.bank;

import java.time.Instant;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Adds a checked item with its encrypted version 1 and the audit entry; shared by the form and the import. */
@Component
class ItemStore {

	private final Items items;

	private final BankCipher cipher;

	private final AuditLog audit;

	ItemStore(Items items, BankCipher cipher, AuditLog audit) {
		this.items = items;
		this.cipher = cipher;
		this.audit = audit;
	}

	long add(Scope scope, SubjectView subject, ItemRules.Values v, @Nullable UUID jobId, Instant now) {
		long id = items.insert(subject.organisationId(), subject.levelId(), subject.id(), v, jobId, now);
		items.insertVersion(id, 1, v, cipher.encrypt(id, 1, v.body()), cipher.keyId(), scope.username(), now);
		audit.record(scope, AuditRecord.of(jobId == null ? "bank.item.create" : "bank.item.import", "BankItem", id,
				null, ItemStatus.ACTIVE, BankManagement.describe(id, v.type(), 1, subject), subject.organisationId()));
		return id;
	}
}
