package cn.kaowu.platform.demo;

import java.math.BigDecimal;
import java.util.List;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateForm;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.FeeForm;
import cn.kaowu.platform.catalog.FeeStandards;
import cn.kaowu.platform.catalog.LevelForm;
import cn.kaowu.platform.catalog.SubjectForm;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The catalogue of the demo world: 网店运营推广 of 北京鸿科经纬 with the exact codes of the seed (DOMAIN.md §2),
 * and one certificate for each of the other two ORGs. Created through the service as the owning ORG, so the
 * audit trail shows it; skipped piece by piece when already there.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class CatalogDemoData implements DemoStep {

	private record Subject(String name, String code, ExamMode mode) {
	}

	private record Level(CertificateLevel level, String code, List<Subject> subjects) {
	}

	private final CatalogManagement catalog;

	private final FeeStandards fees;

	private final OrganisationManagement organisations;

	CatalogDemoData(CatalogManagement catalog, FeeStandards fees, OrganisationManagement organisations) {
		this.catalog = catalog;
		this.fees = fees;
		this.organisations = organisations;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void run() {
		boolean fresh = certificate(DemoDataLoader.ORG_HONGKE, "网店运营推广", List.of(
				// The official codes of the seed (004 ch.3 §1).
				new Level(CertificateLevel.JUNIOR, "1530003007010027",
						List.of(new Subject("初级理论", "1630003007010027101", ExamMode.COMPUTER),
								new Subject("初级实操", "1630003007010027102", ExamMode.PRACTICAL))),
				new Level(CertificateLevel.INTERMEDIATE, "1530003007020028",
						List.of(new Subject("中级理论", "1630003007020028202", ExamMode.COMPUTER),
								new Subject("中级实操", "1630003007020028203", ExamMode.PRACTICAL))),
				new Level(CertificateLevel.SENIOR, "1530003007030029",
						List.of(new Subject("高级理论", "1630003007030029301", ExamMode.COMPUTER),
								new Subject("高级实操", "1630003007030029302", ExamMode.PRACTICAL)))));
		// Demo codes, not official ones: they only follow the scheme (15… / 16 + level code without 15 + 3 digits).
		certificate(DemoDataLoader.ORG_BODAO, "电子商务数据分析", List.of(
				new Level(CertificateLevel.JUNIOR, "1530003011010031",
						List.of(new Subject("初级理论", "1630003011010031101", ExamMode.COMPUTER),
								new Subject("初级实操", "1630003011010031102", ExamMode.PRACTICAL))),
				new Level(CertificateLevel.INTERMEDIATE, "1530003011020032",
						List.of(new Subject("中级理论", "1630003011020032201", ExamMode.COMPUTER),
								new Subject("中级实操", "1630003011020032202", ExamMode.PRACTICAL))),
				new Level(CertificateLevel.SENIOR, "1530003011030033",
						List.of(new Subject("高级理论", "1630003011030033301", ExamMode.COMPUTER),
								new Subject("高级实操", "1630003011030033302", ExamMode.PRACTICAL)))));
		certificate(DemoDataLoader.ORG_AOPAI, "直播电商运营", List.of(
				new Level(CertificateLevel.JUNIOR, "1530003021010041",
						List.of(new Subject("初级理论", "1630003021010041101", ExamMode.COMPUTER),
								new Subject("初级实操", "1630003021010041102", ExamMode.COMPUTER_PRACTICAL))),
				new Level(CertificateLevel.INTERMEDIATE, "1530003021020042",
						List.of(new Subject("中级理论", "1630003021020042201", ExamMode.COMPUTER),
								new Subject("中级实操", "1630003021020042202", ExamMode.COMPUTER_PRACTICAL)))));
		if (fresh) {
			// One province standard beside the defaults, so the fee page shows both: 江苏 高级 400 元.
			OrganisationView jiangsu = organisations.findByCode(DemoDataLoader.PROVINCE).orElseThrow();
			FeeForm form = new FeeForm();
			form.setSenior(BigDecimal.valueOf(400));
			fees.setFees(Scope.system(), jiangsu.id(), form);
		}
	}

	/** Creates what is missing of a certificate; answers whether the certificate itself was new. */
	private boolean certificate(String orgCode, String name, List<Level> levels) {
		OrganisationView org = organisations.findByCode(orgCode).orElseThrow();
		Scope owner = new Scope(null, "demo", Role.ORG, org.id(), null, null);
		CertificateView certificate = catalog
			.listCertificates(owner, new CatalogManagement.CertificateFilter(name, org.id(), null), PageQuery.of(1, 10))
			.items()
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElse(null);
		boolean fresh = certificate == null;
		if (fresh) {
			certificate = catalog.createCertificate(owner, CertificateForm.of(name));
		}
		for (Level level : levels) {
			if (catalog.findLevelByCode(level.code()).isEmpty()) {
				catalog.addLevel(owner, certificate.id(), LevelForm.of(level.level(), level.code(),
						level.subjects()
							.stream()
							.map(s -> SubjectForm.of(s.name(), s.code(), s.mode(), 60))
							.toList()));
			}
		}
		return fresh;
	}
}
