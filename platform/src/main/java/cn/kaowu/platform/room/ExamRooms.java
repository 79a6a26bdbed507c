package cn.kaowu.platform.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** For the scheduling module: the rooms of a plan, per site or all. No scope: callers check their own. */
@Component
public class ExamRooms {

	private final Rooms rooms;

	private final ExamPlans plans;

	private final ExamSites sites;

	private final Clock clock;

	ExamRooms(Rooms rooms, ExamPlans plans, ExamSites sites, Clock clock) {
		this.rooms = rooms;
		this.plans = plans;
		this.sites = sites;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RoomView> roomsOf(long planId, long siteId) {
		return views(rooms.of(planId, siteId));
	}

	/** Every room of the plan, by site then id. */
	@Transactional(readOnly = true)
	public List<RoomView> roomsOfPlan(long planId) {
		List<Rooms.Row> rows = new ArrayList<>(rooms.ofPlan(planId));
		rows.sort(java.util.Comparator.comparingLong(Rooms.Row::siteId).thenComparingLong(Rooms.Row::id));
		return views(rows);
	}

	private List<RoomView> views(List<Rooms.Row> rows) {
		Instant now = clock.instant();
		java.util.Map<Long, RoomAccess.Context> contexts = new java.util.HashMap<>();
		List<RoomView> views = new ArrayList<>();
		for (Rooms.Row r : rows) {
			RoomAccess.Context c = contexts.computeIfAbsent(r.siteId(), siteId -> {
				Optional<PlanView> plan = plans.find(r.planId());
				Optional<SiteView> site = sites.find(siteId);
				return new RoomAccess.Context(plan.orElseThrow(), site.orElseThrow());
			});
			views.add(RoomAccess.view(r, c, now));
		}
		return views;
	}
}
