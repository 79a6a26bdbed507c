package cn.kaowu.platform.portal;

import cn.kaowu.platform.kernel.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Try again later, answered with {@code Retry-After}: 429 over the lookup limit of an address or person, 503 when the
 * node's lookups are all busy and the wait ran out ({@link LookupSlots}).
 */
public class TooManyLookups extends DomainException {

	private final long retryAfterSeconds;

	TooManyLookups(long retryAfterSeconds) {
		this(HttpStatus.TOO_MANY_REQUESTS, "portal.error.tooMany", retryAfterSeconds);
	}

	private TooManyLookups(HttpStatus status, String messageKey, long retryAfterSeconds) {
		super(status, messageKey, retryAfterSeconds);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static TooManyLookups busy(long retryAfterSeconds) {
		return new TooManyLookups(HttpStatus.SERVICE_UNAVAILABLE, "portal.error.busy", retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
