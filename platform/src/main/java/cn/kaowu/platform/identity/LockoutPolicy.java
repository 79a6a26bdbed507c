package cn.kaowu.platform.identity;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Login throttling: after {@value #MAX_FAILURES} failed logins in a row the account is locked for
 * {@link #LOCK_DURATION}; independently, never more than {@value #MAX_ATTEMPTS_PER_HOUR} tries per
 * account in any rolling hour.
 */
public final class LockoutPolicy {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	public static final int MAX_ATTEMPTS_PER_HOUR = 100;

	/** Per client address (any accounts, unknown user names too): failed logins allowed in {@link #IP_WINDOW}. */
	public static final int MAX_IP_FAILURES = 20;

	public static final Duration IP_WINDOW = Duration.ofMinutes(5);

	private LockoutPolicy() {
	}

	/** Whether a login may be tried now. */
	public sealed interface Gate {
	}

	public record Open() implements Gate {
	}

	public record Locked(Instant until) implements Gate {
	}

	public record HourlyLimit() implements Gate {
	}

	/**
	 * @param lockedUntil the account's lock, if any
	 * @param attemptsInLastHour tries already made in the hour before {@code now}
	 */
	public static Gate gate(Instant now, @Nullable Instant lockedUntil, long attemptsInLastHour) {
		if (lockedUntil != null && now.isBefore(lockedUntil)) {
			return new Locked(lockedUntil);
		}
		if (attemptsInLastHour >= MAX_ATTEMPTS_PER_HOUR) {
			return new HourlyLimit();
		}
		return new Open();
	}

	/** State after a failed login. */
	public record AfterFailure(int failedAttempts, @Nullable Instant lockedUntil) {

		public boolean lockedNow() {
			return lockedUntil != null;
		}
	}

	public static AfterFailure afterFailure(Instant now, int failedBefore) {
		int failed = failedBefore + 1;
		if (failed >= MAX_FAILURES) {
			return new AfterFailure(0, now.plus(LOCK_DURATION));
		}
		return new AfterFailure(failed, null);
	}
}
