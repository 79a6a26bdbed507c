package cn.kaowu.platform;

import java.util.concurrent.atomic.AtomicInteger;

import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.springframework.boot.test.context.TestComponent;

/**
 * Object Mother for integration tests: creates organisations and accounts through the real services,
 * with unique codes and names so tests sharing a database never collide.
 */
@TestComponent
public class TestWorld {

	/** Password of every account made here; meets the policy. */
	public static final String PASSWORD = "Test#Pass2026";

	private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	TestWorld(OrganisationManagement organisations, AccountManagement accounts) {
		this.organisations = organisations;
		this.accounts = accounts;
	}

	public static String unique(String prefix) {
		return prefix + SEQ.incrementAndGet();
	}

	public OrganisationView orgById(long id) {
		return organisations.find(id).orElseThrow();
	}

	public OrganisationView province() {
		return org(OrganisationType.PROVINCE, unique("测试省"), null, null);
	}

	public OrganisationView city(OrganisationView province) {
		return org(OrganisationType.CITY, unique("测试市"), province.id(), null);
	}

	public OrganisationView trainingOrg() {
		return org(OrganisationType.ORG, unique("测试评价组织"), null, null);
	}

	public OrganisationView college(OrganisationView province) {
		return org(OrganisationType.COLLEGE, unique("测试职业学院"), province.id(), null);
	}

	public OrganisationView org(OrganisationType type, String name, Long provinceId, Long cityId) {
		OrganisationForm form = new OrganisationForm();
		form.setType(type);
		form.setName(name);
		form.setCode(unique("T"));
		form.setProvinceId(provinceId);
		form.setCityId(cityId);
		return organisations.create(Scope.system(), form);
	}

	/** An account with {@link #PASSWORD} that does not have to change it. */
	public AccountView account(Role role, OrganisationView organisation) {
		return account(role, organisation, false);
	}

	public AccountView account(Role role, OrganisationView organisation, boolean mustChangePassword) {
		AccountForm form = new AccountForm();
		form.setUsername(unique("u"));
		form.setDisplayName(unique("测试用户"));
		form.setRole(role);
		form.setOrganisationId(organisation == null ? null : organisation.id());
		return accounts.createWithPassword(Scope.system(), form, PASSWORD, mustChangePassword);
	}

	public AccountView admin() {
		return account(Role.ADMIN, null);
	}

	/** The scope a logged-in account would have (for calling services directly). */
	public Scope scopeOf(AccountView account) {
		OrganisationView org = account.organisationId() == null ? null
				: organisations.find(account.organisationId()).orElseThrow();
		Long provinceId = org == null ? null : org.type() == OrganisationType.PROVINCE ? Long.valueOf(org.id()) : org.provinceId();
		Long cityId = org == null ? null : org.type() == OrganisationType.CITY ? Long.valueOf(org.id()) : org.cityId();
		return new Scope(account.id(), account.username(), account.role(), account.organisationId(), provinceId, cityId);
	}
}
