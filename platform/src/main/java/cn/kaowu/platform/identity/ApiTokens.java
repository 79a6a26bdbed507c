package cn.kaowu.platform.identity;

import java.time.Instant;

import cn.kaowu.platform.kernel.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Bearer tokens for API clients, issued against the same login rules as the web form. */
@Service
public class ApiTokens {

	private final LoginService logins;

	private final java.time.Clock clock;

	ApiTokens(LoginService logins, java.time.Clock clock) {
		this.logins = logins;
		this.clock = clock;
	}

	/** A token and when it expires. */
	public record IssuedToken(String token, String tokenType, Instant expiresAt, boolean mustChangePassword) {
	}

	public IssuedToken issue(String username, String password, String remoteAddr) {
		KaowuUser user;
		try {
			user = logins.authenticate(username, password, remoteAddr);
		}
		catch (AuthenticationException e) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, e.getMessage(), 15);
		}
		return new IssuedToken(logins.issueToken(user), "Bearer", clock.instant().plus(LoginService.TOKEN_LIFETIME),
				user.isMustChangePassword());
	}
}
