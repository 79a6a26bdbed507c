package cn.kaowu.platform.plan.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.plan.PlanWindow;

/**
 * The plan drawn as a Gantt chart for the detail page: one lane per window and one for the exam slots, a
 * date axis and the current instant. Positions are percentages of the span from the opening of registration
 * to the end of publication (with a small margin), clamped to the chart.
 */
public record PlanTimeline(List<Lane> lanes, List<Tick> ticks, double nowLeft, String nowText, boolean nowInside) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A lane: its label key, the range shown beside it, and its bars. */
	public record Lane(String key, String range, String state, List<Bar> bars) {
	}

	/** A bar: position, width and tooltip; {@code state} is done, current or upcoming. */
	public record Bar(double left, double width, String title, String state) {

		public String style() {
			return String.format(Locale.ROOT, "left: %.3f%%; width: %.3f%%", left, width);
		}
	}

	/** A date on the axis. */
	public record Tick(double left, String label) {

		public String style() {
			return String.format(Locale.ROOT, "left: %.3f%%", left);
		}
	}

	public String nowStyle() {
		return String.format(Locale.ROOT, "left: %.3f%%", nowLeft);
	}

	static PlanTimeline of(PlanView plan, Instant now) {
		Instant from = plan.registration().opensAt();
		Instant to = plan.publication().closesAt();
		Duration margin = Duration.between(from, to).dividedBy(40);
		Instant start = from.minus(margin);
		Instant end = to.plus(margin);
		Scale scale = new Scale(start, end);
		List<Lane> lanes = new ArrayList<>();
		lanes.add(window("REGISTRATION", plan.registration(), scale, now));
		lanes.add(window("SCHEDULING", plan.scheduling(), scale, now));
		List<Bar> slots = new ArrayList<>();
		for (PlanSubjectView s : plan.subjects()) {
			slots.add(bar(scale, s.startsAt(), s.endsAt(),
					s.levelDisplayName() + " " + s.subjectName() + " " + s.slot(), state(s.startsAt(), s.endsAt(), now)));
		}
		String examRange = plan.subjects().isEmpty() ? "—" : examDays(plan.subjects());
		String examState = plan.subjects().isEmpty() ? "upcoming"
				: state(plan.subjects().stream().map(PlanSubjectView::startsAt).min(Instant::compareTo).orElseThrow(),
						plan.subjects().stream().map(PlanSubjectView::endsAt).max(Instant::compareTo).orElseThrow(), now);
		lanes.add(new Lane("EXAMS", examRange, examState, slots));
		lanes.add(window("SCORE_REGISTRATION", plan.scoreRegistration(), scale, now));
		lanes.add(window("PUBLICATION", plan.publication(), scale, now));
		return new PlanTimeline(lanes, ticks(scale), scale.clamped(now), MINUTE.format(now.atZone(AdjustableClock.CHINA)),
				!now.isBefore(start) && now.isBefore(end));
	}

	/** "2026-12-13 08:30-17:00", one entry per exam day, from its first start to its last end. */
	private static String examDays(List<PlanSubjectView> subjects) {
		Map<LocalDate, List<PlanSubjectView>> byDay = new TreeMap<>();
		subjects.forEach(s -> byDay.computeIfAbsent(s.examDate(), d -> new ArrayList<>()).add(s));
		List<String> days = new ArrayList<>();
		byDay.forEach((day, list) -> days.add(day + " "
				+ TIME.format(list.stream().map(PlanSubjectView::startTime).min(LocalTime::compareTo).orElseThrow()) + "-"
				+ TIME.format(list.stream().map(PlanSubjectView::endTime).max(LocalTime::compareTo).orElseThrow())));
		return String.join("、", days);
	}

	private static Lane window(String key, PlanWindow w, Scale scale, Instant now) {
		String state = state(w.opensAt(), w.closesAt(), now);
		return new Lane(key, w.toString(), state, List.of(bar(scale, w.opensAt(), w.closesAt(), w.toString(), state)));
	}

	private static Bar bar(Scale scale, Instant from, Instant to, String title, String state) {
		double left = scale.clamped(from);
		// At least a sliver, so that a one-hour exam stays visible on a chart of months.
		double width = Math.max(scale.clamped(to) - left, 0.5);
		return new Bar(left, Math.min(width, 100 - left), title, state);
	}

	private static String state(Instant from, Instant to, Instant now) {
		if (!now.isBefore(to)) {
			return "done";
		}
		return now.isBefore(from) ? "upcoming" : "current";
	}

	/** Week starts (Mondays) for short plans, month starts for long ones, at most about a dozen. */
	private static List<Tick> ticks(Scale scale) {
		ZonedDateTime first = scale.start().atZone(AdjustableClock.CHINA).truncatedTo(ChronoUnit.DAYS);
		long days = Duration.between(scale.start(), scale.end()).toDays();
		List<Tick> ticks = new ArrayList<>();
		if (days <= 100) {
			int step = days <= 50 ? 7 : 14;
			ZonedDateTime t = first.plusDays((8 - first.getDayOfWeek().getValue()) % 7);
			for (; t.toInstant().isBefore(scale.end()); t = t.plusDays(step)) {
				ticks.add(new Tick(scale.clamped(t.toInstant()), DAY.format(t)));
			}
		}
		else {
			int step = days <= 400 ? 1 : 3;
			ZonedDateTime t = first.withDayOfMonth(1).plusMonths(1);
			for (; t.toInstant().isBefore(scale.end()); t = t.plusMonths(step)) {
				ticks.add(new Tick(scale.clamped(t.toInstant()), t.getYear() + "-" + DAY.format(t)));
			}
		}
		return ticks;
	}

	private record Scale(Instant start, Instant end) {

		double clamped(Instant instant) {
			double total = Duration.between(start, end).toSeconds();
			double at = Duration.between(start, instant).toSeconds();
			return Math.max(0, Math.min(100, at * 100 / total));
		}
	}
}
