package cn.kaowu.platform.kernel;

import java.util.Set;

/**
 * One entry of the side navigation, contributed by the module that owns the page as a bean. The groups
 * mirror the national platform's menus.
 *
 * @param group the menu group
 * @param order position inside the group
 * @param labelKey message key of the label
 * @param path the page's URL
 * @param roles who sees the entry
 */
public record MenuItem(Group group, int order, String labelKey, String path, Set<Role> roles) {

	/** Menu groups, in display order. */
	public enum Group {
		HOME, CERTIFICATE, AFFAIRS, EXAM, INSTITUTION, SYSTEM;

		public String messageKey() {
			return "menu.group." + name();
		}
	}
}
