package cn.kaowu.platform.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanStatus;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and change the rooms and invigilators of a plan at a site: the college owning the site manages them
 * (业务管理员, 负责人, 考点人员); the ORG owning the plan reads them and reviews invigilators; the province of the
 * college and the administrator read. Anyone else gets 404 (as for a missing id); readers who try to change get 403.
 * Colleges see published (and archived) plans only.
 */
@Component
class RoomAccess {

	private final ExamPlans plans;

	private final ExamSites sites;

	RoomAccess(ExamPlans plans, ExamSites sites) {
		this.plans = plans;
		this.sites = sites;
	}

	/** A plan at a site, both readable by the scope. */
	record Context(PlanView plan, SiteView site) {

		/** Plan subject id → subject. */
		Map<Long, PlanSubjectView> subjects() {
			return plan.subjects().stream().collect(Collectors.toMap(PlanSubjectView::id, Function.identity()));
		}

		RoomState state(Instant now) {
			return RoomState.at(plan.scheduling(), now);
		}
	}

	Context read(Scope scope, long planId, long siteId) {
		PlanView plan = plans.find(planId).orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		SiteView site = sites.find(siteId).orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		if (!site.approved() || site.certificateId() != plan.certificateId() || !canRead(scope, plan, site)) {
			throw new NotFoundProblem("考场", planId + "/" + siteId);
		}
		return new Context(plan, site);
	}

	static boolean canRead(Scope scope, PlanView plan, SiteView site) {
		if (scope.isAdmin()) {
			return true;
		}
		if (scope.role().isCollege()) {
			return Objects.equals(scope.organisationId(), site.collegeId()) && plan.status() != PlanStatus.DRAFT;
		}
		return switch (scope.role()) {
			case ORG -> Objects.equals(scope.organisationId(), plan.organisationId());
			case PROVINCE -> scope.provinceId() != null && scope.provinceId() == site.provinceId();
			default -> false;
		};
	}

	static boolean canManage(Scope scope, SiteView site) {
		return scope.role().isCollege() && Objects.equals(scope.organisationId(), site.collegeId());
	}

	/** The context for a change: the site's college, a published plan, an active site. */
	Context manage(Scope scope, long planId, long siteId) {
		Context c = read(scope, planId, siteId);
		if (!canManage(scope, c.site())) {
			throw new AccessDeniedProblem("room.error.collegeOnly");
		}
		if (!c.plan().isPublished()) {
			throw new DomainException(HttpStatus.CONFLICT, "room.error.planNotPublished", c.plan().name());
		}
		sites.requireActive(siteId);
		return c;
	}

	/** The ORG owning the plan (the reviewer of invigilators). */
	Context review(Scope scope, long planId, long siteId) {
		Context c = read(scope, planId, siteId);
		if (scope.role() != Role.ORG || !Objects.equals(scope.organisationId(), c.plan().organisationId())) {
			throw new AccessDeniedProblem("room.error.orgOnly");
		}
		return c;
	}

	static RoomView view(Rooms.Row r, Context c, Instant now) {
		Map<Long, PlanSubjectView> bySubject = c.plan()
			.subjects()
			.stream()
			.collect(Collectors.toMap(PlanSubjectView::subjectId, Function.identity()));
		List<PlanSubjectView> served = r.subjectIds()
			.stream()
			.map(bySubject::get)
			.filter(Objects::nonNull)
			.sorted(java.util.Comparator.comparing(PlanSubjectView::level).thenComparing(PlanSubjectView::startsAt))
			.toList();
		List<RoomView.Subject> subjects = served.stream().map(RoomAccess::subject).toList();
		return new RoomView(r.id(), r.planId(), c.plan().name(), r.siteId(), c.site().name(), r.collegeId(), r.name(),
				r.address(), r.detailAddress(), r.seats(), subjects,
				RoomType.of(served.stream().map(PlanSubjectView::examMode).toList()), c.state(now),
				RoomRules.invigilatorsRequired(r.seats()), r.version(), r.createdAt());
	}

	static RoomView.Subject subject(PlanSubjectView s) {
		return new RoomView.Subject(s.id(), s.subjectId(), s.level().label(), s.subjectName(), s.code(),
				s.examMode().label(), s.slot());
	}
}
