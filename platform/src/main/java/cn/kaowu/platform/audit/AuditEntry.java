package cn.kaowu.platform.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stored audit entry. */
public record AuditEntry(long seq, Instant occurredAt, @Nullable Long actorId, String actorName, String action,
		String entityType, String entityId, @Nullable String fromState, @Nullable String toState,
		@Nullable String detail, @Nullable Long organisationId, String prevHash, String hash) {

	/** The text that is hashed; any change to a stored field changes it. */
	String canonical() {
		return String.join("\u001f", prevHash, Long.toString(seq), occurredAt.toString(),
				actorId == null ? "" : actorId.toString(), actorName, action, entityType, entityId,
				nz(fromState), nz(toState), nz(detail), organisationId == null ? "" : organisationId.toString());
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
