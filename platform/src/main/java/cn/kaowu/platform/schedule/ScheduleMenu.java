package cn.kaowu.platform.schedule;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 排考管理. */
@Configuration(proxyBeanMethods = false)
class ScheduleMenu {

	@Bean
	MenuItem scheduleMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 20, "menu.schedule", "/schedule",
				EnumSet.of(Role.ORG, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF, Role.PROVINCE,
						Role.ADMIN));
	}
}
