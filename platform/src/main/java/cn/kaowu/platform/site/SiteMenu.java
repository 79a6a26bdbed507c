package cn.kaowu.platform.site;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理 → 考核站点申报 (colleges), 站点审核 and 资格条件 (ORG), 站点备案 (province). */
@Configuration(proxyBeanMethods = false)
class SiteMenu {

	@Bean
	MenuItem siteApplicationsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 10, "menu.siteApplications", "/sites/applications",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL));
	}

	@Bean
	MenuItem siteReviewsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 10, "menu.siteReviews", "/sites/reviews", EnumSet.of(Role.ORG));
	}

	@Bean
	MenuItem siteChecklistsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 20, "menu.siteChecklists", "/sites/checklists",
				EnumSet.of(Role.ORG));
	}

	@Bean
	MenuItem siteFilingsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 10, "menu.siteFilings", "/sites/filings",
				EnumSet.of(Role.PROVINCE));
	}
}
