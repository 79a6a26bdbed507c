package cn.kaowu.platform.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import java.time.Clock;

import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 证书查验 without a login: certificate number and full ID number; rate limited per client address and per ID number
 * like {@link ScoreLookup} (same limit and window), one answer for every kind of miss (the same work for each, see
 * {@link CertificateRegistry#verify}), the unchanging part cached and the status read afresh.
 */
@Service
public class CertificateVerification {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** What the public sees: status, the masked holder name, level, issue date and issuer. */
	public record Result(String certificateNumber, CertificateRegistry.Standing standing, String holderName,
			String level, LocalDate issuedOn, String issuer) {
	}

	private final CertificateRegistry registry;

	private final Clock clock;

	private final LookupGate gate;

	CertificateVerification(CertificateRegistry registry, Clock clock,
			@Value("${kaowu.portal.trusted-proxies:}") List<String> trustedProxies,
			@Value("${kaowu.portal.rate-limit-keys:100000}") long rateLimitKeys, MeterRegistry meters, LookupSlots slots) {
		this.registry = registry;
		this.clock = clock;
		this.gate = new LookupGate("certificate", trustedProxies, rateLimitKeys, meters, slots);
	}

	/** The client address of a request, {@code X-Forwarded-For} believed only from a trusted proxy. */
	public String clientAddress(String remoteAddress, @Nullable String forwardedFor) {
		return gate.clientAddress(remoteAddress, forwardedFor);
	}

	/**
	 * Checks a certificate; empty for an unknown number and a wrong ID number alike. 422 for an empty field, 429
	 * ({@link TooManyLookups}) over the limit of the address or of the ID number.
	 */
	public Optional<Result> verify(String clientAddress, @Nullable String certificateNumber, @Nullable String idNumber) {
		String number = certificateNumber == null ? "" : certificateNumber.strip().toUpperCase(Locale.ROOT);
		String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
		List<DomainException.FieldProblem> problems = new ArrayList<>();
		if (number.isEmpty() || number.length() > 40) {
			problems.add(new DomainException.FieldProblem("number", "portal.verify.number.required"));
		}
		if (id.isEmpty() || id.length() > 30) {
			problems.add(new DomainException.FieldProblem("idNumber", "portal.idNumber.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Instant now = clock.instant();
		return gate.lookup(clientAddress, id, now, () -> registry.verify(number, id)
			.map(v -> new Result(v.certificateNumber(), v.standing(), ScoreLookup.maskName(v.holderName()), v.level(),
					LocalDate.ofInstant(v.issuedAt(), ZONE), v.issuer())));
	}
}
