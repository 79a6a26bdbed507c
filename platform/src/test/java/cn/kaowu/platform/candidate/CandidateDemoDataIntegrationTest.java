package cn.kaowu.platform.candidate;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo college has thirty candidates, most of them verified; running the steps again adds none. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class CandidateDemoDataIntegrationTest {

	@Autowired
	CandidateManagement candidates;

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	List<DemoStep> steps;

	@Test
	void thirtyCandidatesMostlyVerifiedAndIdempotent() {
		OrganisationView college = organisations.findByCode("10850").orElseThrow();
		var all = new CandidateManagement.CandidateFilter(CandidateKind.COLLEGE, null, null, null, null);
		var verified = new CandidateManagement.CandidateFilter(CandidateKind.COLLEGE, null, null,
				VerificationState.VERIFIED, null);
		assertThat(candidates.list(Scope.system(), college.id(), all, PageQuery.of(1, 100)).total()).isEqualTo(30);
		assertThat(candidates.list(Scope.system(), college.id(), verified, PageQuery.of(1, 100)).total()).isEqualTo(24);
		var page = candidates.list(Scope.system(), college.id(), all, PageQuery.of(1, 100));
		assertThat(page.items()).allMatch(c -> c.idNumberMasked().contains("********"));
		long id = page.items().getFirst().id();
		assertThat(CandidatePhotos.problem(candidates.photo(Scope.system(), id).orElseThrow())).isEmpty();
		steps.forEach(DemoStep::run);
		assertThat(candidates.list(Scope.system(), college.id(), all, PageQuery.of(1, 100)).total()).isEqualTo(30);
	}
}
