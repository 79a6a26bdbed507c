package cn.kaowu.platform.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉记录: the appeals of a plan's exam packages as the sites sent them. The ORG owning the plan sees every site's;
 * a college (principal, admin, site staff) the packages of its own sites; anyone else gets 404 for the plan.
 */
@Service
public class AppealRecords {

	private final Delivery delivery;

	private final cn.kaowu.platform.result.ResultIntake results;

	private final ExamPlans plans;

	private final Clock clock;

	AppealRecords(Delivery delivery, cn.kaowu.platform.result.ResultIntake results, ExamPlans plans, Clock clock) {
		this.delivery = delivery;
		this.results = results;
		this.plans = plans;
		this.clock = clock;
	}

	/** One appeal with where it came from; {@code late}: decided after its due time, or still open past it. */
	public record AppealRow(String packageId, long siteId, String siteName, Instant slotStart, String roomCode,
			RoomReport.Appeal appeal, RoomReport.AppealState state, boolean late,
			RoomReport.@Nullable AppealEvent decision) {

		public @Nullable String withdrawalReason() {
			return appeal.events().stream().map(RoomReport.AppealEvent::reason).filter(Objects::nonNull).findFirst()
				.orElse(null);
		}
	}

	/** A site's panel for one package. */
	public record PanelRow(String packageId, String siteName, Instant slotStart, RoomReport.Panel panel) {
	}

	/** The appeals and panels of a plan visible to the scope. */
	public record PlanAppeals(List<AppealRow> appeals, List<PanelRow> panels) {
	}

	/** The plans to choose from: the ORG's own published plans; for a college every published plan. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		if (scope.role() == Role.ORG) {
			return plans.published(null).stream()
				.filter(p -> Objects.equals(scope.organisationId(), p.organisationId()))
				.toList();
		}
		if (!scope.isAdmin() && !scope.role().isCollege()) {
			throw new AccessDeniedProblem("appeal.error.noAccess");
		}
		return plans.published(null);
	}

	/** Every appeal of the plan's packages the scope may see, by site, slot and recording order. */
	@Transactional(readOnly = true)
	public PlanAppeals ofPlan(Scope scope, long planId) {
		Instant now = clock.instant();
		List<AppealRow> rows = new ArrayList<>();
		List<PanelRow> panels = new ArrayList<>();
		for (Delivery.PackageView p : visiblePackages(scope, planId)) {
			RoomReport.Panel panel = null;
			for (RoomReport room : results.roomReports(p.id())) {
				if (panel == null && room.panel() != null) {
					panel = room.panel();
				}
				for (RoomReport.Appeal a : room.appeals()) {
					rows.add(new AppealRow(p.id(), p.siteId(), p.siteName(), p.slotStart(), room.roomCode(), a, a.state(),
							a.lateAt(now), a.decision().orElse(null)));
				}
			}
			if (panel != null) {
				panels.add(new PanelRow(p.id(), p.siteName(), p.slotStart(), panel));
			}
		}
		rows.sort(Comparator.comparing(AppealRow::siteName).thenComparing(AppealRow::slotStart)
			.thenComparing(r -> r.appeal().recordedAt()));
		return new PlanAppeals(rows, panels);
	}

	/** The scanned signature of one appeal (type, bytes); 404 outside the scope. */
	@Transactional(readOnly = true)
	public RoomReport.Appeal appeal(Scope scope, long planId, String packageId, long appealId) {
		Delivery.PackageView p = visiblePackages(scope, planId).stream().filter(x -> x.id().equals(packageId))
			.findFirst().orElseThrow(() -> new NotFoundProblem("申诉", appealId));
		return results.roomReports(p.id()).stream().flatMap(r -> r.appeals().stream())
			.filter(a -> a.id() == appealId).findFirst()
			.orElseThrow(() -> new NotFoundProblem("申诉", appealId));
	}

	/** The ORG owning the plan: all its packages; a college: its own sites' (perhaps none); others 404. */
	private List<Delivery.PackageView> visiblePackages(Scope scope, long planId) {
		PlanView plan = plans.find(planId).orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		if (scope.role() == Role.ORG) {
			if (!Objects.equals(scope.organisationId(), plan.organisationId())) {
				throw new NotFoundProblem("考核计划", planId);
			}
			return delivery.packagesOfOwnPlan(scope, planId);
		}
		if (scope.isAdmin()) {
			return delivery.packages(scope, planId);
		}
		if (!scope.role().isCollege()) {
			throw new NotFoundProblem("考核计划", planId);
		}
		return delivery.packages(scope, planId);
	}
}
