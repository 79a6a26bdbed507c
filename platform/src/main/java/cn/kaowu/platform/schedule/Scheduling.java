package cn.kaowu.platform.schedule;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.materials.ExamInfo;
import cn.kaowu.platform.materials.ExamKind;
import cn.kaowu.platform.materials.ExamMaterials;
import cn.kaowu.platform.materials.ExamSlot;
import cn.kaowu.platform.materials.MaterialKind;
import cn.kaowu.platform.materials.RoomMaterials;
import cn.kaowu.platform.materials.RoomSheet;
import cn.kaowu.platform.materials.SiteSheet;
import cn.kaowu.platform.materials.TicketData;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.room.ExamRooms;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.Invigilators;
import cn.kaowu.platform.room.RoomView;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.staff.StaffDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 排考: the ORG runs and publishes the schedule of its plan inside the scheduling window; colleges see the published
 * result of their sites per room and download the printed materials. See {@link Seating} for the rules.
 */
@Service
public class Scheduling {

	/** Where a site of the plan stands. */
	public enum SiteState {
		/** 未排考 */
		NOT_RUN,
		/** 已排考（未发布） */
		DRAFT,
		/** 已发布 */
		PUBLISHED;

		public String messageKey() {
			return "schedule.state." + name();
		}
	}

	/** A site of the plan with its registrations and its schedule's state. */
	public record SiteSchedule(long siteId, String siteCode, String siteName, long collegeId, int records,
			int candidates, SiteState state, @Nullable Integer siteNumber, List<String> warnings,
			@Nullable Instant runAt, @Nullable Instant publishedAt) {
	}

	/**
	 * A room in one slot: who sits where and who invigilates.
	 *
	 * @param ticketsHere whether the slot is its level's first, where the candidates' tickets are printed
	 */
	public record RoomSchedule(long roomId, String roomName, String address, long planSubjectId, String subject,
			String slot, List<SeatView> seats, List<String> invigilators, boolean ticketsHere) {
	}

	public record SeatView(long recordId, int seat, String ticketNumber, String name, String idNumberMasked) {
	}

	/** What a run did: sites scheduled, sites that could not be (with the reasons), warnings. */
	public record RunSummary(int sites, int records, List<String> blocked, List<String> warnings) {
	}

	private final ScheduleStore store;

	private final Enrollments enrollments;

	private final ExamPlans plans;

	private final ExamRooms rooms;

	private final Invigilators invigilators;

	private final StaffDirectory staff;

	private final ExamSites sites;

	private final CandidateManagement candidates;

	private final OrganisationManagement organisations;

	private final ExamMaterials materials;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final Clock clock;

	private final cn.kaowu.platform.job.Jobs jobs;

	Scheduling(ScheduleStore store, Enrollments enrollments, ExamPlans plans, ExamRooms rooms,
			Invigilators invigilators, StaffDirectory staff, ExamSites sites, CandidateManagement candidates,
			OrganisationManagement organisations, ExamMaterials materials, ProblemMessages messages, AuditLog audit,
			Clock clock, cn.kaowu.platform.job.Jobs jobs) {
		this.jobs = jobs;
		this.store = store;
		this.enrollments = enrollments;
		this.plans = plans;
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.staff = staff;
		this.sites = sites;
		this.candidates = candidates;
		this.organisations = organisations;
		this.materials = materials;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean canRun(@Nullable Scope scope, PlanView plan) {
		return scope != null && scope.role() == Role.ORG && Objects.equals(scope.organisationId(), plan.organisationId());
	}

	// ---- reading ------------------------------------------------------------------------------------------------

	/** Published plans the scope takes part in: an ORG its own, a college those with registrations at its sites. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(Scope scope) {
		return plans.published(null)
			.stream()
			.filter(p -> scope.isAdmin() || canRun(scope, p) || (scope.role() == Role.PROVINCE)
					|| (scope.role().isCollege() && enrollments.sites(p.id()).stream()
						.anyMatch(s -> Objects.equals(s.siteCollegeId(), scope.organisationId()))))
			.toList();
	}

	@Transactional(readOnly = true)
	public PlanView plan(Scope scope, long planId) {
		PlanView plan = plans.find(planId).filter(PlanView::isPublished)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		if (!scope.isAdmin() && !canRun(scope, plan) && scope.role() != Role.PROVINCE && !scope.role().isCollege()) {
			throw new NotFoundProblem("考核计划", planId);
		}
		return plan;
	}

	/** The sites of the plan: the ORG sees all, a college its own (published ones only show seats). */
	@Transactional(readOnly = true)
	public List<SiteSchedule> sites(Scope scope, long planId) {
		plan(scope, planId);
		Map<Long, ScheduleStore.Run> runs = new HashMap<>();
		store.runs(planId).forEach(r -> runs.put(r.siteId(), r));
		List<SiteSchedule> out = new ArrayList<>();
		for (Enrollments.SiteCount s : enrollments.sites(planId)) {
			if (!visible(scope, s.siteCollegeId(), s.siteId())) {
				continue;
			}
			ScheduleStore.Run run = runs.get(s.siteId());
			SiteState state = run == null ? SiteState.NOT_RUN
					: run.status() == ScheduleStore.RunStatus.PUBLISHED ? SiteState.PUBLISHED : SiteState.DRAFT;
			out.add(new SiteSchedule(s.siteId(), s.siteCode(), s.siteName(), s.siteCollegeId(), s.records(),
					s.candidates(), state, run == null ? null : run.siteNumber(),
					run == null || run.warnings() == null ? List.of() : List.of(run.warnings().split("\n")),
					run == null ? null : run.runAt(), run == null ? null : run.publishedAt()));
		}
		return out;
	}

	/** The rooms of a site in each slot with seats and invigilators; a college sees them once published. */
	@Transactional(readOnly = true)
	public List<RoomSchedule> rooms(Scope scope, long planId, long siteId) {
		PlanView plan = plan(scope, planId);
		requireSiteVisible(scope, plan, siteId);
		Map<Long, PlanSubjectView> subjects = subjects(plan);
		Map<Long, RoomView> roomById = new HashMap<>();
		rooms.roomsOf(planId, siteId).forEach(r -> roomById.put(r.id(), r));
		Map<Long, Enrollments.Seatable> records = new HashMap<>();
		enrollments.seatable(planId, siteId).forEach(r -> records.put(r.recordId(), r));
		Map<String, List<String>> duty = new HashMap<>();
		store.duties(planId, siteId).forEach(d -> duty.computeIfAbsent(d.planSubjectId() + ":" + d.roomId(),
				k -> new ArrayList<>()).add(d.staffName() + "（" + d.department() + "）"));
		Map<String, List<SeatView>> seats = new LinkedHashMap<>();
		for (ScheduleStore.SeatRow s : store.seats(planId, siteId)) {
			Enrollments.Seatable r = records.get(s.recordId());
			seats.computeIfAbsent(s.planSubjectId() + ":" + s.roomId(), k -> new ArrayList<>())
				.add(new SeatView(s.recordId(), s.seatNumber(), s.ticketNumber(), r == null ? "" : r.name(),
						r == null ? "" : ChineseIdNumber.mask(r.idNumber())));
		}
		List<RoomSchedule> out = new ArrayList<>();
		seats.forEach((key, list) -> {
			String[] k = key.split(":");
			PlanSubjectView subject = subjects.get(Long.parseLong(k[0]));
			RoomView room = roomById.get(Long.parseLong(k[1]));
			out.add(new RoomSchedule(Long.parseLong(k[1]), room == null ? "" : room.name(),
					room == null ? "" : room.address(), subject.id(), subject.level().withSubject(subject.subjectName()),
					subject.slot(), list, duty.getOrDefault(key, List.of()), plan.level(subject.levelId())
						.map(l -> l.subjects().getFirst().id() == subject.id()).orElse(false)));
		});
		out.sort(Comparator.comparing((RoomSchedule r) -> subjects.get(r.planSubjectId()).startsAt())
			.thenComparing(RoomSchedule::roomName));
		return out;
	}

	// ---- for exam delivery ----------------------------------------------------------------------------------------

	/** A published seat as exam delivery packs it. */
	public record Seated(long planSubjectId, String ticketNumber, long candidateId, String name, String idNumberMasked,
			String roomName, int seatNumber) {
	}

	/** The sites of the plan whose schedule is published. Unscoped: the caller checked its own scope. */
	@Transactional(readOnly = true)
	public List<Long> publishedSites(long planId) {
		return store.runs(planId).stream()
			.filter(r -> r.status() == ScheduleStore.RunStatus.PUBLISHED)
			.map(ScheduleStore.Run::siteId)
			.toList();
	}

	/** The published seats of a site, by subject slot and ticket. Unscoped: the caller checked its own scope. */
	@Transactional(readOnly = true)
	public List<Seated> publishedSeats(long planId, long siteId) {
		if (!publishedSites(planId).contains(siteId)) {
			return List.of();
		}
		Map<Long, Enrollments.Seatable> records = new HashMap<>();
		enrollments.seatable(planId, siteId).forEach(r -> records.put(r.recordId(), r));
		return store.seats(planId, siteId).stream()
			.map(st -> {
				Enrollments.Seatable r = records.get(st.recordId());
				return new Seated(st.planSubjectId(), st.ticketNumber(), st.candidateId(), r.name(),
						ChineseIdNumber.mask(r.idNumber()), st.roomName(), st.seatNumber());
			})
			.sorted(Comparator.comparingLong(Seated::planSubjectId).thenComparing(Seated::ticketNumber))
			.toList();
	}

	// ---- running and publishing ---------------------------------------------------------------------------------

	/** Checks the ORG and the window now, and queues {@link #run} as a background job (the page's way). */
	@Transactional
	public cn.kaowu.platform.job.JobView startRun(Scope scope, long planId, @Nullable Long siteId) {
		ownPlanInWindow(scope, planId);
		return jobs.submit(scope, ScheduleJob.KIND, siteId == null ? String.valueOf(planId) : planId + ":" + siteId,
				null, null);
	}

	/**
	 * Schedules the plan's sites (or one): seats, tickets and invigilators, as a draft. Sites already published are
	 * left alone (changes to them are moves); a site with too few seats for a slot is reported and not scheduled.
	 */
	@Transactional
	public RunSummary run(Scope scope, long planId, @Nullable Long siteId) {
		PlanView plan = ownPlanInWindow(scope, planId);
		Instant now = clock.instant();
		List<Enrollments.SiteCount> siteCounts = enrollments.sites(planId);
		if (siteCounts.size() > TicketNumbers.MAX_SITES) {
			throw new DomainException(HttpStatus.CONFLICT, "schedule.error.tooManySites", TicketNumbers.MAX_SITES);
		}
		Map<Long, Integer> siteNumbers = new HashMap<>();
		Map<Long, Enrollments.SiteCount> countBySite = new HashMap<>();
		for (int i = 0; i < siteCounts.size(); i++) {
			siteNumbers.put(siteCounts.get(i).siteId(), i + 1);
			countBySite.put(siteCounts.get(i).siteId(), siteCounts.get(i));
		}
		if (siteId != null && !siteNumbers.containsKey(siteId)) {
			throw new NotFoundProblem("考核站点", siteId);
		}
		Set<Long> published = store.runs(planId).stream()
			.filter(r -> r.status() == ScheduleStore.RunStatus.PUBLISHED)
			.map(ScheduleStore.Run::siteId)
			.collect(Collectors.toSet());

		Map<Long, List<Enrollments.Seatable>> recordsBySite = new LinkedHashMap<>();
		enrollments.seatable(planId, siteId).forEach(r -> recordsBySite.computeIfAbsent(r.siteId(), k -> new ArrayList<>()).add(r));
		Map<Long, List<RoomView>> roomsBySite = new HashMap<>();
		(siteId == null ? rooms.roomsOfPlan(planId) : rooms.roomsOf(planId, siteId))
			.forEach(r -> roomsBySite.computeIfAbsent(r.siteId(), k -> new ArrayList<>()).add(r));
		Map<Long, List<InvigilatorView>> invigilatorsBySite = new HashMap<>();
		(siteId == null ? invigilators.approvedOfPlan(planId) : invigilators.approved(planId, siteId))
			.forEach(i -> invigilatorsBySite.computeIfAbsent(i.siteId(), k -> new ArrayList<>()).add(i));
		Map<Long, Set<String>> relatives = staff.relativeIdNumbers(invigilatorsBySite.values().stream()
			.flatMap(List::stream).map(InvigilatorView::staffId).distinct().toList());
		List<Seating.Slot> slots = plan.subjects().stream()
			.map(s -> new Seating.Slot(s.id(), s.levelId(), s.startsAt(), s.endsAt(), s.level().withSubject(s.subjectName()) + "（" + s.slot() + "）"))
			.toList();
		LocalDate firstExam = plan.firstExam().map(i -> LocalDate.ofInstant(i, AdjustableClock.CHINA))
			.orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "schedule.error.noSubjects"));

		List<Long> todo = recordsBySite.keySet().stream().filter(s -> !published.contains(s)).toList();
		store.deleteDrafts(planId, todo);
		List<ScheduleStore.SeatRow> seatRows = new ArrayList<>();
		List<ScheduleStore.DutyRow> dutyRows = new ArrayList<>();
		List<ScheduleStore.Run> runRows = new ArrayList<>();
		List<String> blocked = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (long site : todo) {
			List<Enrollments.Seatable> records = recordsBySite.get(site);
			String siteName = countBySite.get(site).siteName();
			if (countBySite.get(site).candidates() > TicketNumbers.MAX_CANDIDATES_PER_SITE) {
				blocked.add(siteName + "：" + messages.text("schedule.error.tooManyCandidates", TicketNumbers.MAX_CANDIDATES_PER_SITE));
				continue;
			}
			List<RoomView> siteRooms = roomsBySite.getOrDefault(site, List.of());
			Map<Long, RoomView> roomById = new HashMap<>();
			siteRooms.forEach(r -> roomById.put(r.id(), r));
			List<Seating.Room> seatingRooms = siteRooms.stream()
				.map(r -> new Seating.Room(r.id(), r.name(), r.seats(),
						r.subjects().stream().map(RoomView.Subject::planSubjectId).collect(Collectors.toSet())))
				.toList();
			List<InvigilatorView> people = invigilatorsBySite.getOrDefault(site, List.of());
			Map<Long, InvigilatorView> personById = new HashMap<>();
			people.forEach(p -> personById.put(p.staffId(), p));
			List<Seating.Invigilator> seatingPeople = people.stream()
				.map(p -> new Seating.Invigilator(p.staffId(), p.name(), p.department(),
						p.majors().stream().map(InvigilatorView.MajorTaught::code).collect(Collectors.toSet()),
						relatives.getOrDefault(p.staffId(), Set.of())))
				.toList();
			List<Seating.Candidate> seatingRecords = records.stream()
				.map(r -> new Seating.Candidate(r.recordId(), r.candidateId(), r.planSubjectId(), r.levelId(),
						r.idNumber(), r.majorCode()))
				.toList();
			Seating.Result result = Seating.site(slots, seatingRooms, seatingRecords, seatingPeople);
			List<String> siteWarnings = result.problems().stream().filter(p -> !p.blocking())
				.map(p -> messages.text(p.messageKey(), p.args())).toList();
			if (result.blocked()) {
				blocked.add(siteName + "：" + result.problems().stream().filter(Seating.Problem::blocking)
					.map(p -> messages.text(p.messageKey(), p.args())).collect(Collectors.joining("；")));
				continue;
			}
			int siteNumber = siteNumbers.get(site);
			for (Seating.Seat s : result.seats()) {
				seatRows.add(new ScheduleStore.SeatRow(s.recordId(), planId, site, s.planSubjectId(), s.candidateId(),
						s.roomId(), roomById.get(s.roomId()).name(), s.seat(),
						TicketNumbers.of(firstExam, planId, siteNumber, result.candidateNumbers().get(s.candidateId()))));
			}
			for (Seating.Duty d : result.duties()) {
				InvigilatorView p = personById.get(d.staffId());
				dutyRows.add(new ScheduleStore.DutyRow(planId, site, d.planSubjectId(), d.roomId(), d.staffId(), p.name(),
						p.department()));
			}
			siteWarnings.forEach(w -> warnings.add(siteName + "：" + w));
			runRows.add(new ScheduleStore.Run(planId, site, siteNumber, ScheduleStore.RunStatus.DRAFT,
					result.candidateNumbers().size(), result.seats().size(),
					siteWarnings.isEmpty() ? null : String.join("\n", siteWarnings), now, null));
		}
		store.copySeats(seatRows);
		store.insertDuties(dutyRows);
		store.insertRuns(runRows);
		audit.record(scope, AuditRecord.of("schedule.run", "ExamPlan", planId, null, "DRAFT",
				plan.name() + "：排考站点 " + runRows.size() + " 个，报考记录 " + seatRows.size() + " 条，未能排考 "
						+ blocked.size() + " 个" + (siteId == null ? "" : "（站点 " + siteId + "）"),
				plan.organisationId()));
		return new RunSummary(runRows.size(), seatRows.size(), blocked, warnings);
	}

	/**
	 * Publishes the drafts of the plan: tickets, rooms and seats go into the registration records (待考试) and the
	 * colleges see the result and the printed materials.
	 */
	@Transactional
	public int publish(Scope scope, long planId) {
		PlanView plan = ownPlanInWindow(scope, planId);
		Instant now = clock.instant();
		int sitesPublished = 0;
		for (ScheduleStore.Run run : store.runs(planId)) {
			if (run.status() != ScheduleStore.RunStatus.DRAFT) {
				continue;
			}
			List<Enrollments.Placement> placements = store.seats(planId, run.siteId()).stream()
				.map(s -> new Enrollments.Placement(s.recordId(), s.ticketNumber(), s.roomId(), s.roomName(), s.seatNumber()))
				.toList();
			enrollments.applySchedule(planId, run.siteId(), placements, now);
			store.markPublished(planId, run.siteId(), now);
			sitesPublished++;
		}
		if (sitesPublished == 0) {
			throw new DomainException(HttpStatus.CONFLICT, "schedule.error.nothingToPublish");
		}
		audit.record(scope, AuditRecord.of("schedule.publish", "ExamPlan", planId, "DRAFT", "PUBLISHED",
				plan.name() + "：发布站点 " + sitesPublished + " 个", plan.organisationId()));
		return sitesPublished;
	}

	/**
	 * 调整座位 after publication: one record to a free seat of another room serving its subject at the same site.
	 * The ticket number stays (it belongs to the candidate); audited with the old and new seat.
	 */
	@Transactional
	public void move(Scope scope, long planId, long recordId, long roomId, int seat) {
		PlanView plan = ownPlanInWindow(scope, planId);
		ScheduleStore.SeatRow current = store.seat(recordId).filter(s -> s.planId() == planId)
			.orElseThrow(() -> new NotFoundProblem("报考记录", recordId));
		RoomView room = rooms.roomsOf(planId, current.siteId()).stream().filter(r -> r.id() == roomId).findFirst()
			.orElseThrow(() -> new InvalidInputProblem("roomId", "schedule.error.roomNotAtSite"));
		if (!room.serves(current.planSubjectId())) {
			throw new InvalidInputProblem("roomId", "schedule.error.roomSubject", room.name());
		}
		if (seat < 1 || seat > room.seats()) {
			throw new InvalidInputProblem("seat", "schedule.error.seatRange", room.seats());
		}
		if (store.seatTaken(current.planSubjectId(), roomId, seat)) {
			throw new InvalidInputProblem("seat", "schedule.error.seatTaken", room.name(), seat);
		}
		store.moveSeat(recordId, roomId, room.name(), seat);
		boolean published = store.run(planId, current.siteId()).map(r -> r.status() == ScheduleStore.RunStatus.PUBLISHED)
			.orElse(false);
		if (published) {
			enrollments.applySchedule(planId, current.siteId(), List.of(new Enrollments.Placement(recordId,
					current.ticketNumber(), roomId, room.name(), seat)), clock.instant());
		}
		audit.record(scope, AuditRecord.of("schedule.move", "RegistrationRecord", recordId,
				current.roomName() + " " + current.seatNumber() + "号", room.name() + " " + seat + "号",
				plan.name() + " 准考证号 " + current.ticketNumber(), plan.organisationId()));
	}

	// ---- printed materials ------------------------------------------------------------------------------------

	/**
	 * All printed materials of a published site as one zip, streamed room by room (photos read per room).
	 */
	@Transactional(readOnly = true)
	public void materials(Scope scope, long planId, long siteId, OutputStream out) {
		Printing p = printing(scope, planId, siteId);
		Iterator<RoomSchedule> each = p.rooms().iterator();
		materials.zip(p.sheet(), new Iterator<>() {
			@Override
			public boolean hasNext() {
				return each.hasNext();
			}

			@Override
			public RoomMaterials next() {
				return p.room(each.next());
			}
		}, out);
	}

	/**
	 * One printed material as a PDF: a site form ({@code roomId} and {@code planSubjectId} null) or a room's sheet in
	 * one slot.
	 */
	@Transactional(readOnly = true)
	public void material(Scope scope, long planId, long siteId, MaterialKind kind, @Nullable Long roomId,
			@Nullable Long planSubjectId, OutputStream out) {
		Printing p = printing(scope, planId, siteId);
		switch (kind) {
			case PATROL_RECORD -> materials.patrolRecord(p.sheet(), out);
			case SEAL_CONFIRMATION -> materials.sealConfirmation(p.sheet(), out);
			case STAFF_PLEDGE -> materials.staffPledge(p.sheet(), out);
			default -> {
				RoomSchedule room = p.rooms().stream()
					.filter(r -> Objects.equals(r.roomId(), roomId) && Objects.equals(r.planSubjectId(), planSubjectId))
					.findFirst()
					.orElseThrow(() -> new NotFoundProblem("考场", roomId == null ? "" : roomId));
				RoomMaterials m = p.room(room);
				switch (kind) {
					case TICKETS -> materials.tickets(m.tickets(), out);
					case DESK_LABELS -> materials.deskLabels(m.sheet(), out);
					case DOOR_LABEL -> materials.doorLabel(m.sheet(), out);
					case SIGN_IN_SHEET -> materials.signInSheet(m.sheet(), out);
					default -> materials.roomRecord(m.sheet(), out);
				}
			}
		}
	}

	/** What the printed materials of a site are drawn from; rooms become sheets one at a time. */
	private record Printing(SiteSheet sheet, List<RoomSchedule> rooms, Function<RoomSchedule, RoomMaterials> drawer) {

		RoomMaterials room(RoomSchedule r) {
			return drawer.apply(r);
		}
	}

	/**
	 * Refuses (404, or 409 before a schedule is published) what {@link #materials} would refuse, before a download
	 * starts: once the zip streams, an error can no longer become an error page.
	 */
	@Transactional(readOnly = true)
	public void requirePrintable(Scope scope, long planId, long siteId) {
		printable(scope, planId, siteId);
	}

	private PlanView printable(Scope scope, long planId, long siteId) {
		PlanView plan = plan(scope, planId);
		requireSiteVisible(scope, plan, siteId);
		store.run(planId, siteId)
			.filter(r -> r.status() == ScheduleStore.RunStatus.PUBLISHED || canRun(scope, plan))
			.orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "schedule.error.notPublished"));
		return plan;
	}

	private Printing printing(Scope scope, long planId, long siteId) {
		PlanView plan = printable(scope, planId, siteId);
		SiteView site = sites.find(siteId).orElseThrow();
		Map<Long, PlanSubjectView> subjects = subjects(plan);
		Map<Long, Enrollments.Seatable> records = new HashMap<>();
		enrollments.seatable(planId, siteId).forEach(r -> records.put(r.recordId(), r));
		// All slots of each candidate, for the ticket's subject list.
		Map<Long, List<ScheduleStore.SeatRow>> seatsOfCandidate = new HashMap<>();
		store.seats(planId, siteId)
			.forEach(s -> seatsOfCandidate.computeIfAbsent(s.candidateId(), k -> new ArrayList<>()).add(s));
		List<RoomSchedule> roomSchedules = rooms(scope, planId, siteId);
		Map<Long, RoomView> roomById = new HashMap<>();
		rooms.roomsOf(planId, siteId).forEach(r -> roomById.put(r.id(), r));
		String levels = plan.levels().stream().map(l -> l.level().label()).distinct().collect(Collectors.joining("、"));
		ExamInfo siteExam = new ExamInfo(plan.name(), plan.certificateName(), levels, site.name(),
				Objects.requireNonNullElse(site.code(), ""));
		List<SiteSheet.Session> sessions = roomSchedules.stream()
			.map(r -> new SiteSheet.Session(r.roomName(), slot(subjects.get(r.planSubjectId())), r.seats().size()))
			.toList();
		List<SiteSheet.StaffLine> staffLines = store.duties(planId, siteId).stream()
			.map(ScheduleStore.DutyRow::staffName).distinct().map(n -> new SiteSheet.StaffLine(n, "监考员")).toList();
		Function<RoomSchedule, RoomMaterials> drawer = r -> {
			PlanSubjectView subject = subjects.get(r.planSubjectId());
			ExamInfo exam = new ExamInfo(plan.name(), plan.certificateName(), subject.level().label(), site.name(),
					siteExam.siteCode());
			RoomView room = roomById.get(r.roomId());
			String address = room == null ? r.address()
					: room.address() + (room.detailAddress() == null ? "" : " " + room.detailAddress());
			List<RoomSheet.Seat> sheetSeats = new ArrayList<>();
			List<TicketData> tickets = new ArrayList<>();
			for (SeatView s : r.seats()) {
				Enrollments.Seatable rec = records.get(s.recordId());
				byte[] photo = rec == null ? null : candidates.photoOf(rec.candidateId()).orElse(null);
				sheetSeats.add(new RoomSheet.Seat(s.seat(), s.ticketNumber(), s.name(), s.idNumberMasked(), photo));
				// A candidate's ticket is printed with the room of the first slot (it lists all slots).
				if (rec != null && isFirstSlot(seatsOfCandidate.get(rec.candidateId()), r.planSubjectId(), subjects)) {
					List<ExamSlot> slots = seatsOfCandidate.get(rec.candidateId()).stream()
						.map(x -> subjects.get(x.planSubjectId()))
						.sorted(Comparator.comparing(PlanSubjectView::startsAt))
						.map(Scheduling::slot)
						.toList();
					tickets.add(new TicketData(photo, rec.name(), rec.pinyin(), s.idNumberMasked(), s.ticketNumber(), exam,
							r.roomName(), address, s.seat(), slots));
				}
			}
			return new RoomMaterials(new RoomSheet(exam, r.roomName(), address, slot(subject), sheetSeats,
					r.invigilators()), tickets);
		};
		return new Printing(new SiteSheet(siteExam, sessions, staffLines), roomSchedules, drawer);
	}

	/** The zip's file name: 考务材料-<站点编号>-<计划>.zip. */
	@Transactional(readOnly = true)
	public String materialsName(long planId, long siteId) {
		PlanView plan = plans.require(planId);
		SiteView site = sites.find(siteId).orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		return "考务材料-" + site.code() + "-" + plan.name() + ".zip";
	}

	private static boolean isFirstSlot(List<ScheduleStore.SeatRow> seats, long planSubjectId,
			Map<Long, PlanSubjectView> subjects) {
		return seats.stream().map(s -> subjects.get(s.planSubjectId()))
			.min(Comparator.comparing(PlanSubjectView::startsAt))
			.map(s -> s.id() == planSubjectId)
			.orElse(false);
	}

	private static ExamSlot slot(PlanSubjectView s) {
		ExamKind kind = s.examMode() == ExamMode.PRACTICAL ? ExamKind.PRACTICE : ExamKind.THEORY;
		return new ExamSlot(s.subjectName(), kind, LocalDateTime.of(s.examDate(), s.startTime()),
				LocalDateTime.of(s.examDate(), s.endTime()));
	}

	// ---- access -------------------------------------------------------------------------------------------------

	private PlanView ownPlanInWindow(Scope scope, long planId) {
		PlanView plan = plans.find(planId).filter(PlanView::isPublished)
			.orElseThrow(() -> new NotFoundProblem("考核计划", planId));
		if (!canRun(scope, plan)) {
			if (scope.role() == Role.ORG) {
				throw new NotFoundProblem("考核计划", planId);
			}
			throw new AccessDeniedProblem("schedule.error.orgOnly");
		}
		if (!plan.isSchedulingOpen(clock.instant())) {
			throw new DomainException(HttpStatus.CONFLICT, "schedule.error.windowClosed", plan.name(),
					plan.scheduling().toString());
		}
		return plan;
	}

	private boolean visible(Scope scope, long siteCollegeId, long siteId) {
		if (scope.isAdmin() || scope.role() == Role.ORG) {
			return true;
		}
		if (scope.role().isCollege()) {
			return Objects.equals(scope.organisationId(), siteCollegeId);
		}
		if (scope.role() == Role.PROVINCE) {
			return sites.find(siteId).map(s -> Objects.equals(s.provinceId(), scope.provinceId())).orElse(false);
		}
		return false;
	}

	private void requireSiteVisible(Scope scope, PlanView plan, long siteId) {
		SiteView site = sites.find(siteId).orElseThrow(() -> new NotFoundProblem("考核站点", siteId));
		if (!visible(scope, site.collegeId(), siteId)) {
			throw new NotFoundProblem("考核站点", siteId);
		}
		if (!canRun(scope, plan) && !scope.isAdmin() && store.run(plan.id(), siteId)
			.map(r -> r.status() != ScheduleStore.RunStatus.PUBLISHED).orElse(true)) {
			throw new DomainException(HttpStatus.CONFLICT, "schedule.error.notPublished");
		}
	}

	private static Map<Long, PlanSubjectView> subjects(PlanView plan) {
		Map<Long, PlanSubjectView> map = new HashMap<>();
		plan.subjects().forEach(s -> map.put(s.id(), s));
		return map;
	}
}
