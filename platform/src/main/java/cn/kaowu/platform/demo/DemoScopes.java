package cn.kaowu.platform.demo;

import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;

/** The scope of a demo account by its username, as the logged-in account would have it. */
final class DemoScopes {

	private DemoScopes() {
	}

	static Scope of(AccountManagement accounts, OrganisationManagement organisations, String username) {
		var account = accounts.findByUsername(username).orElseThrow();
		var organisation = organisations.find(account.organisationId()).orElseThrow();
		return new Scope(account.id(), account.username(), account.role(), organisation.id(),
				account.role() == Role.PROVINCE ? Long.valueOf(organisation.id()) : organisation.provinceId(),
				organisation.cityId());
	}
}
