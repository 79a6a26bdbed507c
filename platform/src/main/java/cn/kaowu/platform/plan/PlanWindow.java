package cn.kaowu.platform.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import cn.kaowu.platform.kernel.AdjustableClock;

/**
 * One window of a plan, entered and shown to the minute as on the national platform ("2021-04-14 00:00 ~
 * 2021-06-03 23:59"). Both ends are inclusive minutes: the window opens at the first second of {@code start}
 * and closes after the last second of {@code end}.
 *
 * @param start the first minute, Beijing time
 * @param end the last minute, Beijing time
 */
public record PlanWindow(LocalDateTime start, LocalDateTime end) {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public PlanWindow {
		start = start.truncatedTo(ChronoUnit.MINUTES);
		end = end.truncatedTo(ChronoUnit.MINUTES);
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("window must end after it starts: " + start + " ~ " + end);
		}
	}

	public static PlanWindow of(Instant start, Instant end) {
		return new PlanWindow(LocalDateTime.ofInstant(start, AdjustableClock.CHINA),
				LocalDateTime.ofInstant(end, AdjustableClock.CHINA));
	}

	/** The first instant inside the window. */
	public Instant opensAt() {
		return start.atZone(AdjustableClock.CHINA).toInstant();
	}

	/** The first instant after the window: the minute after {@code end}. */
	public Instant closesAt() {
		return end.atZone(AdjustableClock.CHINA).toInstant().plus(Duration.ofMinutes(1));
	}

	/** The instant of the last minute as entered (what the database stores). */
	Instant endMinute() {
		return end.atZone(AdjustableClock.CHINA).toInstant();
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(opensAt()) && instant.isBefore(closesAt());
	}

	public boolean notYetOpen(Instant instant) {
		return instant.isBefore(opensAt());
	}

	public boolean over(Instant instant) {
		return !instant.isBefore(closesAt());
	}

	/** "2021-04-14 00:00 ~ 2021-06-03 23:59". */
	@Override
	public String toString() {
		return FORMAT.format(start) + " ~ " + FORMAT.format(end);
	}
}
