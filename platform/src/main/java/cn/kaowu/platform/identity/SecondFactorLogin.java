package cn.kaowu.platform.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The web login's second step. After the password an ORG, PROVINCE or ADMIN account is not authenticated: the
 * session holds a {@link Pending} login and every page but the code (or enrolment) page sends it back to the login.
 * The right code authenticates the session under a new session id.
 */
@Service
public class SecondFactorLogin {

	static final String PENDING = "KAOWU_PENDING_LOGIN";

	private static final String ENROL_SECRET = "KAOWU_TOTP_ENROL_SECRET";

	private static final String RECOVERY = "KAOWU_TOTP_RECOVERY";

	private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

	private final LoginService logins;

	private final SecondFactor secondFactor;

	private final LoginAddress addresses;

	SecondFactorLogin(LoginService logins, SecondFactor secondFactor, LoginAddress addresses) {
		this.logins = logins;
		this.secondFactor = secondFactor;
		this.addresses = addresses;
	}

	/** Password checked, code not yet. */
	public record Pending(long accountId, String username, boolean enrolled) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	/** Called by the password step's success handler: un-authenticates the session and remembers the login. */
	void begin(HttpServletRequest request, HttpServletResponse response, KaowuUser user) {
		SecurityContextHolder.clearContext();
		CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
		HttpSession session = request.getSession();
		session.removeAttribute(ENROL_SECRET);
		session.setAttribute(PENDING,
				new Pending(user.scope().accountId(), user.getUsername(), secondFactor.enrolled(user.scope().accountId())));
	}

	public Optional<Pending> pending(HttpSession session) {
		return session.getAttribute(PENDING) instanceof Pending p ? Optional.of(p) : Optional.empty();
	}

	/** The secret being enrolled in this session (made on first call). */
	public String enrolmentSecret(HttpSession session) {
		if (session.getAttribute(ENROL_SECRET) instanceof String s) {
			return s;
		}
		String secret = Totp.newSecret();
		session.setAttribute(ENROL_SECRET, secret);
		return secret;
	}

	/**
	 * Confirms the enrolment with the first code and completes the login with the same code (a code counts once, so
	 * the login uses the enrolment's step).
	 *
	 * @throws cn.kaowu.platform.kernel.InvalidInputProblem on {@code code}
	 */
	public KaowuUser enrol(HttpServletRequest request, HttpServletResponse response, Pending pending, String code) {
		List<String> codes = secondFactor.enrol(pending.accountId(), enrolmentSecret(request.getSession()), code);
		KaowuUser user = logins.completeAfterEnrolment(pending.accountId());
		request.getSession().setAttribute(RECOVERY, new java.util.ArrayList<>(codes));
		authenticate(request, response, user);
		return user;
	}

	/**
	 * Checks the code and authenticates the session.
	 *
	 * @throws org.springframework.security.core.AuthenticationException with a message key when refused
	 */
	public KaowuUser verify(HttpServletRequest request, HttpServletResponse response, Pending pending, String code) {
		KaowuUser user = logins.completeSecondFactor(pending.accountId(), code, addresses.of(request));
		authenticate(request, response, user);
		return user;
	}

	/** Sends a completed login on: the password page if it must change, else the page asked for, else home. */
	public void proceed(HttpServletRequest request, HttpServletResponse response, KaowuUser user)
			throws java.io.IOException, jakarta.servlet.ServletException {
		SecurityConfiguration.afterLogin()
			.onAuthenticationSuccess(request, response,
					UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** The recovery codes of a just-finished enrolment, once. */
	@SuppressWarnings("unchecked")
	public List<String> takeRecoveryCodes(HttpSession session) {
		Object codes = session.getAttribute(RECOVERY);
		session.removeAttribute(RECOVERY);
		return codes instanceof List<?> list ? (List<String>) list : List.of();
	}

	private static void authenticate(HttpServletRequest request, HttpServletResponse response, KaowuUser user) {
		request.getSession().removeAttribute(PENDING);
		request.getSession().removeAttribute(ENROL_SECRET);
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}
}
