/** The landing page (工作台) after login. */
package cn.kaowu.platform.home;
