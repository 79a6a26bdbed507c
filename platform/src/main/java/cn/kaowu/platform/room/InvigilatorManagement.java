package cn.kaowu.platform.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.calendar.WorkingCalendar;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.staff.StaffDirectory;
import cn.kaowu.platform.staff.StaffView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监考人员 (004 ch.3 §6): the college submits invigilators for a plan at its site, chosen from its staff database
 * (role 监考员, active); the ORG owning the plan approves or returns them within 2 working days; a returned one may
 * be submitted again. The staffing summary compares approved invigilators with what the rooms need.
 */
@Service
public class InvigilatorManagement {

	/** The ORG reviews within this many working days of submission (004 ch.3 §6). */
	public static final int REVIEW_WORKING_DAYS = 2;

	private final InvigilatorRows rows;

	private final Rooms rooms;

	private final RoomAccess access;

	private final StaffDirectory staff;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	InvigilatorManagement(InvigilatorRows rows, Rooms rooms, RoomAccess access, StaffDirectory staff,
			WorkingCalendar calendar, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.rooms = rooms;
		this.access = access;
		this.staff = staff;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Rooms, seats and invigilators of a plan at a site.
	 *
	 * @param required the sum over the rooms of {@link RoomRules#invigilatorsRequired}
	 */
	public record Staffing(int rooms, int seats, int required, int approved, int pending) {

		public boolean shortOfInvigilators() {
			return approved < required;
		}
	}

	@Transactional(readOnly = true)
	public List<InvigilatorView> list(Scope scope, long planId, long siteId) {
		RoomAccess.Context c = access.read(scope, planId, siteId);
		return views(rows.of(planId, siteId), Map.of(planId + ":" + siteId, c));
	}

	@Transactional(readOnly = true)
	public Staffing staffing(Scope scope, long planId, long siteId) {
		access.read(scope, planId, siteId);
		List<Rooms.Row> rs = rooms.of(planId, siteId);
		List<InvigilatorRows.Row> is = rows.of(planId, siteId);
		return new Staffing(rs.size(), rs.stream().mapToInt(Rooms.Row::seats).sum(),
				rs.stream().mapToInt(r -> RoomRules.invigilatorsRequired(r.seats())).sum(),
				(int) is.stream().filter(i -> i.status() == InvigilatorStatus.APPROVED).count(),
				(int) is.stream().filter(i -> i.status() == InvigilatorStatus.PENDING).count());
	}

	/** The college's active 监考员 not yet submitted for the plan at the site. */
	@Transactional(readOnly = true)
	public List<StaffView> choices(Scope scope, long planId, long siteId) {
		RoomAccess.Context c = access.read(scope, planId, siteId);
		return staff.invigilatorsOf(c.site().collegeId())
			.stream()
			.filter(s -> !rows.exists(planId, siteId, s.id()))
			.toList();
	}

	/** Submits people of the college's staff database (role 监考员, active) for review by the ORG. */
	@Transactional
	public List<InvigilatorView> submit(Scope scope, long planId, long siteId, List<Long> staffIds) {
		RoomAccess.Context c = access.manage(scope, planId, siteId);
		Instant now = clock.instant();
		if (c.state(now) == RoomState.ENDED) {
			throw new DomainException(HttpStatus.CONFLICT, "room.error.ended");
		}
		if (staffIds == null || staffIds.isEmpty()) {
			throw new InvalidInputProblem("staffIds", "room.invigilator.noneSelected");
		}
		Instant due = calendar.deadline(now, REVIEW_WORKING_DAYS);
		List<Long> created = new ArrayList<>();
		for (long staffId : new LinkedHashSet<>(staffIds)) {
			StaffView person = staff.find(staffId)
				.filter(s -> s.collegeId() == c.site().collegeId())
				.orElseThrow(() -> new InvalidInputProblem("staffIds", "room.invigilator.unknown", staffId));
			if (!person.active() || person.role() != cn.kaowu.platform.staff.StaffRole.INVIGILATOR) {
				throw new InvalidInputProblem("staffIds", "room.invigilator.notInvigilator", person.name());
			}
			if (rows.exists(planId, siteId, staffId)) {
				throw new InvalidInputProblem("staffIds", "room.invigilator.duplicate", person.name());
			}
			long id = rows.insert(planId, siteId, c.site().collegeId(), c.plan().organisationId(), staffId, now, due);
			audit.record(scope, AuditRecord.of("room.invigilator.submit", "RoomInvigilator", id, null,
					InvigilatorStatus.PENDING, person.name() + "（" + person.department() + "）" + c.plan().name() + " "
							+ c.site().name(),
					c.site().collegeId()));
			created.add(id);
		}
		return views(created.stream().map(id -> rows.find(id).orElseThrow()).toList(), Map.of(planId + ":" + siteId, c));
	}

	/** Submits a returned invigilator again; the 2 working days count from now. */
	@Transactional
	public InvigilatorView resubmit(Scope scope, long id) {
		InvigilatorRows.Row r = row(scope, id);
		RoomAccess.Context c = access.manage(scope, r.planId(), r.siteId());
		r.status().resubmit();
		Instant now = clock.instant();
		if (!rows.resubmit(id, now, calendar.deadline(now, REVIEW_WORKING_DAYS))) {
			throw new OptimisticLockingFailureException("room_invigilator " + id);
		}
		audit.record(scope, AuditRecord.of("room.invigilator.resubmit", "RoomInvigilator", id, r.status(),
				InvigilatorStatus.PENDING, name(r), c.site().collegeId()));
		return view(id, c);
	}

	/** The college takes back an invigilator that is not approved; returns the person's name. */
	@Transactional
	public String withdraw(Scope scope, long id) {
		InvigilatorRows.Row r = row(scope, id);
		RoomAccess.Context c = access.manage(scope, r.planId(), r.siteId());
		if (r.status() == InvigilatorStatus.APPROVED) {
			throw new DomainException(HttpStatus.CONFLICT, "room.invigilator.approvedStays", name(r));
		}
		rows.delete(id);
		audit.record(scope, AuditRecord.of("room.invigilator.withdraw", "RoomInvigilator", id, r.status(), null,
				name(r), c.site().collegeId()));
		return name(r);
	}

	@Transactional
	public InvigilatorView approve(Scope scope, long id) {
		InvigilatorRows.Row r = row(scope, id);
		RoomAccess.Context c = access.review(scope, r.planId(), r.siteId());
		return review(scope, r, c, r.status().approve(), null, "room.invigilator.approve");
	}

	@Transactional
	public InvigilatorView returnForChanges(Scope scope, long id, @Nullable String reason) {
		InvigilatorRows.Row r = row(scope, id);
		RoomAccess.Context c = access.review(scope, r.planId(), r.siteId());
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw new InvalidInputProblem("reason", "room.invigilator.reason.required");
		}
		if (text.length() > 200) {
			throw new InvalidInputProblem("reason", "room.invigilator.reason.tooLong", 200);
		}
		return review(scope, r, c, r.status().returnForChanges(), text, "room.invigilator.return");
	}

	private InvigilatorView review(Scope scope, InvigilatorRows.Row r, RoomAccess.Context c, InvigilatorStatus next,
			@Nullable String reason, String action) {
		if (!rows.review(r.id(), r.status(), next, reason, clock.instant())) {
			throw new OptimisticLockingFailureException("room_invigilator " + r.id());
		}
		audit.record(scope, AuditRecord.of(action, "RoomInvigilator", r.id(), r.status(), next,
				name(r) + (reason == null ? "" : "：" + reason), c.site().collegeId()));
		return view(r.id(), c);
	}

	/** 监考审核: the invigilators submitted for the ORG's plans, pending first with the earliest due first. */
	@Transactional(readOnly = true)
	public List<InvigilatorView> reviewQueue(Scope scope, @Nullable InvigilatorStatus status) {
		if (scope.role() != Role.ORG) {
			throw new AccessDeniedProblem("room.error.orgOnly");
		}
		return views(rows.ofOrganisation(scope.requireOrganisation(), status), new HashMap<>(), scope);
	}

	// ---- views -------------------------------------------------------------------------------------------

	private InvigilatorView view(long id, RoomAccess.Context c) {
		InvigilatorRows.Row r = rows.find(id).orElseThrow();
		return views(List.of(r), Map.of(r.planId() + ":" + r.siteId(), c)).getFirst();
	}

	private List<InvigilatorView> views(List<InvigilatorRows.Row> list, Map<String, RoomAccess.Context> contexts) {
		return views(list, new HashMap<>(contexts), Scope.system());
	}

	private List<InvigilatorView> views(List<InvigilatorRows.Row> list, Map<String, RoomAccess.Context> contexts,
			Scope scope) {
		Map<Long, StaffView> people = new HashMap<>();
		staff.byIds(list.stream().map(InvigilatorRows.Row::staffId).distinct().toList())
			.forEach(s -> people.put(s.id(), s));
		Instant now = clock.instant();
		return list.stream().map(r -> {
			RoomAccess.Context c = contexts.computeIfAbsent(r.planId() + ":" + r.siteId(),
					k -> access.read(scope, r.planId(), r.siteId()));
			StaffView p = Objects.requireNonNull(people.get(r.staffId()));
			boolean late = r.reviewedAt() == null ? !now.isBefore(r.reviewDue()) : !r.reviewedAt().isBefore(r.reviewDue());
			return new InvigilatorView(r.id(), r.planId(), c.plan().name(), r.siteId(), c.site().name(), r.collegeId(),
					c.site().collegeName(), r.staffId(), p.name(), p.department(),
					p.majors().stream().map(m -> new InvigilatorView.MajorTaught(m.name(), m.code())).toList(),
					r.status(), r.returnReason(), r.submittedAt(), r.reviewDue(), r.reviewedAt(), late, r.version());
		}).toList();
	}

	/** Approved invigilators without scope (for {@link Invigilators}). */
	List<InvigilatorView> approved(long planId, long siteId) {
		return views(rows.of(planId, siteId)
			.stream()
			.filter(r -> r.status() == InvigilatorStatus.APPROVED)
			.toList(), new HashMap<>(), Scope.system());
	}

	List<InvigilatorView> approvedOfPlan(long planId) {
		return views(rows.approvedOfPlan(planId), new HashMap<>(), Scope.system());
	}

	private InvigilatorRows.Row row(Scope scope, long id) {
		InvigilatorRows.Row r = rows.find(id).orElseThrow(() -> new NotFoundProblem("监考人员", id));
		try {
			access.read(scope, r.planId(), r.siteId());
		}
		catch (NotFoundProblem e) {
			throw new NotFoundProblem("监考人员", id);
		}
		return r;
	}

	private String name(InvigilatorRows.Row r) {
		return staff.find(r.staffId()).map(StaffView::name).orElse("#" + r.staffId());
	}
}
