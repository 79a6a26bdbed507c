package cn.kaowu.platform.score;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 成绩登记 (ORG), 科目成绩 and 考证结果 (ORG and colleges). */
@Configuration(proxyBeanMethods = false)
class ScoreMenu {

	@Bean
	MenuItem scoreRegistrationMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 32, "menu.scoreRegistration", "/scores/registration", EnumSet.of(Role.ORG));
	}

	@Bean
	MenuItem scoreQueryMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 33, "menu.scoreQuery", "/scores/query",
				EnumSet.of(Role.ORG, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF));
	}

	@Bean
	MenuItem certificateResultsMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 34, "menu.certificateResults", "/scores/certificates",
				EnumSet.of(Role.ORG, Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF));
	}
}
