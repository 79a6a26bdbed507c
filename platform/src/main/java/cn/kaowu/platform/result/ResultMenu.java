package cn.kaowu.platform.result;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 成绩回收 and 阅卷管理 (ORGs), 阅卷 (graders). */
@Configuration(proxyBeanMethods = false)
class ResultMenu {

	@Bean
	MenuItem resultIntakeMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 31, "menu.results", "/results", EnumSet.of(Role.ORG));
	}

	@Bean
	MenuItem gradingManageMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 32, "menu.gradingManage", "/grading/manage", EnumSet.of(Role.ORG));
	}

	@Bean
	MenuItem gradingMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 33, "menu.grading", "/grading", EnumSet.of(Role.GRADER));
	}
}
