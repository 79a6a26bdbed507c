package cn.kaowu.platform.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The front door of one kind of public lookup (成绩查询, 证书查验): the client address ({@code X-Forwarded-For} believed
 * only from a trusted proxy, {@link ClientAddress}) and the limits per client address and per ID number. Each kind of
 * lookup has a gate of its own, so a score lookup does not use up a certificate check. Each lookup through
 * {@link #lookup} is timed as {@code kaowu.portal.lookups} by kind and outcome (found, miss, limited, error).
 */
final class LookupGate {

	static final int LIMIT = 10;

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final Set<String> trustedProxies;

	private final RateLimiter byAddress;

	private final RateLimiter byIdNumber;

	private final String kind;

	private final MeterRegistry meters;

	private final LookupSlots slots;

	/**
	 * @param kind the lookup's name in the metrics ({@code score}, {@code certificate}, {@code share})
	 * @param trustedProxies the configured {@code kaowu.portal.trusted-proxies} (blanks ignored)
	 * @param maxKeys the most keys each limit holds ({@code kaowu.portal.rate-limit-keys})
	 * @param slots the node's lookups at once, shared by every gate
	 */
	LookupGate(String kind, List<String> trustedProxies, long maxKeys, MeterRegistry meters, LookupSlots slots) {
		this.kind = kind;
		this.slots = slots;
		this.meters = meters;
		this.byAddress = new RateLimiter(LIMIT, WINDOW, maxKeys);
		this.byIdNumber = new RateLimiter(LIMIT, WINDOW, maxKeys);
		this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
	}

	String clientAddress(String remoteAddress, @Nullable String forwardedFor) {
		return ClientAddress.resolve(remoteAddress, forwardedFor, trustedProxies);
	}

	/**
	 * {@link #admit}s the attempt, then runs the lookup in one of the node's {@link LookupSlots}; timed and counted by
	 * outcome.
	 */
	<T> Optional<T> lookup(String clientAddress, String idNumber, Instant now, Supplier<Optional<T>> lookup) {
		Timer.Sample sample = Timer.start(meters);
		String outcome = "error";
		try {
			try {
				admit(clientAddress, idNumber, now);
			}
			catch (TooManyLookups e) {
				outcome = "limited";
				throw e;
			}
			Optional<T> found = slots.run(lookup);
			outcome = found.isPresent() ? "found" : "miss";
			return found;
		}
		finally {
			sample.stop(meters.timer("kaowu.portal.lookups", "kind", kind, "outcome", outcome));
		}
	}

	/**
	 * Counts the attempt against the address, then the ID number (or whatever else names the person, e.g. a
	 * certificate for a download); {@link TooManyLookups} over either limit.
	 */
	void admit(String clientAddress, String idNumber, Instant now) {
		RateLimiter.Decision address = byAddress.acquire(clientAddress, now);
		if (!address.allowed()) {
			throw new TooManyLookups(address.retryAfterSeconds());
		}
		RateLimiter.Decision person = byIdNumber.acquire(idNumber, now);
		if (!person.allowed()) {
			throw new TooManyLookups(person.retryAfterSeconds());
		}
	}
}
