package cn.kaowu.platform.staff;

import java.util.EnumSet;

import cn.kaowu.platform.kernel.MenuItem;
import cn.kaowu.platform.kernel.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 考务管理: the college's accounts, its province and the administrator see the staff pages. */
@Configuration(proxyBeanMethods = false)
class StaffMenu {

	static final EnumSet<Role> READERS = EnumSet.of(Role.COLLEGE_ADMIN, Role.COLLEGE_PRINCIPAL, Role.SITE_STAFF,
			Role.PROVINCE, Role.ADMIN);

	@Bean
	MenuItem staffMembersMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 40, "menu.staffMembers", "/staff/members", READERS);
	}

	@Bean
	MenuItem staffCommitteesMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 41, "menu.staffCommittees", "/staff/committees", READERS);
	}

	@Bean
	MenuItem staffLettersMenuItem() {
		return new MenuItem(MenuItem.Group.AFFAIRS, 42, "menu.staffLetters", "/staff/letters", READERS);
	}
}
