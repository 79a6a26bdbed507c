package cn.kaowu.platform.org;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgMenu {

	@Bean
	MenuItem organisationsMenuItem() {
		return new MenuItem(MenuItem.Group.INSTITUTION, 10, "menu.organisations", "/admin/organisations",
				Set.of(Role.ADMIN));
	}

	@Bean
	MenuItem ownOrganisationMenuItem() {
		return new MenuItem(MenuItem.Group.INSTITUTION, 20, "menu.ownOrganisation", "/orgs/mine",
				EnumSet.complementOf(EnumSet.of(Role.ADMIN)));
	}
}
