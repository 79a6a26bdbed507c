package cn.kaowu.platform.identity;

import java.time.Instant;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Bearer tokens for API clients, issued against the same login rules as the web form. */
@Service
public class ApiTokens {

	private final LoginService logins;

	private final SecondFactor secondFactor;

	private final java.time.Clock clock;

	ApiTokens(LoginService logins, SecondFactor secondFactor, java.time.Clock clock) {
		this.logins = logins;
		this.secondFactor = secondFactor;
		this.clock = clock;
	}

	/** A token and when it expires. */
	public record IssuedToken(String token, String tokenType, Instant expiresAt, boolean mustChangePassword) {
	}

	/**
	 * @param totp the current TOTP (or a recovery code); required for ORG, PROVINCE and ADMIN accounts, which must
	 *     have enrolled on the web first
	 */
	public IssuedToken issue(String username, String password, @Nullable String totp, String remoteAddr) {
		KaowuUser user;
		try {
			user = logins.authenticate(username, password, remoteAddr);
			if (SecondFactor.required(user.scope().role())) {
				if (!secondFactor.enrolled(user.scope().accountId())) {
					throw new DomainException(HttpStatus.FORBIDDEN, "totp.enrolmentRequired");
				}
				if (totp == null || totp.isBlank()) {
					throw new InvalidInputProblem("totp", "totp.required");
				}
				user = logins.completeSecondFactor(user.scope().accountId(), totp, remoteAddr);
			}
		}
		catch (AuthenticationException e) {
			throw new DomainException(LoginService.IP_LIMITED.equals(e.getMessage()) ? HttpStatus.TOO_MANY_REQUESTS
					: HttpStatus.UNAUTHORIZED, e.getMessage(), 15);
		}
		return new IssuedToken(logins.issueToken(user), "Bearer", clock.instant().plus(LoginService.TOKEN_LIFETIME),
				user.isMustChangePassword());
	}
}
