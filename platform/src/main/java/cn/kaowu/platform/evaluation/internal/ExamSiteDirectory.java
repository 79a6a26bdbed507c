package cn.kaowu.platform.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.evaluation.EvaluationOutcome;
import cn.kaowu.platform.evaluation.SiteDirectory;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteApplicationStatus;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import org.springframework.stereotype.Component;

/** {@link SiteDirectory} over the site module's API. */
@Component
class ExamSiteDirectory implements SiteDirectory {

	private final SiteManagement siteManagement;

	private final ExamSites examSites;

	ExamSiteDirectory(SiteManagement siteManagement, ExamSites examSites) {
		this.siteManagement = siteManagement;
		this.examSites = examSites;
	}

	@Override
	public List<SiteRef> approvedSites(long certificateId) {
		List<SiteRef> result = new ArrayList<>();
		var filter = new SiteManagement.SiteFilter(SiteApplicationStatus.APPROVED, certificateId, null, null);
		for (int page = 1;; page++) {
			PageResult<SiteView> sites = siteManagement.filings(Scope.system(), filter,
					new PageQuery(page, PageQuery.MAX_SIZE));
			sites.items().stream().map(ExamSiteDirectory::ref).forEach(result::add);
			if (!sites.hasNext()) {
				return result;
			}
		}
	}

	@Override
	public Optional<SiteRef> find(long siteId) {
		return examSites.find(siteId).filter(SiteView::approved).map(ExamSiteDirectory::ref);
	}

	@Override
	public void applyOutcome(Scope scope, long siteId, EvaluationOutcome outcome, String reason) {
		SiteView site = examSites.find(siteId).orElseThrow();
		SiteStatus status = site.operatingStatus();
		switch (outcome) {
			case SUSPENSION -> {
				if (status == SiteStatus.ACTIVE) {
					examSites.suspend(scope, siteId, reason);
				}
			}
			case REVOCATION -> {
				if (status != SiteStatus.REVOKED) {
					examSites.revoke(scope, siteId, reason);
				}
			}
			case PASS -> {
				if (status == SiteStatus.SUSPENDED) {
					examSites.reinstate(scope, siteId, reason);
				}
			}
			case WARNING, RECTIFICATION -> {
			}
		}
	}

	private static SiteRef ref(SiteView s) {
		return new SiteRef(s.id(), s.code(), s.name(), s.collegeId(), s.provinceId(), s.certificateId(),
				s.operatingStatus() == null ? "ACTIVE" : s.operatingStatus().name(), s.approvedAt());
	}
}
