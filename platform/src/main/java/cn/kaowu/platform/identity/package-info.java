/**
 * Accounts and login: roles, password policy, lockout, forced password change, API tokens, and the
 * Spring Security set-up that gives every request its {@link cn.kaowu.platform.kernel.Scope}.
 */
package cn.kaowu.platform.identity;
