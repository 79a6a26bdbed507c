package cn.kaowu.platform.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules of a plan's windows (DOMAIN.md §5): each window starts before it ends; the four follow each other
 * without overlapping (a window's end minute is part of it, so the next may start one minute later at the
 * earliest); scheduling starts at most 7 days after registration ends (004 ch.3 §11: "考试报名结束后一周内为排考时间").
 * Exam slots lie after scheduling ends and before score registration starts.
 */
public final class PlanRules {

	/** Scheduling must start within this time after the end of registration. */
	public static final Duration SCHEDULING_WITHIN = Duration.ofDays(7);

	/** The windows in order with their form fields and labels. */
	enum Kind {

		REGISTRATION("registration"), SCHEDULING("scheduling"), SCORE_REGISTRATION("scoreRegistration"),
		PUBLICATION("publication");

		final String field;

		Kind(String field) {
			this.field = field;
		}

		String startField() {
			return field + "Start";
		}

		String endField() {
			return field + "End";
		}

		DefaultMessageSourceResolvable label() {
			return new DefaultMessageSourceResolvable(new String[] { "plan.window." + name() }, name());
		}
	}

	private PlanRules() {
	}

	/** The problems of the form's windows; empty when they are complete and follow each other. */
	public static List<FieldProblem> windows(PlanForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		List<@Nullable LocalDateTime> starts = Arrays.asList(form.getRegistrationStart(), form.getSchedulingStart(),
				form.getScoreRegistrationStart(), form.getPublicationStart());
		List<@Nullable LocalDateTime> ends = Arrays.asList(form.getRegistrationEnd(), form.getSchedulingEnd(),
				form.getScoreRegistrationEnd(), form.getPublicationEnd());
		Kind[] kinds = Kind.values();
		boolean[] complete = new boolean[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			Kind kind = kinds[i];
			LocalDateTime start = starts.get(i);
			LocalDateTime end = ends.get(i);
			if (start == null) {
				problems.add(new FieldProblem(kind.startField(), "plan.window.start.required", kind.label()));
			}
			if (end == null) {
				problems.add(new FieldProblem(kind.endField(), "plan.window.end.required", kind.label()));
			}
			if (start != null && end != null) {
				if (minute(start).isBefore(minute(end))) {
					complete[i] = true;
				}
				else {
					problems.add(new FieldProblem(kind.endField(), "plan.window.endBeforeStart", kind.label()));
				}
			}
		}
		for (int i = 1; i < kinds.length; i++) {
			if (!complete[i - 1] || !complete[i]) {
				continue;
			}
			LocalDateTime previousEnd = minute(ends.get(i - 1));
			LocalDateTime start = minute(starts.get(i));
			if (!start.isAfter(previousEnd)) {
				problems.add(new FieldProblem(kinds[i].startField(), "plan.window.overlap", kinds[i].label(),
						kinds[i - 1].label(), PlanWindow.FORMAT.format(previousEnd)));
			}
			else if (kinds[i] == Kind.SCHEDULING && start.isAfter(previousEnd.plus(SCHEDULING_WITHIN))) {
				problems.add(new FieldProblem(kinds[i].startField(), "plan.window.schedulingTooLate",
						PlanWindow.FORMAT.format(previousEnd),
						PlanWindow.FORMAT.format(previousEnd.plus(SCHEDULING_WITHIN))));
			}
		}
		return problems;
	}

	/** Whether an exam slot lies after scheduling ends and before score registration starts. */
	public static boolean slotFits(Instant slotStart, Instant slotEnd, PlanWindow scheduling,
			PlanWindow scoreRegistration) {
		return !slotStart.isBefore(scheduling.closesAt()) && !slotEnd.isAfter(scoreRegistration.opensAt());
	}

	private static LocalDateTime minute(@Nullable LocalDateTime value) {
		return Objects.requireNonNull(value).truncatedTo(ChronoUnit.MINUTES);
	}
}
