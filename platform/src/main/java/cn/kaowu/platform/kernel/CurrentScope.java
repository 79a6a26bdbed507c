package cn.kaowu.platform.kernel;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The scope of the authenticated caller of the current thread. */
public final class CurrentScope {

	private CurrentScope() {
	}

	public static Optional<Scope> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
			return Optional.of(principal.scope());
		}
		return Optional.empty();
	}

	/** The caller's scope; fails when nobody is logged in. */
	public static Scope get() {
		return find().orElseThrow(() -> new AccessDeniedProblem("error.notAuthenticated"));
	}

	/** The caller's scope, or the system scope for background work. */
	public static Scope orSystem() {
		return find().orElseGet(Scope::system);
	}
}
