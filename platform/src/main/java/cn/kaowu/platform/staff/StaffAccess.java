package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a college's staff data. The college's own accounts read it and its
 * COLLEGE_ADMIN / COLLEGE_PRINCIPAL change it; the province the college lies in and the administrator read it.
 * Anyone else gets a 404 for the college's records (ids cannot be probed); readers who try to change get 403.
 * (ORGs will read the staff of the colleges that host a site of their certificates once the site module exists.)
 */
@Component
class StaffAccess {

	private final OrganisationManagement organisations;

	StaffAccess(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	static boolean canManage(@Nullable Scope scope, long collegeId) {
		return scope != null && (scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL)
				&& scope.organisationId() != null && scope.organisationId() == collegeId;
	}

	static boolean canRead(Scope scope, OrganisationView college) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.organisationId() != null && scope.organisationId() == college.id()) {
			return true;
		}
		return scope.role() == Role.PROVINCE && scope.provinceId() != null
				&& scope.provinceId().equals(college.provinceId());
	}

	/**
	 * The college whose staff data the scope works on: a college account's own (a different {@code collegeId} is
	 * not found), otherwise the given one if the scope may read it.
	 */
	OrganisationView college(Scope scope, @Nullable Long collegeId) {
		if (scope.role().isCollege()) {
			long own = scope.requireOrganisation();
			if (collegeId != null && collegeId != own) {
				throw new NotFoundProblem("院校", collegeId);
			}
			return organisations.find(own).orElseThrow(() -> new NotFoundProblem("院校", own));
		}
		if (collegeId == null) {
			throw new InvalidInputProblem("collegeId", "staff.college.required");
		}
		return organisations.find(collegeId)
			.filter(o -> o.type() == OrganisationType.COLLEGE && canRead(scope, o))
			.orElseThrow(() -> new NotFoundProblem("院校", collegeId));
	}

	/** The college of a record, if the scope may read it; otherwise the record is not found. */
	OrganisationView readable(Scope scope, long collegeId, String what, Object id) {
		return organisations.find(collegeId)
			.filter(o -> canRead(scope, o))
			.orElseThrow(() -> new NotFoundProblem(what, id));
	}

	/** Like {@link #readable}, and the scope must be allowed to change the college's staff data. */
	OrganisationView manageable(Scope scope, long collegeId, String what, Object id) {
		OrganisationView college = readable(scope, collegeId, what, id);
		requireManager(scope, collegeId);
		return college;
	}

	/** The college a manager acts for (creating records); everyone else is refused. */
	OrganisationView ownCollege(Scope scope) {
		if (scope.organisationId() == null || !canManage(scope, scope.organisationId())) {
			throw new AccessDeniedProblem("staff.error.collegeOnly");
		}
		return organisations.find(scope.organisationId()).orElseThrow();
	}

	static void requireManager(Scope scope, long collegeId) {
		if (!canManage(scope, collegeId)) {
			throw new AccessDeniedProblem("staff.error.collegeOnly");
		}
	}

	/** Colleges the scope may choose from (province and administrator, who read several). */
	java.util.List<OrganisationView> choosableColleges(Scope scope) {
		if (scope.role().isCollege()) {
			return java.util.List.of(college(scope, null));
		}
		return organisations.listByType(OrganisationType.COLLEGE, scope.isAdmin() ? null : scope.provinceId())
			.stream()
			.filter(o -> canRead(scope, o))
			.toList();
	}
}
