package cn.kaowu.platform.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.enrollment.Enrollments;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import cn.kaowu.platform.plan.ExamPlans;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreView;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 成绩查询 for candidates, without a login: rate limited per client address and per ID number, one answer for every
 * kind of miss (see the package).
 */
@Service
public class ScoreLookup {

	public static final int LIMIT = LookupGate.LIMIT;

	public static final Duration WINDOW = LookupGate.WINDOW;

	/** One subject's score; {@code score} null for 缺考. */
	public record SubjectScore(String level, String subject, @Nullable BigDecimal score, boolean absent,
			boolean passed) {

		/** 初级理论, never 初级初级理论 (see {@code CertificateLevel.withSubject}). */
		public String label() {
			return subject.startsWith(level) ? subject : level + subject;
		}
	}

	/**
	 * One of the holder's numbered certificates of the plan (revoked ones are not listed); {@code downloadToken} is a
	 * short-lived signed link ({@link PortalDownloads}) for a valid one, null for a suspended one.
	 */
	public record HeldCertificate(String number, String level, CertificateRegistry.Standing standing,
			@Nullable String downloadToken) {
	}

	/** A plan's published scores of the candidate, and their certificates of it (status read afresh). */
	public record PlanScores(String plan, String certificate, List<SubjectScore> subjects,
			List<HeldCertificate> certificates) {
	}

	/** What is cached of a found lookup whose plans' scores are all locked: everything but the certificates. */
	private record Scores(String name, List<PlanEntry> plans) {
	}

	private record PlanEntry(long planId, long candidateId, String plan, String certificate,
			List<SubjectScore> subjects) {
	}

	/** What the candidate sees: the masked name and the scores per plan. */
	public record Found(String name, List<PlanScores> plans) {
	}

	private final ScoreManagement scores;

	private final ExamPlans plans;

	private final Enrollments enrollments;

	private final CertificateRegistry certificates;

	private final PortalDownloads downloads;

	private final Clock clock;

	private final LookupGate gate;

	/**
	 * Found lookups (by ID number and ticket) of plans whose scores are locked: they cannot change any more. Bounded;
	 * the certificates of the answer are not cached (their status must show at once).
	 */
	private final Cache<String, Scores> locked;

	ScoreLookup(ScoreManagement scores, ExamPlans plans, Enrollments enrollments, CertificateRegistry certificates,
			PortalDownloads downloads, Clock clock,
			@Value("${kaowu.portal.trusted-proxies:}") List<String> trustedProxies,
			@Value("${kaowu.portal.rate-limit-keys:100000}") long rateLimitKeys,
			@Value("${kaowu.portal.score-cache-size:100000}") long cacheSize, MeterRegistry meters, LookupSlots slots) {
		this.scores = scores;
		this.plans = plans;
		this.enrollments = enrollments;
		this.certificates = certificates;
		this.downloads = downloads;
		this.clock = clock;
		this.gate = new LookupGate("score", trustedProxies, rateLimitKeys, meters, slots);
		this.locked = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(Duration.ofMinutes(30))
			.recordStats().build();
	}

	/** The locked-scores cache's statistics (a hit answers without reading scores). */
	public CacheStats cacheStats() {
		return locked.stats();
	}

	/** The client address of a request, {@code X-Forwarded-For} believed only from a trusted proxy. */
	public String clientAddress(String remoteAddress, @Nullable String forwardedFor) {
		return gate.clientAddress(remoteAddress, forwardedFor);
	}

	/**
	 * Looks up the published scores; empty for every kind of miss. 422 for an empty field, 429
	 * ({@link TooManyLookups}) over the limit of the address or of the ID number.
	 */
	public Optional<Found> lookup(String clientAddress, @Nullable String idNumber, @Nullable String ticketNumber) {
		String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
		String ticket = ticketNumber == null ? "" : ticketNumber.strip();
		List<cn.kaowu.platform.kernel.DomainException.FieldProblem> problems = new ArrayList<>();
		if (id.isEmpty() || id.length() > 30) {
			problems.add(new cn.kaowu.platform.kernel.DomainException.FieldProblem("idNumber", "portal.idNumber.required"));
		}
		if (ticket.isEmpty() || ticket.length() > 30) {
			problems.add(new cn.kaowu.platform.kernel.DomainException.FieldProblem("ticketNumber",
					"portal.ticketNumber.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant now = clock.instant();
		return gate.lookup(clientAddress, id, now, () -> find(id, ticket, now));
	}

	private Optional<Found> find(String id, String ticket, Instant now) {
		String key = id + "\n" + ticket;
		Scores cached = locked.getIfPresent(key);
		Scores found = cached != null ? cached : read(id, ticket, now);
		if (found == null) {
			return Optional.empty();
		}
		if (cached == null && found.plans().stream()
			.allMatch(p -> plans.find(p.planId()).map(v -> v.scoresLocked(now)).orElse(false))) {
			locked.put(key, found);
		}
		List<PlanScores> out = new ArrayList<>();
		for (PlanEntry p : found.plans()) {
			List<HeldCertificate> held = certificates.issuedTo(p.planId(), p.candidateId()).stream()
				.filter(c -> c.standing() != CertificateRegistry.Standing.REVOKED)
				.map(c -> new HeldCertificate(c.certificateNumber(), c.level(), c.standing(),
						c.standing() == CertificateRegistry.Standing.VALID ? downloads.token(c.issueId(), now) : null))
				.toList();
			out.add(new PlanScores(p.plan(), p.certificate(), p.subjects(), held));
		}
		return Optional.of(new Found(found.name(), out));
	}

	private @Nullable Scores read(String id, String ticket, Instant now) {
		List<ScoreView> found = scores.publishedScoresOf(id, ticket, now);
		if (found.isEmpty()) {
			return null;
		}
		Map<Long, List<SubjectScore>> byPlan = new LinkedHashMap<>();
		for (ScoreView s : found) {
			byPlan.computeIfAbsent(s.planId(), k -> new ArrayList<>())
				.add(new SubjectScore(s.level().label(), s.subjectName(), s.score(), s.absent(), s.passed()));
		}
		Map<Long, Long> candidateOfPlan = new HashMap<>();
		for (Enrollments.Registered r : enrollments.byTicket(ticket)) {
			if (r.idNumber().equalsIgnoreCase(id)) {
				candidateOfPlan.put(r.planId(), r.candidateId());
			}
		}
		List<PlanEntry> out = new ArrayList<>();
		byPlan.forEach((planId, subjects) -> {
			PlanView plan = plans.find(planId).orElseThrow();
			out.add(new PlanEntry(planId, candidateOfPlan.getOrDefault(planId, -1L), plan.name(),
					plan.certificateName(), List.copyOf(subjects)));
		});
		return new Scores(maskName(found.getFirst().name()), List.copyOf(out));
	}

	/** 张三丰 → 张*丰, 张三 → 张*, 欧阳小明 → 欧**明; one character stays. */
	static String maskName(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length <= 1) {
			return name.strip();
		}
		StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return out.append('*').toString();
		}
		out.append("*".repeat(cps.length - 2));
		return out.appendCodePoint(cps[cps.length - 1]).toString();
	}
}
