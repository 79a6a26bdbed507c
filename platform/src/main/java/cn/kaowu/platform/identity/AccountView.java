package cn.kaowu.platform.identity;

import java.time.Instant;

import cn.kaowu.platform.kernel.Role;
import org.jspecify.annotations.Nullable;

/** What the UI and API show of an account; never the password hash. */
public record AccountView(long id, String username, String displayName, Role role, @Nullable Long organisationId,
		@Nullable String organisationName, @Nullable String email, boolean enabled, boolean mustChangePassword,
		@Nullable Instant lockedUntil, @Nullable Instant lastLoginAt, int version, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}
}
