package cn.kaowu.platform.demo;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.evaluation.ReportForm;
import cn.kaowu.platform.evaluation.RoundForm;
import cn.kaowu.platform.evaluation.SiteEvaluations;
import cn.kaowu.platform.evaluation.SubmissionView;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open evaluation round of hongke's 网店运营推广 sites (period two years back), in which 南京工业职业技术大学
 * has already handed in its report, so hongke can rate it. Skipped when the round exists.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class EvaluationDemoData implements DemoStep {

	private final SiteEvaluations evaluations;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	private final TransactionTemplate tx;

	private final Clock clock;

	EvaluationDemoData(SiteEvaluations evaluations, CatalogManagement catalog, OrganisationManagement organisations,
			AccountManagement accounts, TransactionTemplate tx, Clock clock) {
		this.evaluations = evaluations;
		this.catalog = catalog;
		this.organisations = organisations;
		this.accounts = accounts;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void run() {
		Scope org = scopeOf("hongke");
		if (evaluations.listRounds(org, PageQuery.of(1, 1)).total() > 0) {
			return;
		}
		CertificateView certificate = catalog
			.listCertificates(org, new CatalogManagement.CertificateFilter("网店运营推广", org.organisationId(), null),
					PageQuery.of(1, 1))
			.items()
			.getFirst();
		LocalDateTime now = LocalDateTime.now(clock.withZone(AdjustableClock.CHINA));
		RoundForm form = new RoundForm();
		form.setCertificateId(certificate.id());
		form.setName(now.getYear() + "年度考核站点检查评估");
		form.setPeriod((now.getYear() - 2) + "-" + (now.getYear() - 1));
		form.setDeadline(now.plusDays(30).withHour(17).withMinute(0).withSecond(0).withNano(0));
		tx.executeWithoutResult(status -> evaluations.openRound(org, form));

		Scope college = scopeOf("njit");
		SubmissionView mine = evaluations.listSubmissions(college, null, PageQuery.of(1, 1)).items().getFirst();
		ReportForm report = new ReportForm();
		report.setReportText("""
				评估周期内承办网店运营推广初级、中级考试共 4 场，参考 612 人次，未发生考试违纪或考试事故。
				两个考场各 45 台考生机、1 台监考机、1 台服务器，均按《考场条件》配置；每考场 2 个摄像头全程录像并存档。
				考务人员 8 人，其中 7 人参加培训评价组织的考务培训并取得合格证书。""");
		report.setPlanText("""
				1. 新增一个 40 座考场，配备 UPS 及千兆交换机；
				2. 组织全体考务人员参加年度培训，补齐 1 名监考员的培训证书；
				3. 完善考后成绩 10 分钟内上传的值守安排。""");
		tx.executeWithoutResult(status -> evaluations.submit(college, mine.id(), report, null, null));
	}

	private Scope scopeOf(String username) {
		var account = accounts.findByUsername(username).orElseThrow();
		var organisation = organisations.find(account.organisationId()).orElseThrow();
		return new Scope(account.id(), account.username(), account.role(), organisation.id(),
				account.role() == Role.PROVINCE ? Long.valueOf(organisation.id()) : organisation.provinceId(),
				organisation.cityId());
	}
}
