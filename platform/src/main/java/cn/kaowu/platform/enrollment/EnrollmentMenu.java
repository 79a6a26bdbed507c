package cn.kaowu.platform.enrollment;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理 → 报考管理. */
@Configuration(proxyBeanMethods = false)
class EnrollmentMenu {

	@Bean
	MenuItem enrollmentMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 35, "menu.enrollment", "/registrations",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF, Role.ORG, Role.PROVINCE,
						Role.ADMIN));
	}
}
