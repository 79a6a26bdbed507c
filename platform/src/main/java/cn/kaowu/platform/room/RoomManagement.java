package cn.kaowu.platform.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.SiteApplicationStatus;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考场管理 (004 ch.3 §5): the rooms of a plan at a site — add, edit and delete by the rules of {@link RoomRules},
 * copy from an earlier plan (延用之前的考场设置), xlsx import as a job and export, and the capacity check per subject.
 * See {@link RoomAccess} for who may do what.
 */
@Service
public class RoomManagement {

	public static final String IMPORT_JOB = "room-import";

	private final Rooms rooms;

	private final RoomAccess access;

	private final ExamPlans plans;

	private final SiteManagement siteManagement;

	private final Enrollments enrollments;

	private final Jobs jobs;

	private final AuditLog audit;

	private final Clock clock;

	RoomManagement(Rooms rooms, RoomAccess access, ExamPlans plans, SiteManagement siteManagement,
			Enrollments enrollments, Jobs jobs, AuditLog audit, Clock clock) {
		this.rooms = rooms;
		this.access = access;
		this.plans = plans;
		this.siteManagement = siteManagement;
		this.enrollments = enrollments;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- choosing a plan and a site ----------------------------------------------------------------------

	/** The approved, active sites of the scope's college (for the page's site choice). */
	@Transactional(readOnly = true)
	public List<SiteView> sites(Scope scope) {
		// The site module scopes the list: a college its own, an ORG those of its certificates, a province its own.
		if (!scope.role().isCollege() && scope.role() != Role.ORG && scope.role() != Role.PROVINCE) {
			return List.of();
		}
		return siteManagement
			.list(scope, new SiteManagement.SiteFilter(SiteApplicationStatus.APPROVED, null, null, SiteStatus.ACTIVE),
					PageQuery.of(1, PageQuery.MAX_SIZE))
			.items();
	}

	/** The published plans of the site's certificate, newest registration first. */
	@Transactional(readOnly = true)
	public List<PlanView> plansFor(SiteView site) {
		return plans.published(site.certificateId());
	}

	/** The plan at the site as the scope may read it (404 otherwise). */
	@Transactional(readOnly = true)
	public PlanView plan(Scope scope, long planId, long siteId) {
		return access.read(scope, planId, siteId).plan();
	}

	@Transactional(readOnly = true)
	public SiteView site(Scope scope, long planId, long siteId) {
		return access.read(scope, planId, siteId).site();
	}

	public static boolean canManage(Scope scope, SiteView site) {
		return RoomAccess.canManage(scope, site);
	}

	/** The state rooms of the plan have now. */
	@Transactional(readOnly = true)
	public RoomState state(Scope scope, long planId, long siteId) {
		return access.read(scope, planId, siteId).state(clock.instant());
	}

	// ---- rooms -------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<RoomView> list(Scope scope, long planId, long siteId) {
		RoomAccess.Context c = access.read(scope, planId, siteId);
		Instant now = clock.instant();
		return rooms.of(planId, siteId).stream().map(r -> RoomAccess.view(r, c, now)).toList();
	}

	@Transactional(readOnly = true)
	public RoomView get(Scope scope, long id) {
		Rooms.Row r = row(scope, id);
		return RoomAccess.view(r, access.read(scope, r.planId(), r.siteId()), clock.instant());
	}

	/** Adds a room; only before scheduling opens (afterwards the scheduling works from the rooms set). */
	@Transactional
	public RoomView create(Scope scope, long planId, long siteId, RoomForm form) {
		RoomAccess.Context c = access.manage(scope, planId, siteId);
		Instant now = clock.instant();
		requireNotScheduled(c, now);
		RoomRules.Values v = check(c, form);
		long id = insert(rooms, c, v, null, now);
		RoomView view = RoomAccess.view(rooms.find(id).orElseThrow(), c, now);
		audit.record(scope, AuditRecord.of("room.create", "Room", id, null, RoomState.NOT_SCHEDULED, describe(view),
				c.site().collegeId()));
		return view;
	}

	/**
	 * Changes a room: everything before scheduling, only a higher seat count while scheduling (a change of anything
	 * else is refused naming the field), nothing afterwards.
	 */
	@Transactional
	public RoomView update(Scope scope, long id, RoomForm form) {
		Rooms.Row r = row(scope, id);
		RoomAccess.Context c = access.manage(scope, r.planId(), r.siteId());
		Instant now = clock.instant();
		RoomState state = c.state(now);
		RoomView before = RoomAccess.view(r, c, now);
		RoomRules.Values next = check(c, form);
		RoomRules.Values current = new RoomRules.Values(r.name(), r.address(), r.detailAddress(), r.seats(),
				new HashSet<>(before.subjects().stream().map(RoomView.Subject::planSubjectId).toList()));
		var problems = RoomRules.editProblems(state, current, next);
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		if (rooms.nameTaken(r.planId(), r.siteId(), next.name(), id)) {
			throw new InvalidInputProblem("name", "room.name.duplicate", next.name());
		}
		int version = form.getVersion() == null ? r.version() : form.getVersion();
		if (!rooms.update(id, data(c, next), version, now)) {
			throw new OptimisticLockingFailureException("room " + id);
		}
		RoomView after = RoomAccess.view(rooms.find(id).orElseThrow(), c, now);
		audit.record(scope, AuditRecord.of("room.update", "Room", id, state, state,
				describe(before) + " → " + describe(after), c.site().collegeId()));
		return after;
	}

	@Transactional
	public void delete(Scope scope, long id) {
		Rooms.Row r = row(scope, id);
		RoomAccess.Context c = access.manage(scope, r.planId(), r.siteId());
		Instant now = clock.instant();
		RoomState state = c.state(now);
		RoomRules.requireDeletable(state);
		RoomView view = RoomAccess.view(r, c, now);
		rooms.delete(id);
		audit.record(scope, AuditRecord.of("room.delete", "Room", id, state, null, describe(view),
				c.site().collegeId()));
	}

	/** Earlier plans in which the site has rooms (the sources of 延用之前的考场设置). */
	@Transactional(readOnly = true)
	public List<PlanView> copySources(Scope scope, long planId, long siteId) {
		access.read(scope, planId, siteId);
		return rooms.plansWithRooms(siteId, planId).stream().flatMap(id -> plans.find(id).stream()).toList();
	}

	/**
	 * 延用之前的考场设置: copies the site's rooms of an earlier plan into this one, mapping their subjects by catalogue
	 * subject onto this plan's subjects. Rooms whose name is already used here, or none of whose subjects is in
	 * this plan, are skipped. Returns the number copied.
	 */
	@Transactional
	public int copy(Scope scope, long fromPlanId, long planId, long siteId) {
		RoomAccess.Context c = access.manage(scope, planId, siteId);
		RoomAccess.Context from = access.read(scope, fromPlanId, siteId);
		if (fromPlanId == planId) {
			throw new InvalidInputProblem("fromPlanId", "room.copy.samePlan");
		}
		Instant now = clock.instant();
		requireNotScheduled(c, now);
		Set<Long> catalogueSubjects = new HashSet<>(c.plan().subjects().stream().map(PlanSubjectView::subjectId).toList());
		int copied = 0;
		for (Rooms.Row r : rooms.of(from.plan().id(), siteId)) {
			List<Long> subjects = r.subjectIds().stream().filter(catalogueSubjects::contains).toList();
			if (subjects.isEmpty() || rooms.nameTaken(planId, siteId, r.name(), -1)) {
				continue;
			}
			long id = rooms.insert(planId, siteId, c.site().collegeId(),
					new Rooms.Data(r.name(), r.address(), r.detailAddress(), r.seats(), subjects), null, now);
			audit.record(scope, AuditRecord.of("room.copy", "Room", id, null, RoomState.NOT_SCHEDULED,
					describe(RoomAccess.view(rooms.find(id).orElseThrow(), c, now)) + "（延用自 " + from.plan().name()
							+ "）",
					c.site().collegeId()));
			copied++;
		}
		return copied;
	}

	// ---- capacity ----------------------------------------------------------------------------------------

	/**
	 * The capacity check per subject (slot) of the plan: registrations from {@code demandByPlanSubject} (plan
	 * subject id → candidates registered at the site; missing = 0) against the seats of the site's rooms serving
	 * the subject.
	 */
	@Transactional(readOnly = true)
	public List<SubjectCoverage> coverage(Scope scope, long planId, long siteId,
			Map<Long, Integer> demandByPlanSubject) {
		RoomAccess.Context c = access.read(scope, planId, siteId);
		Instant now = clock.instant();
		List<RoomView> views = rooms.of(planId, siteId).stream().map(r -> RoomAccess.view(r, c, now)).toList();
		Map<Long, String> labels = new LinkedHashMap<>();
		c.plan()
			.subjects()
			.stream()
			.sorted(java.util.Comparator.comparing(PlanSubjectView::level).thenComparing(PlanSubjectView::startsAt))
			.forEach(s -> labels.put(s.id(), RoomAccess.subject(s).label()));
		return RoomRules.coverage(labels, views, demandByPlanSubject);
	}

	/** The check against the registration records of the site (shown on the room page before scheduling). */
	@Transactional(readOnly = true)
	public List<SubjectCoverage> coverage(Scope scope, long planId, long siteId) {
		access.read(scope, planId, siteId);
		return coverage(scope, planId, siteId, enrollments.recordsPerSubject(planId, siteId));
	}

	// ---- import and export -------------------------------------------------------------------------------

	public byte[] template() {
		return ImportRooms.template();
	}

	/** Checks the file and queues the import job for the plan at the site. */
	@Transactional
	public JobView startImport(Scope scope, long planId, long siteId, String fileName, byte[] content) {
		RoomAccess.Context c = access.manage(scope, planId, siteId);
		requireNotScheduled(c, clock.instant());
		Spreadsheets.check("file", fileName, content);
		return jobs.submit(scope, IMPORT_JOB, planId + ":" + siteId, FileStorage.safeName(fileName), content);
	}

	/** The rooms as the seed's export table (所属考试计划 … 状态). */
	@Transactional(readOnly = true)
	public byte[] export(Scope scope, long planId, long siteId, Function<String, String> text) {
		RoomAccess.Context c = access.read(scope, planId, siteId);
		List<List<String>> rows = new ArrayList<>();
		for (RoomView r : list(scope, planId, siteId)) {
			rows.add(List.of(c.plan().name(), c.site().name(), c.site().collegeName(), r.name(),
					text.apply(r.type().messageKey()), r.subjectsText(), String.valueOf(r.seats()), r.address(),
					Objects.requireNonNullElse(r.detailAddress(), ""), c.plan().certificateName(),
					text.apply(r.state().messageKey())));
		}
		List<Spreadsheets.Column> columns = List.of(new Spreadsheets.Column("所属考试计划", 28),
				new Spreadsheets.Column("所属考核站点", 28), new Spreadsheets.Column("所属院校", 20),
				new Spreadsheets.Column("考场名称", 20), new Spreadsheets.Column("考场类型", 12),
				new Spreadsheets.Column("考试科目", 40), new Spreadsheets.Column("考位数", 8),
				new Spreadsheets.Column("考场地址", 24), new Spreadsheets.Column("详细地址", 24),
				new Spreadsheets.Column("本次组织考试的证书", 24), new Spreadsheets.Column("状态", 10));
		return Spreadsheets.sheet("考场信息", columns, rows);
	}

	// ---- shared with the import --------------------------------------------------------------------------

	static RoomRules.Values check(RoomAccess.Context c, RoomForm form) {
		return RoomRules.check(form.getName(), form.getAddress(), form.getDetailAddress(), form.getSeats(),
				form.getSubjectIds(), c.subjects().keySet());
	}

	static long insert(Rooms rooms, RoomAccess.Context c, RoomRules.Values v,
			java.util.@org.jspecify.annotations.Nullable UUID jobId, Instant now) {
		if (rooms.nameTaken(c.plan().id(), c.site().id(), v.name(), -1)) {
			throw new InvalidInputProblem("name", "room.name.duplicate", v.name());
		}
		try {
			return rooms.insert(c.plan().id(), c.site().id(), c.site().collegeId(), data(c, v), jobId, now);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("name", "room.name.duplicate", v.name());
		}
	}

	static void requireNotScheduled(RoomAccess.Context c, Instant now) {
		RoomState state = c.state(now);
		if (state != RoomState.NOT_SCHEDULED) {
			throw new DomainException(HttpStatus.CONFLICT, "room.error.addClosed", c.plan().name());
		}
	}

	private static Rooms.Data data(RoomAccess.Context c, RoomRules.Values v) {
		Map<Long, PlanSubjectView> subjects = c.subjects();
		return new Rooms.Data(v.name(), v.address(), v.detailAddress(), v.seats(),
				v.planSubjectIds().stream().map(id -> subjects.get(id).subjectId()).toList());
	}

	private Rooms.Row row(Scope scope, long id) {
		Rooms.Row r = rooms.find(id).orElseThrow(() -> new NotFoundProblem("考场", id));
		try {
			access.read(scope, r.planId(), r.siteId());
		}
		catch (NotFoundProblem e) {
			throw new NotFoundProblem("考场", id);
		}
		return r;
	}

	static String describe(RoomView r) {
		return r.name() + "，" + r.seats() + " 个考位，" + r.subjectsText();
	}

	static void requireCollege(Scope scope) {
		if (!scope.role().isCollege()) {
			throw new AccessDeniedProblem("room.error.collegeOnly");
		}
	}
}
