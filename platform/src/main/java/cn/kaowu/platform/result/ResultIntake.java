package cn.kaowu.platform.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.CryptoException;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.site.ExamSites;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.StoredFile;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results back (DOMAIN.md §10, issue 6): a site uploads a result package as a chunk manifest and its chunks — each
 * checked against the manifest on arrival, stored once (a repeated chunk changes nothing), in any order, across
 * broken connections — then asks to complete it: the package is reassembled, its site signature, hash chain and
 * sequence are verified ({@link ResultPackageVerifier}; a replayed or older package is refused), it must belong to one
 * of the site's exam packages, and its candidates are taken in. The ORG sees the intake per package: uploaded in time
 * (within 10 minutes of the slot's end), late or missing, and per candidate: registered → signed in → submitted →
 * uploaded.
 */
@Service
public class ResultIntake {

	/** Results are due within 10 minutes of the slot's end (000 §4). */
	static final Duration DUE_AFTER_END = Duration.ofMinutes(10);

	/** The largest result package taken (uploads of practical tasks included). */
	static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

	public enum Status {
		RECEIVING, ACCEPTED, REJECTED
	}

	/** Where an upload stands: the chunks still missing, or how it ended. */
	public record UploadState(String resultId, Status status, List<Integer> missing, String reason) {
	}

	/** A package's intake: 已上传 / 逾期上传 / 未上传 and its candidates' counts. */
	public record PackageIntake(String packageId, long siteId, String siteName, Instant slotEnd, String state,
			int registered, int signedIn, int submitted, int uploaded, int flagged) {
	}

	/**
	 * One candidate's way from registration to upload: registered → signed in → submitted → uploaded, with the
	 * objective score graded on site and every gap on the way.
	 */
	public record Reconciliation(String ticketNumber, String name, boolean registered, boolean signedIn,
			boolean submitted, boolean uploaded, @Nullable BigDecimal objectiveScore, int answered, int files,
			String receipt, @Nullable String room, int extensionMinutes, int warnings, List<Gap> gaps,
			boolean flagged) {

		static Reconciliation of(String ticketNumber, String name, boolean registered, boolean signedIn,
				boolean submitted, boolean uploaded, @Nullable BigDecimal objectiveScore, int answered, int files,
				String receipt, @Nullable String room, int extensionMinutes, int warnings, List<Gap> gaps) {
			return new Reconciliation(ticketNumber, name, registered, signedIn, submitted, uploaded, objectiveScore,
					answered, files, receipt, room, extensionMinutes, warnings, List.copyOf(gaps),
					gaps.stream().anyMatch(Gap::problem));
		}
	}

	/** What the reconciliation finds on a candidate's way; {@link #problem()} ones need someone to act. */
	public enum Gap {
		/** The package is due (10 minutes after the slot) and no result came. */
		NOT_UPLOADED(true),
		/** The site's result package came but does not list this registered candidate. */
		MISSING_FROM_RESULT(true),
		/** Uploaded without a sign-in: absent (缺考), as recorded by the site. */
		ABSENT(false),
		/** Signed in but not submitted: the site should have closed every sitting before exporting. */
		NOT_SUBMITTED(true),
		/** 取消考试资格 by the proctors (recorded with signatures in the room report): a decision, not a gap. */
		DISQUALIFIED(false),
		/** A result for a ticket that is not registered in this package's slot. */
		NOT_REGISTERED(true);

		private final boolean problem;

		Gap(boolean problem) {
			this.problem = problem;
		}

		public boolean problem() {
			return problem;
		}
	}

	/** A package's intake with its candidates. */
	public record PackageDetail(PackageIntake intake, List<Reconciliation> candidates) {
	}

	private final JdbcClient jdbc;

	private final Delivery delivery;

	private final Scheduling scheduling;

	private final ExamSites sites;

	private final AuditLog audit;

	private final Clock clock;

	private final FileStorage files;

	private final Grading grading;

	private final MeterRegistry meters;

	ResultIntake(JdbcClient jdbc, Delivery delivery, Scheduling scheduling, ExamSites sites, AuditLog audit,
			Clock clock, FileStorage files, Grading grading, MeterRegistry meters) {
		this.meters = meters;
		// Site result uploads (docs/operations.md), shown from the start at 0.
		List.of("stored", "duplicate").forEach(o -> meters.counter("kaowu.results.chunks", "outcome", o));
		meters.counter("kaowu.results.received.bytes");
		List.of("accepted", "refused").forEach(o -> meters.counter("kaowu.results.packages", "outcome", o));
		this.files = files;
		this.grading = grading;
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.scheduling = scheduling;
		this.sites = sites;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- the site's signed requests ---------------------------------------------------------------------------

	/** Starts (or finds again) an upload from its chunk manifest. */
	@Transactional
	public UploadState manifest(Delivery.SiteSignature proof, String method, String path, String resultId,
			byte[] encoded) {
		long siteId = delivery.verify(proof, method, path);
		ChunkManifest manifest;
		try {
			manifest = ChunkManifest.decode(encoded);
		}
		catch (CryptoException | IllegalArgumentException e) {
			throw new InvalidInputProblem("manifest", "result.badManifest");
		}
		if (!manifest.resultPackageId().equals(resultId) || manifest.totalLength() > MAX_BYTES) {
			throw new InvalidInputProblem("manifest", "result.badManifest");
		}
		var existing = jdbc.sql("SELECT site_id, manifest FROM result_upload WHERE id = ?").param(resultId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2)))
			.optional();
		if (existing.isPresent()) {
			if (existing.get().getKey() != siteId || !java.util.Arrays.equals(existing.get().getValue(), encoded)) {
				throw new DomainException(HttpStatus.CONFLICT, "result.otherManifest");
			}
		}
		else {
			jdbc.sql("""
					INSERT INTO result_upload (id, site_id, manifest, chunks, status, created_at)
					VALUES (?, ?, ?, ?, 'RECEIVING', ?)""")
				.params(resultId, siteId, encoded, manifest.chunkCount(), Timestamp.from(clock.instant()))
				.update();
		}
		return state(resultId);
	}

	/** One chunk, checked against the manifest; sending it again changes nothing. */
	@Transactional
	public UploadState chunk(Delivery.SiteSignature proof, String method, String path, String resultId, int index,
			byte[] data) {
		long siteId = delivery.verify(proof, method, path);
		ChunkManifest manifest = receiving(siteId, resultId);
		try {
			manifest.verifyChunk(index, data);
		}
		catch (CryptoException | IllegalArgumentException e) {
			throw new InvalidInputProblem("chunk", "result.badChunk", index);
		}
		int stored = jdbc.sql("INSERT INTO result_chunk (result_id, idx, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(resultId, index, data)
			.update();
		meters.counter("kaowu.results.chunks", "outcome", stored > 0 ? "stored" : "duplicate").increment();
		meters.counter("kaowu.results.received.bytes").increment(stored > 0 ? data.length : 0);
		return state(resultId);
	}

	@Transactional(readOnly = true)
	public UploadState status(Delivery.SiteSignature proof, String method, String path, String resultId) {
		long siteId = delivery.verify(proof, method, path);
		owned(siteId, resultId);
		return state(resultId);
	}

	/**
	 * Reassembles and verifies the package and takes its candidates in, all in this transaction; a package that
	 * fails is refused with the reason (and stays refused).
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public UploadState complete(Delivery.SiteSignature proof, String method, String path, String resultId) {
		long siteId = delivery.verify(proof, method, path);
		ChunkManifest manifest = receiving(siteId, resultId);
		List<Integer> missing = manifest.missing(received(resultId));
		if (!missing.isEmpty()) {
			throw new DomainException(HttpStatus.CONFLICT, "result.missing", missing.size());
		}
		SiteView site = sites.find(siteId).orElseThrow();
		PublicKey siteKey = Sm2Keys.publicKeyFromPem(jdbc.sql("SELECT public_key FROM site_link WHERE site_id = ?")
			.param(siteId).query(String.class).single());
		Path file = null;
		try {
			file = Files.createTempFile("kaowu-result-", ".kwres");
			try (OutputStream out = Files.newOutputStream(file)) {
				manifest.reassemble(chunks(resultId), out);
			}
			ResultPackageVerifier verified = ResultPackageVerifier.verify(file, Objects.requireNonNull(site.code()),
					siteKey, guard());
			String packageId = verified.header().examPackageId();
			boolean ours = jdbc.sql("SELECT count(*) FROM exam_package WHERE id = ? AND site_id = ?")
				.params(packageId, siteId).query(Long.class).single() > 0;
			if (!ours) {
				throw new CryptoException("成绩包所属的试卷包不是本站点的 (result package is for another site's exam package)");
			}
			List<CandidateResult> results = verified.readCandidates();
			for (CandidateResult r : results) {
				jdbc.sql("""
						INSERT INTO result_candidate (exam_package_id, ticket_number, result_id, objective_score, answered,
						  receipt, signed_in_at, submitted_at, uploads) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (exam_package_id, ticket_number) DO UPDATE SET result_id = EXCLUDED.result_id,
						  objective_score = EXCLUDED.objective_score, answered = EXCLUDED.answered,
						  uploads = EXCLUDED.uploads,
						  receipt = EXCLUDED.receipt, signed_in_at = EXCLUDED.signed_in_at,
						  submitted_at = EXCLUDED.submitted_at""")
					.params(packageId, r.ticketNumber(), resultId, r.objectiveScore(), r.answers().size(),
							r.receipt().shortForm(), r.signedInAt() == null ? null : Timestamp.from(r.signedInAt()),
							r.submittedAt() == null ? null : Timestamp.from(r.submittedAt()), r.uploads().size())
					.update();
			}
			for (RoomReport room : verified.readRoomReports()) {
				takeRoom(packageId, resultId, room);
			}
			// Practical tasks of the candidates who sat become grading tasks (issue 7; Grading.takeIn).
			grading.takeIn(packageId, resultId, verified.header().sequence(), results);
			StoredFile stored = files.saveGenerated(Scope.system(), "result-package", resultId + ".kwres",
					"application/octet-stream", file);
			jdbc.sql("""
					UPDATE result_upload SET status = 'ACCEPTED', exam_package_id = ?, sequence = ?, completed_at = ?,
					  file_id = ? WHERE id = ?""")
				.params(packageId, verified.header().sequence(), Timestamp.from(clock.instant()), stored.id(), resultId)
				.update();
			jdbc.sql("DELETE FROM result_chunk WHERE result_id = ?").param(resultId).update();
			audit.record(Scope.system(), AuditRecord.of("result.upload", "ResultPackage", resultId, "RECEIVING",
					"ACCEPTED", site.name() + " " + site.code() + "：成绩包 " + results.size() + " 名考生，链头 "
							+ verified.chainHead().substring(0, 16), site.collegeId()));
			meters.counter("kaowu.results.packages", "outcome", "accepted").increment();
			return state(resultId);
		}
		catch (CryptoException e) {
			jdbc.sql("UPDATE result_upload SET status = 'REJECTED', reason = ?, completed_at = ? WHERE id = ?")
				.params(e.getMessage(), Timestamp.from(clock.instant()), resultId)
				.update();
			audit.record(Scope.system(), AuditRecord.of("result.upload", "ResultPackage", resultId, "RECEIVING",
					"REJECTED", site.name() + " " + site.code() + "：" + e.getMessage(), site.collegeId()));
			meters.counter("kaowu.results.packages", "outcome", "refused").increment();
			throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "result.rejected", e.getMessage());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ignored) {
					// a temp file left behind is harmless
				}
			}
		}
	}

	/** A room's report kept as the site wrote it; each seat's outcome, extension and warnings beside its result. */
	private void takeRoom(String packageId, String resultId, RoomReport room) {
		jdbc.sql("""
				INSERT INTO result_room (exam_package_id, room_code, result_id, report) VALUES (?, ?, ?, ?)
				ON CONFLICT (exam_package_id, room_code) DO UPDATE SET result_id = EXCLUDED.result_id,
				  report = EXCLUDED.report""")
			.params(packageId, room.roomCode(), resultId, new String(room.encode(), StandardCharsets.UTF_8))
			.update();
		for (RoomReport.Seat seat : room.candidates()) {
			long warnings = room.incidents().stream()
				.filter(i -> seat.ticketNumber().equals(i.ticketNumber()) && i.kind() == RoomReport.IncidentKind.WARNING)
				.count();
			jdbc.sql("""
					UPDATE result_candidate SET outcome = ?, room_code = ?, extension_minutes = ?, warnings = ?
					WHERE exam_package_id = ? AND ticket_number = ?""")
				.params(seat.outcome().name(), room.roomCode(), seat.extensionMinutes(), warnings, packageId,
						seat.ticketNumber())
				.update();
		}
	}

	/**
	 * The room reports of the latest accepted result package of an exam package, by room code, as the site wrote
	 * them (with the arbitration panel and the appeals). Unscoped: the caller (the appeal module) checks its own
	 * scope on the package.
	 */
	@Transactional(readOnly = true)
	public List<RoomReport> roomReports(String packageId) {
		return jdbc.sql("SELECT report FROM result_room WHERE exam_package_id = ? ORDER BY room_code")
			.param(packageId)
			.query(String.class)
			.list()
			.stream()
			.map(json -> RoomReport.decode(json.getBytes(StandardCharsets.UTF_8)))
			.toList();
	}

	// ---- the ORG's view ----------------------------------------------------------------------------------------

	/** The intake of a plan's packages. The ORG owning the plan. */
	@Transactional(readOnly = true)
	public List<PackageIntake> intake(Scope scope, long planId) {
		return delivery.packagesOfOwnPlan(scope, planId).stream().map(this::detail).map(PackageDetail::intake).toList();
	}

	/** Every registered candidate of a package and how far their result came. The ORG owning the plan. */
	@Transactional(readOnly = true)
	public List<Reconciliation> reconciliation(Scope scope, long planId, String packageId) {
		return detail(scope, planId, packageId).candidates();
	}

	/** A package's intake and its reconciliation. The ORG owning the plan; another package id answers 404. */
	@Transactional(readOnly = true)
	public PackageDetail detail(Scope scope, long planId, String packageId) {
		Delivery.PackageView p = delivery.packagesOfOwnPlan(scope, planId).stream()
			.filter(x -> x.id().equals(packageId))
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("试卷包", packageId));
		return detail(p);
	}

	/** One package: when its first result was accepted (read once), its candidates and the counts over them. */
	private PackageDetail detail(Delivery.PackageView p) {
		Instant accepted = acceptedAt(p.id());
		List<Reconciliation> rows = reconcile(p, accepted != null);
		return new PackageDetail(intakeOf(p, rows, accepted), rows);
	}

	private PackageIntake intakeOf(Delivery.PackageView p, List<Reconciliation> rows, @Nullable Instant accepted) {
		Instant due = p.slotEnd().plus(DUE_AFTER_END);
		String state = accepted == null ? (clock.instant().isAfter(due) ? "MISSING" : "WAITING")
				: (accepted.isAfter(due) ? "LATE" : "UPLOADED");
		List<Reconciliation> registered = rows.stream().filter(Reconciliation::registered).toList();
		return new PackageIntake(p.id(), p.siteId(), p.siteName(), p.slotEnd(), state, registered.size(),
				(int) registered.stream().filter(Reconciliation::signedIn).count(),
				(int) registered.stream().filter(Reconciliation::submitted).count(),
				(int) registered.stream().filter(Reconciliation::uploaded).count(),
				(int) rows.stream().filter(Reconciliation::flagged).count());
	}

	private @Nullable Instant acceptedAt(String packageId) {
		return jdbc.sql("SELECT min(completed_at) FROM result_upload WHERE exam_package_id = ? AND status = 'ACCEPTED'")
			.param(packageId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
	}

	private List<Reconciliation> reconcile(Delivery.PackageView p, boolean anyAccepted) {
		Map<String, Map<String, Object>> results = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM result_candidate WHERE exam_package_id = ? ORDER BY ticket_number").param(p.id())
			.query().listOfRows().forEach(row -> results.put((String) row.get("ticket_number"), row));
		boolean due = clock.instant().isAfter(p.slotEnd().plus(DUE_AFTER_END));
		List<Reconciliation> out = new ArrayList<>();
		for (var s : scheduling.publishedSeats(p.planId(), p.siteId())) {
			if (s.planSubjectId() != p.planSubjectId()) {
				continue;
			}
			Map<String, Object> r = results.remove(s.ticketNumber());
			List<Gap> gaps = new ArrayList<>();
			if (r == null) {
				if (anyAccepted) {
					gaps.add(Gap.MISSING_FROM_RESULT);
				}
				else if (due) {
					gaps.add(Gap.NOT_UPLOADED);
				}
				out.add(Reconciliation.of(s.ticketNumber(), s.name(), true, false, false, false, null, 0, 0, "", null, 0, 0,
						gaps));
				continue;
			}
			out.add(uploaded(s.ticketNumber(), s.name(), true, r));
		}
		// Results for tickets this slot does not have (a moved candidate, a wrong package): shown, never dropped.
		results.forEach((ticket, r) -> out.add(uploaded(ticket, "", false, r)));
		return out;
	}

	private static Reconciliation uploaded(String ticket, String name, boolean registered, Map<String, Object> r) {
		boolean signedIn = r.get("signed_in_at") != null;
		boolean submitted = r.get("submitted_at") != null;
		boolean disqualified = "DISQUALIFIED".equals(r.get("outcome"));
		List<Gap> gaps = new ArrayList<>();
		if (!registered) {
			gaps.add(Gap.NOT_REGISTERED);
		}
		if (disqualified) {
			gaps.add(Gap.DISQUALIFIED);
		}
		else if (!signedIn) {
			gaps.add(Gap.ABSENT);
		}
		else if (!submitted) {
			gaps.add(Gap.NOT_SUBMITTED);
		}
		return Reconciliation.of(ticket, name, registered, signedIn, submitted, true,
				signedIn ? (BigDecimal) r.get("objective_score") : null, ((Number) r.get("answered")).intValue(),
				((Number) r.get("uploads")).intValue(), submitted ? (String) r.get("receipt") : "",
				(String) r.get("room_code"), ((Number) r.get("extension_minutes")).intValue(),
				((Number) r.get("warnings")).intValue(), gaps);
	}

	// ---- for the score module ---------------------------------------------------------------------------------

	/** How a candidate's sitting ended, as the site reported it. */
	public enum Outcome {
		/** Signed in (submitted, or submitted at the end). */
		SAT,
		/** Never signed in, or marked 缺考. */
		ABSENT,
		/** 取消考试资格 by the proctors. */
		DISQUALIFIED
	}

	/**
	 * One candidate's result of a plan subject from the latest accepted result package of their site.
	 *
	 * @param objectiveScore the site's grading of the objective items (0 for an absent candidate)
	 * @param practicalMark the final practical mark once every practical task of the candidate is marked, else null
	 * @param practicalPending whether the candidate has practical tasks still being marked
	 */
	public record SubjectResult(String ticketNumber, Outcome outcome, BigDecimal objectiveScore,
			@Nullable BigDecimal practicalMark, boolean practicalPending) {
	}

	/**
	 * The uploaded results of a plan subject, all sites, by ticket number. Unscoped: the caller (the score module)
	 * checks its own scope.
	 */
	@Transactional(readOnly = true)
	public List<SubjectResult> subjectResults(long planId, long planSubjectId) {
		List<SubjectResult> out = new ArrayList<>();
		Map<String, Grading.CandidateMarks> practical = grading.candidateMarks(planSubjectId);
		for (Delivery.PackageView p : delivery.packages(Scope.system(), planId)) {
			if (p.planSubjectId() != planSubjectId) {
				continue;
			}
			jdbc.sql("""
					SELECT ticket_number, objective_score, signed_in_at, outcome FROM result_candidate
					WHERE exam_package_id = ? ORDER BY ticket_number""")
				.param(p.id())
				.query((rs, n) -> {
					Outcome outcome = "DISQUALIFIED".equals(rs.getString(4)) ? Outcome.DISQUALIFIED
							: rs.getTimestamp(3) == null || "ABSENT".equals(rs.getString(4)) ? Outcome.ABSENT
									: Outcome.SAT;
					Grading.CandidateMarks marks = practical.get(p.id() + "/" + rs.getString(1));
					return new SubjectResult(rs.getString(1), outcome, rs.getBigDecimal(2),
							marks == null || marks.pending() ? null : marks.sum(), marks != null && marks.pending());
				})
				.list()
				.forEach(out::add);
		}
		return out;
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private ResultReplayGuard guard() {
		return new ResultReplayGuard() {
			@Override
			public boolean alreadyAccepted(String resultPackageId) {
				return jdbc.sql("SELECT count(*) FROM result_upload WHERE id = ? AND status = 'ACCEPTED'")
					.param(resultPackageId).query(Long.class).single() > 0;
			}

			@Override
			public long highestSequence(String examPackageId) {
				return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM result_upload WHERE exam_package_id = ? AND status = 'ACCEPTED'")
					.param(examPackageId).query(Long.class).single();
			}
		};
	}

	private ChunkManifest receiving(long siteId, String resultId) {
		owned(siteId, resultId);
		var row = jdbc.sql("SELECT status, manifest FROM result_upload WHERE id = ?").param(resultId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).single();
		if (!row.getKey().equals("RECEIVING")) {
			throw new DomainException(HttpStatus.CONFLICT, "result.closed");
		}
		return ChunkManifest.decode(row.getValue());
	}

	private void owned(long siteId, String resultId) {
		boolean ours = jdbc.sql("SELECT count(*) FROM result_upload WHERE id = ? AND site_id = ?")
			.params(resultId, siteId).query(Long.class).single() > 0;
		if (!ours) {
			throw new NotFoundProblem("成绩包", resultId);
		}
	}

	private Set<Integer> received(String resultId) {
		return new HashSet<>(jdbc.sql("SELECT idx FROM result_chunk WHERE result_id = ?").param(resultId)
			.query(Integer.class).list());
	}

	private Iterable<ChunkManifest.Chunk> chunks(String resultId) {
		// In index order; ChunkManifest.reassemble refuses a gap or a repeat.
		return jdbc.sql("SELECT idx, data FROM result_chunk WHERE result_id = ? ORDER BY idx").param(resultId)
			.query((rs, n) -> new ChunkManifest.Chunk(rs.getInt(1), rs.getBytes(2)))
			.list();
	}

	private UploadState state(String resultId) {
		var row = jdbc.sql("SELECT status, reason, manifest FROM result_upload WHERE id = ?").param(resultId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBytes(3) }).single();
		Status status = Status.valueOf((String) row[0]);
		List<Integer> missing = status == Status.RECEIVING
				? ChunkManifest.decode((byte[]) row[2]).missing(received(resultId)) : List.of();
		return new UploadState(resultId, status, missing, row[1] == null ? "" : (String) row[1]);
	}
}
