package cn.kaowu.platform.appeal;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 申诉记录 (the ORG and the colleges). */
@Configuration(proxyBeanMethods = false)
class AppealMenu {

	@Bean
	MenuItem appealRecordsMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 35, "menu.appeals", "/appeals",
				EnumSet.of(Role.ORG, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF));
	}
}
