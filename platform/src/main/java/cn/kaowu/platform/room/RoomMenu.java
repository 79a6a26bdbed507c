package cn.kaowu.platform.room;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理 → 考场管理 for the college's accounts; 监考审核 for the ORG. */
@Configuration(proxyBeanMethods = false)
class RoomMenu {

	@Bean
	MenuItem roomsMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 60, "menu.rooms", "/rooms",
				EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF, Role.ORG, Role.PROVINCE));
	}

	@Bean
	MenuItem invigilatorReviewMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 61, "menu.invigilatorReview", "/rooms/review", EnumSet.of(Role.ORG));
	}
}
