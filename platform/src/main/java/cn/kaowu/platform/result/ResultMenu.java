package cn.kaowu.platform.result;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考试管理 → 成绩回收 (ORGs). */
@Configuration(proxyBeanMethods = false)
class ResultMenu {

	@Bean
	MenuItem resultIntakeMenuItem() {
		return new MenuItem(MenuItem.Group.EXAM, 31, "menu.results", "/results", EnumSet.of(Role.ORG));
	}
}
