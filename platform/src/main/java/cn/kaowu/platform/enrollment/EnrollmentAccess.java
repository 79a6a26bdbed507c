package cn.kaowu.platform.enrollment;

import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes registration records. A college's COLLEGE_ADMIN and COLLEGE_PRINCIPAL register and delete
 * its candidates; every account of a college reads the records of its candidates and of the candidates sitting at
 * its sites (借考); the ORG reads the records of its plans, the province those of its colleges, the administrator
 * all. Anything else is 404, exactly like a missing record.
 */
@Component
class EnrollmentAccess {

	private final OrganisationManagement organisations;

	EnrollmentAccess(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	static boolean canManage(@Nullable Scope scope, long collegeId) {
		return CandidateManagement.canManage(scope, collegeId);
	}

	OrganisationView ownCollege(Scope scope) {
		if (scope.organisationId() == null || !canManage(scope, scope.organisationId())) {
			throw new AccessDeniedProblem("enrollment.error.collegeOnly");
		}
		return organisations.find(scope.organisationId()).orElseThrow();
	}

	/** The records the scope may read, as the start of a filter over {@code registration_record r}. */
	static Where readable(Scope scope) {
		Where where = Where.start();
		if (scope.isAdmin()) {
			return where;
		}
		long own = scope.organisationId() == null ? -1L : scope.organisationId();
		if (scope.role().isCollege()) {
			return where.and("r.college_id = ? OR r.site_college_id = ?", own, own);
		}
		if (scope.role().isOrg()) {
			return where.and("r.organisation_id = ?", own);
		}
		if (scope.role() == Role.PROVINCE) {
			return where.and("r.province_id = ?", scope.provinceId() == null ? -1L : scope.provinceId());
		}
		return where.andWhen(true, "FALSE");
	}

	static boolean canRead(Scope scope, RegistrationRecords.Row r) {
		if (scope.isAdmin()) {
			return true;
		}
		Long own = scope.organisationId();
		if (scope.role().isCollege()) {
			return own != null && (r.collegeId() == own || r.siteCollegeId() == own);
		}
		if (scope.role().isOrg()) {
			return own != null && r.organisationId() == own;
		}
		return scope.role() == Role.PROVINCE && scope.provinceId() != null && r.provinceId() == scope.provinceId();
	}

	static RegistrationRecords.Row require(Scope scope, RegistrationRecords.Row r) {
		if (!canRead(scope, r)) {
			throw new NotFoundProblem("报考记录", r.id());
		}
		return r;
	}
}
