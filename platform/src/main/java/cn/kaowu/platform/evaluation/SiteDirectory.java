package cn.kaowu.platform.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What evaluation needs from the site module: the approved sites of a certificate and the power to change a
 * site's operating status. Implemented by an adapter over the site module's API.
 */
public interface SiteDirectory {

	/** An approved site. */
	record SiteRef(long siteId, String code, String name, long collegeId, @Nullable Long provinceId,
			long certificateId, String status, Instant approvedAt) {

		public boolean revoked() {
			return "REVOKED".equals(status);
		}
	}

	/** Approved sites of a certificate, revoked ones included (the caller filters). */
	List<SiteRef> approvedSites(long certificateId);

	Optional<SiteRef> find(long siteId);

	/**
	 * Applies a rating's effect on the site's operating status, acting as {@code scope} (the rating ORG):
	 * suspension suspends an active site, revocation revokes it, a pass reinstates a suspended site; warning
	 * and rectification leave the status as it is. Audited by the site module.
	 */
	void applyOutcome(cn.kaowu.platform.kernel.Scope scope, long siteId, EvaluationOutcome outcome, String reason);
}
