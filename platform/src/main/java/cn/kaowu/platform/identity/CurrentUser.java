package cn.kaowu.platform.identity;

import cn.kaowu.platform.kernel.AccessDeniedProblem;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The logged-in {@link KaowuUser} of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static KaowuUser get() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof KaowuUser user) {
			return user;
		}
		throw new AccessDeniedProblem("error.notAuthenticated");
	}

	/**
	 * Lifts the forced password change for the rest of the session. The session is stored in the database and read
	 * again on the next request (on any node): the changed security context is written back to it explicitly, since
	 * only attributes that are set again are saved.
	 */
	public static void passwordChanged() {
		get().passwordChanged();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& request.getRequest().getSession(false) != null) {
			request.getRequest()
				.getSession(false)
				.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
						SecurityContextHolder.getContext());
		}
	}
}
