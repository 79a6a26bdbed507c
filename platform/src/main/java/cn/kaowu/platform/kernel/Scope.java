package cn.kaowu.platform.kernel;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking and which data they may see. Every query takes one. An administrator sees everything;
 * a college sees its own organisation; a province sees its province; a city its city; an ORG its own
 * organisation (its certificates). Serializable: the logged-in user's scope is part of the security context kept in
 * the session, which is stored in the database.
 *
 * @param accountId the account, or {@code null} for system work (jobs, demo loader)
 * @param role the role of the account
 * @param organisationId the organisation the account belongs to ({@code null} for the administrator)
 * @param provinceId the province the organisation lies in, if any
 * @param cityId the city the organisation lies in, if any
 */
public record Scope(@Nullable Long accountId, String username, Role role, @Nullable Long organisationId,
		@Nullable Long provinceId, @Nullable Long cityId) implements Serializable {

	/** The scope of background work started by the system itself. */
	public static Scope system() {
		return new Scope(null, "system", Role.ADMIN, null, null, null);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	/**
	 * Whether this scope may read data owned by an organisation with the given location. The data of an
	 * organisation is visible to itself, to the administrator and to the education authorities above it.
	 */
	public boolean canSee(long ownerOrganisationId, @Nullable Long ownerProvinceId, @Nullable Long ownerCityId) {
		if (isAdmin()) {
			return true;
		}
		if (organisationId != null && organisationId == ownerOrganisationId) {
			return true;
		}
		return switch (role) {
			case PROVINCE -> provinceId != null && provinceId.equals(ownerProvinceId);
			case CITY -> cityId != null && cityId.equals(ownerCityId);
			default -> false;
		};
	}

	/** Fails unless this is the platform administrator (or the system). */
	public void requireAdmin() {
		if (!isAdmin()) {
			throw new AccessDeniedProblem("error.adminOnly");
		}
	}

	/** The organisation this scope acts for; fails for the administrator and system. */
	public long requireOrganisation() {
		if (organisationId == null) {
			throw new AccessDeniedProblem("error.scope.noOrganisation");
		}
		return organisationId;
	}
}
