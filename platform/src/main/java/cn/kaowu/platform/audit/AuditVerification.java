package cn.kaowu.platform.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the hash chain.
 *
 * @param intact whether every entry and the chain head match
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the first entry at fault, if any
 * @param reason message key saying what is wrong, if anything
 */
public record AuditVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
		@Nullable String reason) {
}
