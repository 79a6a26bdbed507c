package cn.kaowu.platform.site;

import java.time.LocalDate;
import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotColleges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo world's pilots, sites and checklists, and loading them again changes nothing. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class PilotSiteDemoDataIntegrationTest {

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	PilotColleges pilots;

	@Autowired
	SiteManagement sites;

	@Autowired
	QualificationChecklists checklists;

	@Autowired
	AdjustableClock clock;

	@Autowired
	List<DemoStep> steps;

	Scope org(String code) {
		return new Scope(null, "t", Role.ORG, organisations.findByCode(code).orElseThrow().id(), null, null);
	}

	CertificateView certificate(String name) {
		return catalog.listCertificates(Scope.system(), new CatalogManagement.CertificateFilter(name, null, null),
				PageQuery.of(1, 10)).items().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void pilotsSitesAndChecklistsAreThereAndLoadingTwiceChangesNothing() {
		int year = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).getYear();
		OrganisationView njit = organisations.findByCode("10850").orElseThrow();
		OrganisationView njcit = organisations.findByCode("13108").orElseThrow();
		CertificateView store = certificate("网店运营推广");
		assertThat(pilots.approvedScale(njit.id(), store.id(), year)).isEqualTo(200);
		assertThat(pilots.approvedMajors(njit.id(), year)).extracting(m -> m.name() + " " + m.code())
			.containsExactly("电子商务 530701", "网络营销与直播电商 530703");
		assertThat(pilots.isPilotCollege(njcit.id(), year)).isTrue();

		assertThat(checklists.of(Scope.system(), certificate("直播电商运营").id())).hasSize(10);
		assertThat(checklists.of(Scope.system(), certificate("电子商务数据分析").id()))
			.anySatisfy(i -> assertThat(i.category()).contains("45 台"));
		assertThat(checklists.of(Scope.system(), store.id()))
			.anySatisfy(i -> assertThat(i.requirement()).contains("1 台服务器、1 台监考机、40 台考生机"));

		Scope hongke = org("ORG-HKJW");
		var approved = sites.list(hongke, new SiteManagement.SiteFilter(SiteApplicationStatus.APPROVED, null, null, null),
				PageQuery.of(1, 10)).items();
		assertThat(approved).singleElement().satisfies(s -> {
			assertThat(s.name()).isEqualTo("南京工业职业技术大学网店运营推广考核站点");
			assertThat(s.code()).isEqualTo("30003007-320000-001");
			assertThat(s.certificateFileId()).isNotNull();
		});
		var queue = sites.reviewQueue(hongke, new SiteManagement.SiteFilter(SiteApplicationStatus.SUBMITTED, null,
				null, null), PageQuery.of(1, 10)).items();
		assertThat(queue).extracting(SiteView::name).contains("南京信息职业技术学院网店运营推广考核站点");

		long before = sites.list(Scope.system(), SiteManagement.SiteFilter.none(), PageQuery.of(1, 1)).total();
		steps.forEach(DemoStep::run);
		assertThat(sites.list(Scope.system(), SiteManagement.SiteFilter.none(), PageQuery.of(1, 1)).total())
			.isEqualTo(before);
		assertThat(checklists.of(Scope.system(), store.id())).hasSize(10);
	}
}
