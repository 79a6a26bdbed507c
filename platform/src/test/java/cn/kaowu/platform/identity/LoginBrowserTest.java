package cn.kaowu.platform.identity;

import cn.kaowu.platform.BrowserTestSupport;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.org.OrganisationView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class LoginBrowserTest extends BrowserTestSupport {

	@Autowired
	TestWorld world;

	@Test
	void logsInAndSeesTheRoleNavigation() {
		AccountView account = world.account(Role.COLLEGE_ADMIN, world.college(world.province()));
		page.navigate(url("/login"));
		assertThat(page.locator("h2")).hasText("账号登录");
		screenshot("login");
		login(account.username(), TestWorld.PASSWORD);
		assertThat(page).hasTitle("工作台");
		assertThat(page.locator(".sidebar")).containsText("本单位信息");
		assertThat(page.locator(".sidebar")).not().containsText("账号管理");
		assertThat(page.locator(".who")).containsText("试点院校业务管理员");
		screenshot("home-college");
	}

	@Test
	void anOrgAccountEnrolsItsSecondFactorThenTypesTheCode() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		page.navigate(url("/login"));
		page.fill("#username", account.username());
		page.fill("#password", TestWorld.PASSWORD);
		page.click("button[type=submit]");
		assertThat(page).hasURL(url("/login/totp/enrol"));
		assertThat(page.locator("h2")).hasText("启用两步验证");
		assertThat(page.locator("#totp-qr")).isVisible();
		screenshot("totp-enrol");
		cn.kaowu.platform.TotpCodes.remember(account.username(), page.inputValue("#totp-secret"));
		page.fill("#code", "000000".equals(cn.kaowu.platform.TotpCodes.next(account.username())) ? "111111" : "000000");
		page.click("button[type=submit]");
		assertThat(page.locator(".flash-error")).containsText("验证码不正确");
		page.fill("#code", cn.kaowu.platform.TotpCodes.next(account.username()));
		page.click("button[type=submit]");
		assertThat(page).hasURL(url("/account/recovery-codes"));
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		screenshot("totp-recovery-codes");
		page.click("#continue");
		assertThat(page).hasTitle("工作台");

		// Leave the home page first: a request it still had running could abort the navigation to /login
		// (net::ERR_ABORTED, seen once in a full run).
		page.navigate("about:blank");
		context.clearCookies();
		page.navigate(url("/login"));
		page.fill("#username", account.username());
		page.fill("#password", TestWorld.PASSWORD);
		page.click("button[type=submit]");
		assertThat(page).hasURL(url("/login/totp"));
		screenshot("totp-code");
		page.fill("#code", cn.kaowu.platform.TotpCodes.next(account.username()));
		page.click("button[type=submit]");
		assertThat(page).hasTitle("工作台");
	}

	@Test
	void wrongPasswordsShowAMessageAndTheFifthLocksTheAccount() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		for (int i = 1; i <= 4; i++) {
			login(account.username(), "Wrong#Pass" + i);
			assertThat(page.locator(".flash-error")).hasText("用户名或密码错误");
		}
		login(account.username(), "Wrong#Pass5");
		assertThat(page.locator(".flash-error")).hasText("密码连续错误 5 次，账号已锁定 15 分钟");
		login(account.username(), TestWorld.PASSWORD);
		assertThat(page.locator(".flash-error")).containsText("账号已锁定");
		screenshot("login-locked");
	}

	@Test
	void firstLoginLeadsToThePasswordChange() {
		AccountView account = world.account(Role.PROVINCE, world.province(), true);
		login(account.username(), TestWorld.PASSWORD);
		assertThat(page).hasURL(url("/account/password"));
		assertThat(page.locator(".flash-info")).hasText("首次登录，请先修改平台分配的初始密码");
		page.fill("#currentPassword", TestWorld.PASSWORD);
		page.fill("#newPassword", "short");
		page.fill("#confirmation", "short");
		page.click("main button[type=submit]");
		assertThat(page.locator(".field.invalid .error").first()).hasText("密码至少 8 位");
		screenshot("password-change-errors");
		page.fill("#currentPassword", TestWorld.PASSWORD);
		page.fill("#newPassword", "Province#2026");
		page.fill("#confirmation", "Province#2026");
		page.click("main button[type=submit]");
		assertThat(page).hasTitle("工作台");
		assertThat(page.locator(".flash-success")).hasText("密码已修改");
	}

	@Test
	void aCollegeUserIsBlockedFromAnotherCollegesPage() {
		OrganisationView province = world.province();
		OrganisationView mine = world.college(province);
		OrganisationView other = world.college(province);
		AccountView account = world.account(Role.COLLEGE_ADMIN, mine);
		login(account.username(), TestWorld.PASSWORD);
		page.click("text=本单位信息");
		assertThat(page.locator("h1")).hasText(mine.name());
		page.navigate(url("/orgs/" + other.id()));
		assertThat(page.locator(".flash-error")).hasText("未找到机构（编号 " + other.id() + "），或您无权查看");
		assertThat(page.locator("body")).not().containsText(other.name());
		screenshot("foreign-college-blocked");
	}

	@Test
	void administratorManagesAccountsInAPagedList() {
		AccountView admin = world.admin();
		for (int i = 0; i < 11; i++) {
			world.account(Role.ADMIN, null);
		}
		login(admin.username(), TestWorld.PASSWORD);
		page.click("text=账号管理");
		assertThat(page.locator("h1")).hasText("账号管理");
		assertThat(page.locator(".pagination")).containsText("10条/页");
		assertThat(page.locator("table.data tbody tr")).hasCount(10);
		page.click(".pagination a:text-is('2')");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]page=2.*"));
		assertThat(page.locator(".pagination .current")).hasText("2");
		screenshot("admin-accounts");
		page.click("text=新建账号");
		page.fill("#username", "x");
		page.click("button:has-text('保存')");
		assertThat(page.locator(".field.invalid").first()).containsText("用户名须以字母开头");
		page.click("text=机构列表");
		assertThat(page.locator("h1")).hasText("机构列表");
		screenshot("admin-organisations");
	}
}
