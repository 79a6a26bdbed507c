package cn.kaowu.platform.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one clock of the platform. It follows the system clock plus an offset that is zero in production;
 * tests and the demo profile move it so that windows (registration, scheduling, publication) can be
 * entered without waiting for the calendar.
 */
public final class AdjustableClock extends Clock {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Clock base;

	private volatile Duration offset = Duration.ZERO;

	public AdjustableClock(Clock base) {
		this.base = base;
	}

	public static AdjustableClock system() {
		return new AdjustableClock(Clock.system(CHINA));
	}

	/** Moves the clock so that it now reads {@code instant}; it keeps ticking from there. */
	public void setInstant(Instant instant) {
		this.offset = Duration.between(base.instant(), instant);
	}

	public void advance(Duration duration) {
		this.offset = offset.plus(duration);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		AdjustableClock clock = new AdjustableClock(base.withZone(zone));
		clock.offset = offset;
		return clock;
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset);
	}
}
