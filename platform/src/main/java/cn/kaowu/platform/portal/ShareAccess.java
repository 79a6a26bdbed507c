package cn.kaowu.platform.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.kaowu.platform.certificate.ShareCodes;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The portal's door to {@link ShareCodes} (分享码): the holder proves who they are with full ID number and ticket
 * number under the limits of {@link ScoreLookup} (own {@link LookupGate}: per client address and per ID number); an
 * employer's code is limited per client address ({@link LookupGate#LIMIT} per {@link LookupGate#WINDOW}). Misses are
 * one answer each (empty).
 */
@Service
public class ShareAccess {

	private final ShareCodes shares;

	private final Clock clock;

	private final LookupGate holders;

	private final RateLimiter codesByAddress;

	ShareAccess(ShareCodes shares, Clock clock,
			@Value("${kaowu.portal.trusted-proxies:}") List<String> trustedProxies,
			@Value("${kaowu.portal.rate-limit-keys:100000}") long rateLimitKeys,
			io.micrometer.core.instrument.MeterRegistry meters, LookupSlots slots) {
		this.shares = shares;
		this.clock = clock;
		this.holders = new LookupGate("share", trustedProxies, rateLimitKeys, meters, slots);
		this.codesByAddress = new RateLimiter(LookupGate.LIMIT, LookupGate.WINDOW, rateLimitKeys);
	}

	/** The client address of a request, {@code X-Forwarded-For} believed only from a trusted proxy. */
	public String clientAddress(String remoteAddress, @Nullable String forwardedFor) {
		return holders.clientAddress(remoteAddress, forwardedFor);
	}

	/** The holder of the pair, or empty for any miss; 422 for an empty field, 429 over a limit. */
	public Optional<ShareCodes.Holder> identify(String clientAddress, @Nullable String idNumber,
			@Nullable String ticketNumber) {
		String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
		String ticket = ticketNumber == null ? "" : ticketNumber.strip();
		List<DomainException.FieldProblem> problems = new ArrayList<>();
		if (id.isEmpty() || id.length() > 30) {
			problems.add(new DomainException.FieldProblem("idNumber", "portal.idNumber.required"));
		}
		if (ticket.isEmpty() || ticket.length() > 30) {
			problems.add(new DomainException.FieldProblem("ticketNumber", "portal.ticketNumber.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return holders.lookup(clientAddress, id, clock.instant(), () -> shares.identify(id, ticket));
	}

	/** What a share code shows; empty for any miss; 422 for an empty code, 429 over the address's limit. */
	public Optional<ShareCodes.Shared> view(String clientAddress, @Nullable String code) {
		admitCode(clientAddress, code);
		return shares.view(code);
	}

	/** The credential behind a share code; empty for any miss; limited like {@link #view}. */
	public Optional<String> credential(String clientAddress, @Nullable String code) {
		admitCode(clientAddress, code);
		return shares.credential(code);
	}

	private void admitCode(String clientAddress, @Nullable String code) {
		if (code == null || code.isBlank() || code.length() > 40) {
			throw new InvalidInputProblem("code", "portal.share.code.required");
		}
		RateLimiter.Decision decision = codesByAddress.acquire(clientAddress, clock.instant());
		if (!decision.allowed()) {
			throw new TooManyLookups(decision.retryAfterSeconds());
		}
	}
}
