package cn.kaowu.platform.pilot;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 证书管理 → 证书试点申报 (colleges), 申报批次 and 试点审批 (province, city). */
@Configuration(proxyBeanMethods = false)
class PilotMenu {

	@Bean
	MenuItem pilotApplicationsMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 40, "menu.pilotApplications", "/pilot/applications",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL));
	}

	@Bean
	MenuItem pilotBatchesMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 40, "menu.pilotBatches", "/pilot/batches",
				EnumSet.of(Role.PROVINCE));
	}

	@Bean
	MenuItem pilotReviewsMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 45, "menu.pilotReviews", "/pilot/reviews",
				EnumSet.of(Role.PROVINCE, Role.CITY));
	}
}
