package cn.kaowu.platform.catalog;

import java.util.List;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.demo.DemoStep;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo world holds the seed's catalogue, and loading it again changes nothing. */
@IntegrationTest
@TestPropertySource(properties = "kaowu.demo.enabled=true")
class CatalogDemoDataIntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	FeeStandards fees;

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	List<DemoStep> steps;

	@Test
	void theSeedsCertificateIsThereWithItsSixSubjectsAndLoadingTwiceChangesNothing() {
		LevelView junior = catalog.findLevelByCode("1530003007010027").orElseThrow();
		assertThat(junior.displayName()).isEqualTo("网店运营推广职业技能等级证书（初级）");
		assertThat(junior.organisationName()).isEqualTo("北京鸿科经纬科技有限公司");
		assertThat(junior.usable()).isTrue();
		List<SubjectView> subjects = catalog
			.listSubjects(Scope.system(), new CatalogManagement.SubjectFilter(null, junior.organisationId(), null, null,
					null, null), PageQuery.of(1, 100))
			.items();
		assertThat(subjects).extracting(SubjectView::code)
			.containsExactly("1630003007010027101", "1630003007010027102", "1630003007020028202",
					"1630003007020028203", "1630003007030029301", "1630003007030029302");
		assertThat(subjects).extracting(SubjectView::name)
			.containsExactly("初级理论", "初级实操", "中级理论", "中级实操", "高级理论", "高级实操");
		assertThat(subjects).allMatch(s -> s.passMark() == 60 && s.fullMarks() == 100 && s.usable());
		assertThat(subjects.get(0).examMode()).isEqualTo(ExamMode.COMPUTER);
		assertThat(subjects.get(1).examMode()).isEqualTo(ExamMode.PRACTICAL);
		assertThat(catalog.findLevelByCode("1530003011010031")).isPresent();
		assertThat(catalog.findLevelByCode("1530003021010041")).isPresent();
		long jiangsu = organisations.findByCode("320000").orElseThrow().id();
		assertThat(fees.feeFor(jiangsu, CertificateLevel.SENIOR).amount()).isEqualByComparingTo("400");
		assertThat(fees.feeFor(jiangsu, CertificateLevel.JUNIOR).usesDefault()).isTrue();

		long certificates = catalog.listCertificates(Scope.system(), CatalogManagement.CertificateFilter.none(),
				PageQuery.of(1, 1)).total();
		long allSubjects = catalog.listSubjects(Scope.system(), CatalogManagement.SubjectFilter.none(),
				PageQuery.of(1, 1)).total();
		steps.forEach(DemoStep::run);
		assertThat(catalog.listCertificates(Scope.system(), CatalogManagement.CertificateFilter.none(),
				PageQuery.of(1, 1)).total()).isEqualTo(certificates).isEqualTo(3);
		assertThat(catalog.listSubjects(Scope.system(), CatalogManagement.SubjectFilter.none(), PageQuery.of(1, 1))
			.total()).isEqualTo(allSubjects).isEqualTo(16);
	}
}
