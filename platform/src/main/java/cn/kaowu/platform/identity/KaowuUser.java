package cn.kaowu.platform.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.ScopedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in account as Spring Security holds it in the session. */
public final class KaowuUser implements UserDetails, ScopedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Scope scope;

	private final String displayName;

	private final String organisationName;

	private volatile boolean mustChangePassword;

	KaowuUser(Scope scope, String displayName, String organisationName, boolean mustChangePassword) {
		this.scope = scope;
		this.displayName = displayName;
		this.organisationName = organisationName;
		this.mustChangePassword = mustChangePassword;
	}

	@Override
	public Scope scope() {
		return scope;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getOrganisationName() {
		return organisationName;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	void passwordChanged() {
		this.mustChangePassword = false;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
	}

	@Override
	public String getPassword() {
		return "";
	}

	@Override
	public String getUsername() {
		return scope.username();
	}
}
