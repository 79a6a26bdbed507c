package cn.kaowu.platform.candidate;

import java.util.List;

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
 * Who may see and change a college's candidates: its COLLEGE_ADMIN and COLLEGE_PRINCIPAL manage them; its other
 * accounts, its province and the administrator read them. Anyone else gets 404 for them; readers who try to change
 * get 403.
 */
@Component
class CandidateAccess {

	private final OrganisationManagement organisations;

	CandidateAccess(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	static boolean canManage(@Nullable Scope scope, long collegeId) {
		return scope != null && (scope.role() == Role.COLLEGE_ADMIN || scope.role() == Role.COLLEGE_PRINCIPAL)
				&& scope.organisationId() != null && scope.organisationId() == collegeId;
	}

	static boolean canRead(Scope scope, OrganisationView college) {
		return scope.canSee(college.id(), college.provinceId(), null) && scope.role() != Role.CITY;
	}

	OrganisationView college(Scope scope, @Nullable Long collegeId) {
		if (scope.role().isCollege()) {
			long own = scope.requireOrganisation();
			if (collegeId != null && collegeId != own) {
				throw new NotFoundProblem("院校", collegeId);
			}
			return organisations.find(own).orElseThrow(() -> new NotFoundProblem("院校", own));
		}
		if (collegeId == null) {
			throw new InvalidInputProblem("collegeId", "candidate.college.required");
		}
		return organisations.find(collegeId)
			.filter(o -> o.type() == OrganisationType.COLLEGE && canRead(scope, o))
			.orElseThrow(() -> new NotFoundProblem("院校", collegeId));
	}

	void readable(Scope scope, long collegeId, Object id) {
		organisations.find(collegeId).filter(o -> canRead(scope, o)).orElseThrow(() -> new NotFoundProblem("考生", id));
	}

	OrganisationView ownCollege(Scope scope) {
		if (scope.organisationId() == null || !canManage(scope, scope.organisationId())) {
			throw new AccessDeniedProblem("candidate.error.collegeOnly");
		}
		return organisations.find(scope.organisationId()).orElseThrow();
	}

	static void requireManager(Scope scope, long collegeId) {
		if (!canManage(scope, collegeId)) {
			throw new AccessDeniedProblem("candidate.error.collegeOnly");
		}
	}

	List<OrganisationView> choosableColleges(Scope scope) {
		if (scope.role().isCollege()) {
			return List.of(college(scope, null));
		}
		return organisations.listByType(OrganisationType.COLLEGE, scope.isAdmin() ? null : scope.provinceId())
			.stream()
			.filter(o -> canRead(scope, o))
			.toList();
	}
}
