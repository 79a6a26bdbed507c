package cn.kaowu.platform.demo;

import java.util.List;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.SiteView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Registrations of 南京工业职业技术大学 for the open 网店运营推广 plan: 20 of its verified candidates at its own site,
 * 14 for 初级 and 6 for 中级 (two records each: theory and practice). Four verified candidates are left for the
 * visitor to register. Skipped when the college already has registrations.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class EnrollmentDemoData implements DemoStep {

	private final EnrollmentManagement enrollment;

	private final OrganisationManagement organisations;

	EnrollmentDemoData(EnrollmentManagement enrollment, OrganisationManagement organisations) {
		this.enrollment = enrollment;
		this.organisations = organisations;
	}

	@Override
	public int order() {
		return 75;
	}

	@Override
	public void run() {
		OrganisationView college = organisations.findByCode(DemoDataLoader.COLLEGE_1).orElseThrow();
		Scope admin = new Scope(null, "demo", Role.COLLEGE_ADMIN, college.id(), college.provinceId(), college.cityId());
		if (enrollment.list(admin, EnrollmentManagement.RecordFilter.none(), PageQuery.of(1, 1)).total() > 0) {
			return;
		}
		PlanView plan = enrollment.openPlans().stream().findFirst().orElse(null);
		if (plan == null || plan.levels().isEmpty()) {
			return;
		}
		SiteView site = enrollment.sites(admin, plan.certificateId())
			.stream()
			.filter(s -> s.collegeId() == college.id())
			.findFirst()
			.orElse(null);
		if (site == null) {
			return;
		}
		List<CandidateView> verified = enrollment.verifiedCandidates(admin, CandidateKind.COLLEGE, null, plan.id());
		List<PlanLevel> levels = plan.levels();
		for (int i = 0; i < Math.min(20, verified.size()); i++) {
			PlanLevel level = levels.get(i < 14 || levels.size() == 1 ? 0 : 1);
			enrollment.register(admin, RegistrationForm.of(plan.id(), verified.get(i).id(), level.levelId(), site.id()));
		}
	}
}
