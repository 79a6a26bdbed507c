package cn.kaowu.platform.audit;

import org.jspecify.annotations.Nullable;

/**
 * One state change to record.
 *
 * @param action what was done, e.g. {@code site.approve}
 * @param entityType the kind of record, e.g. {@code SiteApplication}
 * @param entityId its id
 * @param fromState the state before ({@code null} for creation)
 * @param toState the state after ({@code null} for deletion)
 * @param detail free text (changed fields, reasons), never a full ID number
 * @param organisationId the organisation the record belongs to, for scoped reading
 */
public record AuditRecord(String action, String entityType, String entityId, @Nullable String fromState,
		@Nullable String toState, @Nullable String detail, @Nullable Long organisationId) {

	public AuditRecord {
		if (action == null || action.isBlank() || entityType == null || entityId == null) {
			throw new IllegalArgumentException("action, entityType and entityId are required");
		}
	}

	public static AuditRecord of(String action, String entityType, Object entityId, @Nullable Object from,
			@Nullable Object to, @Nullable String detail, @Nullable Long organisationId) {
		return new AuditRecord(action, entityType, String.valueOf(entityId), from == null ? null : from.toString(),
				to == null ? null : to.toString(), detail, organisationId);
	}
}
