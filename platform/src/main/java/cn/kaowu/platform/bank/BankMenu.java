package cn.kaowu.platform.bank;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 证书管理 → 题库管理 for the ORG. */
@Configuration(proxyBeanMethods = false)
class BankMenu {

	@Bean
	MenuItem bankMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 35, "menu.bank", "/bank", EnumSet.of(Role.ORG));
	}
}
