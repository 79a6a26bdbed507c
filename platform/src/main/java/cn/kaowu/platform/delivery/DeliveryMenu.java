package cn.kaowu.platform.delivery;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理 → 考点服务器 (colleges); 考试管理 → 试卷包 (ORGs). */
@Configuration(proxyBeanMethods = false)
class DeliveryMenu {

	@Bean
	MenuItem siteServersMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 62, "menu.siteServers", "/delivery/servers",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF));
	}

	@Bean
	MenuItem packagesMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 30, "menu.packages", "/delivery/packages", EnumSet.of(Role.ORG));
	}
}
