package cn.kaowu.platform.certificate;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 证书管理 → 签章管理 (principal), 证书确认 (colleges), 证书发放 (ORG). */
@Configuration(proxyBeanMethods = false)
class CertificateMenu {

	@Bean
	MenuItem certificateStampMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 60, "menu.certificateStamp", "/certificates/stamp",
				EnumSet.of(Role.COLLEGE_PRINCIPAL));
	}

	@Bean
	MenuItem certificateConfirmMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 61, "menu.certificateConfirm", "/certificates/issues",
				EnumSet.of(Role.COLLEGE_PRINCIPAL, Role.COLLEGE_ADMIN));
	}

	@Bean
	MenuItem certificateIssueMenuItem() {
		return new MenuItem(MenuItem.Group.CERTIFICATE, 62, "menu.certificateIssue", "/certificates/issues",
				EnumSet.of(Role.ORG));
	}
}
