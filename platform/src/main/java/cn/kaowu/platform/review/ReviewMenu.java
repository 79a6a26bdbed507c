package cn.kaowu.platform.review;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 成绩复查 (colleges request, the ORG answers). */
@Configuration(proxyBeanMethods = false)
class ReviewMenu {

	@Bean
	MenuItem scoreReviewMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 35, "menu.scoreReview", "/reviews",
				EnumSet.of(Role.ORG, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL));
	}
}
