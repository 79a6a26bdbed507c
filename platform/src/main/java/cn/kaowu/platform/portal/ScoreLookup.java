package cn.kaowu.platform.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.kaowu.platform.kernel.InvalidInputProblem;
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
	}

	/** A plan's published scores of the candidate. */
	public record PlanScores(String plan, String certificate, List<SubjectScore> subjects) {
	}

	/** What the candidate sees: the masked name and the scores per plan. */
	public record Found(String name, List<PlanScores> plans) {
	}

	private final ScoreManagement scores;

	private final ExamPlans plans;

	private final Clock clock;

	private final LookupGate gate;

	ScoreLookup(ScoreManagement scores, ExamPlans plans, Clock clock,
			@Value("${kaowu.portal.trusted-proxies:}") List<String> trustedProxies, MeterRegistry meters) {
		this.scores = scores;
		this.plans = plans;
		this.clock = clock;
		this.gate = new LookupGate("score", trustedProxies, meters);
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
		List<ScoreView> found = scores.publishedScoresOf(id, ticket, now);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, List<SubjectScore>> byPlan = new LinkedHashMap<>();
		for (ScoreView s : found) {
			byPlan.computeIfAbsent(s.planId(), k -> new ArrayList<>())
				.add(new SubjectScore(s.level().label(), s.subjectName(), s.score(), s.absent(), s.passed()));
		}
		List<PlanScores> out = new ArrayList<>();
		byPlan.forEach((planId, subjects) -> {
			PlanView plan = plans.find(planId).orElseThrow();
			out.add(new PlanScores(plan.name(), plan.certificateName(), subjects));
		});
		return Optional.of(new Found(maskName(found.getFirst().name()), out));
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
