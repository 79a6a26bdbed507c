package cn.kaowu.platform.portal;

import cn.kaowu.platform.kernel.DomainException;
import org.springframework.http.HttpStatus;

/** 429: over the lookup limit; answered with {@code Retry-After}. */
public class TooManyLookups extends DomainException {

	private final long retryAfterSeconds;

	TooManyLookups(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, "portal.error.tooMany", retryAfterSeconds);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
