package cn.kaowu.platform.candidate;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理 → 考生管理. */
@Configuration(proxyBeanMethods = false)
class CandidateMenu {

	@Bean
	MenuItem candidatesMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 30, "menu.candidates", "/candidates",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF, Role.PROVINCE, Role.ADMIN));
	}
}
