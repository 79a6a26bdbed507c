package cn.kaowu.platform.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What later modules (registration, scheduling, scores) ask about plans: the windows and phase of a plan,
 * the levels in it and their subjects with slot and pass mark. Reads are unscoped — the caller has already
 * checked its own scope — and include drafts; callers that act for colleges should require
 * {@link PlanView#isPublished()}.
 */
@Component
public class ExamPlans {

	private final Plans plans;

	private final Clock clock;

	ExamPlans(Plans plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<PlanView> find(long planId) {
		return plans.find(planId, clock.instant());
	}

	/** The plan or {@link NotFoundProblem}. */
	@Transactional(readOnly = true)
	public PlanView require(long planId) {
		return find(planId).orElseThrow(() -> new NotFoundProblem("考核计划", planId));
	}

	@Transactional(readOnly = true)
	public PlanPhase phaseAt(long planId, Instant instant) {
		return require(planId).phaseAt(instant);
	}

	/** The levels that have subjects in the plan, 初级 first. */
	@Transactional(readOnly = true)
	public List<PlanLevel> levelsInPlan(long planId) {
		return require(planId).levels();
	}

	/** The subjects of a level in the plan with slot and pass mark; empty when the level is not in the plan. */
	@Transactional(readOnly = true)
	public List<PlanSubjectView> subjectsOf(long planId, long levelId) {
		return require(planId).level(levelId).map(PlanLevel::subjects).orElse(List.of());
	}

	/** Published plans, of one certificate or all, newest registration first. */
	@Transactional(readOnly = true)
	public List<PlanView> published(@Nullable Long certificateId) {
		return plans.list(Where.start().and("p.status = 'PUBLISHED'").andIf(certificateId, "p.certificate_id = ?"),
				clock.instant());
	}
}
