package cn.kaowu.platform.catalog;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue is readable by every account, so every role sees its entries. */
@Configuration(proxyBeanMethods = false)
class CatalogMenu {

	@Bean
	MenuItem catalogCertificatesMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 10, "menu.catalogCertificates", "/catalog/certificates",
				EnumSet.allOf(Role.class));
	}

	@Bean
	MenuItem catalogSubjectsMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 20, "menu.catalogSubjects", "/catalog/subjects",
				EnumSet.allOf(Role.class));
	}

	@Bean
	MenuItem catalogFeesMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 30, "menu.catalogFees", "/catalog/fees",
				EnumSet.allOf(Role.class));
	}
}
