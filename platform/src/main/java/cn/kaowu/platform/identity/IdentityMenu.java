package cn.kaowu.platform.identity;

import java.util.Set;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityMenu {

	@Bean
	MenuItem accountsMenuItem() {
		return new MenuItem(MenuItem.Group.SYSTEM, 10, "menu.accounts", "/admin/accounts", Set.of(Role.ADMIN));
	}
}
