package cn.kaowu.platform.pilot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import cn.kaowu.platform.kernel.AdjustableClock;

/**
 * The application window of a batch, entered and shown to the minute as on the national platform
 * ("2020-04-01 00:00 ~ 2020-04-04 23:59"). Both ends are inclusive minutes: the window opens at the first
 * second of {@code start} and closes after the last second of {@code end} (23:59:59 for "23:59").
 *
 * @param start the first minute, China time
 * @param end the last minute, China time
 */
public record SubmissionWindow(LocalDateTime start, LocalDateTime end) {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public SubmissionWindow {
		start = start.truncatedTo(ChronoUnit.MINUTES);
		end = end.truncatedTo(ChronoUnit.MINUTES);
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("window ends before it starts");
		}
	}

	public static SubmissionWindow of(Instant start, Instant end) {
		return new SubmissionWindow(LocalDateTime.ofInstant(start, AdjustableClock.CHINA),
				LocalDateTime.ofInstant(end, AdjustableClock.CHINA));
	}

	public Instant opensAt() {
		return start.atZone(AdjustableClock.CHINA).toInstant();
	}

	/** The first instant after the window: the minute after {@code end}. */
	public Instant closesAt() {
		return end.atZone(AdjustableClock.CHINA).toInstant().plus(Duration.ofMinutes(1));
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

	/** "2026-09-01 00:00 ~ 2027-01-31 23:59". */
	@Override
	public String toString() {
		return FORMAT.format(start) + " ~ " + FORMAT.format(end);
	}
}
