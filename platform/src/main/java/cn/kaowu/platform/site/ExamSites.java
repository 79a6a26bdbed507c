package cn.kaowu.platform.site;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules: approved sites and their operating status. Registration and rooms call
 * {@link #requireActive} (a suspended or revoked site is refused with a Chinese message naming it); the
 * evaluation (002 ch.6) calls {@link #suspend}, {@link #revoke} and {@link #reinstate} as the ORG owning the
 * certificate (or as the system). Every change is audited and notifies the college and the province.
 */
@Service
public class ExamSites {

	private final SiteApplications sites;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExamSites(SiteApplications sites, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.sites = sites;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Any site by id, no scope check (callers check their own caller). */
	@Transactional(readOnly = true)
	public Optional<SiteView> find(long siteId) {
		return sites.find(siteId);
	}

	/** An approved site by its code (考核站点编号), no scope check. */
	@Transactional(readOnly = true)
	public Optional<SiteView> findByCode(String code) {
		return sites.findByCode(code);
	}

	/**
	 * The approved, active sites of a certificate, every college's: registration offers them, a college's own
	 * first in its pages, the others for 借考 (borrowed exams).
	 */
	@Transactional(readOnly = true)
	public List<SiteView> activeSites(long certificateId) {
		return sites.activeOf(certificateId);
	}

	/** The approved sites of a college (any operating status), no scope check. */
	@Transactional(readOnly = true)
	public List<SiteView> approvedOfCollege(long collegeId) {
		return sites.approvedOfCollege(collegeId);
	}

	/** The site if it is approved and ACTIVE; otherwise a 409 naming the site and why. */
	@Transactional(readOnly = true)
	public SiteView requireActive(long siteId) {
		SiteView site = sites.find(siteId).orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		if (!site.approved() || site.operatingStatus() == null) {
			throw new DomainException(HttpStatus.CONFLICT, "site.error.notApproved", site.name());
		}
		return switch (site.operatingStatus()) {
			case ACTIVE -> site;
			case SUSPENDED -> throw new DomainException(HttpStatus.CONFLICT, "site.error.suspended", site.name());
			case REVOKED -> throw new DomainException(HttpStatus.CONFLICT, "site.error.revoked", site.name());
		};
	}

	@Transactional
	public SiteView suspend(Scope scope, long siteId, String reason) {
		SiteView site = approved(scope, siteId);
		return change(scope, site, Objects.requireNonNull(site.operatingStatus()).suspend(), reason, "site.suspend");
	}

	@Transactional
	public SiteView revoke(Scope scope, long siteId, String reason) {
		SiteView site = approved(scope, siteId);
		return change(scope, site, Objects.requireNonNull(site.operatingStatus()).revoke(), reason, "site.revoke");
	}

	@Transactional
	public SiteView reinstate(Scope scope, long siteId, String reason) {
		SiteView site = approved(scope, siteId);
		return change(scope, site, Objects.requireNonNull(site.operatingStatus()).reinstate(), reason,
				"site.reinstate");
	}

	private SiteView change(Scope scope, SiteView site, SiteStatus next, @Nullable String reason, String action) {
		String text = reason == null ? "" : reason.trim();
		if (text.isEmpty()) {
			throw new InvalidInputProblem("reason", "site.status.reason.required");
		}
		SiteStatus from = Objects.requireNonNull(site.operatingStatus());
		if (!sites.setOperatingStatus(site.id(), from, next, clock.instant())) {
			throw new OptimisticLockingFailureException("exam_site " + site.id());
		}
		audit.record(scope, AuditRecord.of(action, "ExamSite", site.id(), from, next,
				site.name() + " " + site.code() + "：" + text, site.collegeId()));
		events.publishEvent(new SiteEvents.SiteStatusChanged(site.id(), site.collegeId(), site.provinceId(),
				site.name(), from, next, text));
		return sites.find(site.id()).orElseThrow();
	}

	private SiteView approved(Scope scope, long siteId) {
		if (!scope.isAdmin() && scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("site.error.orgOnly");
		}
		SiteView site = sites.find(siteId)
			.filter(s -> scope.isAdmin() || Objects.equals(scope.organisationId(), s.organisationId()))
			.orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		if (!site.approved()) {
			throw new DomainException(HttpStatus.CONFLICT, "site.error.notApproved", site.name());
		}
		return site;
	}
}
