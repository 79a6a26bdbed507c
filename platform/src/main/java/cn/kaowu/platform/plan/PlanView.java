package cn.kaowu.platform.plan;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An exam plan with its windows and subjects, as the UI, the API and other modules see it. Time-dependent
 * questions take the instant to answer for; {@code phase} is the phase when the view was read.
 *
 * @param id the plan
 * @param organisationId the ORG that owns it (考核单位)
 * @param organisationName that ORG's name
 * @param certificateId the certificate
 * @param certificateName e.g. 网店运营推广
 * @param name e.g. 2026年第二次网店运营推广全国统考
 * @param year 考核所属年度
 * @param registration 报名时间
 * @param scheduling 排考时间
 * @param scoreRegistration 成绩登记时间
 * @param publication 成绩公示时间; scores lock when it ends
 * @param status draft, published or archived
 * @param publishedAt when it was published
 * @param version optimistic-locking version
 * @param createdAt when it was created
 * @param phase the phase by the platform clock when read
 * @param subjects the subjects of the plan ordered by level and slot
 */
public record PlanView(long id, long organisationId, String organisationName, long certificateId,
		String certificateName, String name, int year, PlanWindow registration, PlanWindow scheduling,
		PlanWindow scoreRegistration, PlanWindow publication, PlanStatus status, @Nullable Instant publishedAt,
		int version, Instant createdAt, PlanPhase phase, List<PlanSubjectView> subjects) {

	public PlanPhase phaseAt(Instant instant) {
		return PlanPhase.at(instant, registration, scheduling, scoreRegistration, publication);
	}

	public boolean isRegistrationOpen(Instant instant) {
		return registration.contains(instant);
	}

	public boolean isSchedulingOpen(Instant instant) {
		return scheduling.contains(instant);
	}

	public boolean isScoreRegistrationOpen(Instant instant) {
		return scoreRegistration.contains(instant);
	}

	public boolean isPublicationOpen(Instant instant) {
		return publication.contains(instant);
	}

	/** Scores are locked for good once publication has ended (004 ch.3 §8). */
	public boolean scoresLocked(Instant instant) {
		return publication.over(instant);
	}

	public boolean isPublished() {
		return status == PlanStatus.PUBLISHED;
	}

	/**
	 * Whether windows and subjects may still change: always in a draft; once published only until registration
	 * opens; never when archived.
	 */
	public boolean editableAt(Instant instant) {
		return status == PlanStatus.DRAFT || (status == PlanStatus.PUBLISHED && registration.notYetOpen(instant));
	}

	/** The levels that are in the plan (have subjects), 初级 first. */
	public List<PlanLevel> levels() {
		Map<Long, List<PlanSubjectView>> byLevel = new LinkedHashMap<>();
		subjects.stream()
			.sorted(Comparator.comparing(PlanSubjectView::level).thenComparing(PlanSubjectView::startsAt))
			.forEach(s -> byLevel.computeIfAbsent(s.levelId(), k -> new java.util.ArrayList<>()).add(s));
		return byLevel.values()
			.stream()
			.map(list -> new PlanLevel(list.getFirst().levelId(), list.getFirst().level(),
					list.getFirst().levelDisplayName(), List.copyOf(list)))
			.toList();
	}

	public Optional<PlanLevel> level(long levelId) {
		return levels().stream().filter(l -> l.levelId() == levelId).findFirst();
	}

	/** The start of the earliest exam slot, if there are subjects. */
	public Optional<Instant> firstExam() {
		return subjects.stream().map(PlanSubjectView::startsAt).min(Comparator.naturalOrder());
	}
}
