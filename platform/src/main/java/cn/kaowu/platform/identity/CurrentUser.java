package cn.kaowu.platform.identity;

import cn.kaowu.platform.kernel.AccessDeniedProblem;
import org.springframework.security.core.context.SecurityContextHolder;

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

	/** Lifts the forced password change for the rest of the session. */
	public static void passwordChanged() {
		get().passwordChanged();
	}
}
