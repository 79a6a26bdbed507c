package cn.kaowu.platform.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.identity.SecondFactor;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo world at start-up when {@code kaowu.demo.enabled=true} and prints the logins. */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	/** The one password of every demo account; meets the policy. Demo only. */
	static final String DEMO_PASSWORD = "Kaowu#2026demo";

	/** The demo's published 两步验证 secret of the ORG, PROVINCE and ADMIN accounts (demo profile only). */
	static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

	/** Organisation codes of the demo world, used by the modules' demo steps to find them. */
	public static final String PROVINCE = "320000";

	public static final String CITY = "320100";

	public static final String ORG_HONGKE = "ORG-HKJW";

	public static final String ORG_BODAO = "ORG-BDQC";

	public static final String ORG_AOPAI = "ORG-AOPAI";

	public static final String COLLEGE_1 = "10850";

	public static final String COLLEGE_2 = "13108";

	public static final String COLLEGE_3 = "12804";

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	private final SecondFactor secondFactor;

	private final List<DemoStep> steps;

	private final TransactionTemplate tx;

	DemoDataLoader(OrganisationManagement organisations, AccountManagement accounts, SecondFactor secondFactor,
			List<DemoStep> steps,
			TransactionTemplate tx) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.steps = new ArrayList<>(steps);
		this.steps.sort(Comparator.comparingInt(DemoStep::order));
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		tx.executeWithoutResult(status -> load());
		for (DemoStep step : steps) {
			step.run();
		}
		printLogins();
	}

	private void load() {
		Scope admin = Scope.system();
		OrganisationView province = org(OrganisationType.PROVINCE, "江苏省教育厅", PROVINCE, null, null);
		OrganisationView city = org(OrganisationType.CITY, "南京市教育局", CITY, province.id(), null);
		OrganisationView hongke = org(OrganisationType.ORG, "北京鸿科经纬科技有限公司", ORG_HONGKE, null, null);
		org(OrganisationType.ORG, "北京博导前程信息技术股份有限公司", ORG_BODAO, null, null);
		org(OrganisationType.ORG, "奥派培训中心", ORG_AOPAI, null, null);
		OrganisationView college1 = org(OrganisationType.COLLEGE, "南京工业职业技术大学", COLLEGE_1, province.id(),
				city.id());
		OrganisationView college2 = org(OrganisationType.COLLEGE, "南京信息职业技术学院", COLLEGE_2, province.id(),
				city.id());
		org(OrganisationType.COLLEGE, "江苏经贸职业技术学院", COLLEGE_3, province.id(), city.id());

		account("admin", "平台管理员", Role.ADMIN, null);
		account("jsedu", "江苏省教育厅 王处长", Role.PROVINCE, province.id());
		account("njedu", "南京市教育局 李科长", Role.CITY, city.id());
		account("hongke", "鸿科经纬 考务专员", Role.ORG, hongke.id());
		account("hongke.patrol", "鸿科经纬 巡考员 赵敏", Role.PATROL, hongke.id());
		account("hongke.arbiter", "鸿科经纬 仲裁员 钱峰", Role.ARBITRATOR, hongke.id());
		account("hongke.grader", "鸿科经纬 考评员 孙丽", Role.GRADER, hongke.id());
		account("bodao", "博导前程 考务专员", Role.ORG, organisations.findByCode(ORG_BODAO).orElseThrow().id());
		account("aopai", "奥派 考务专员", Role.ORG, organisations.findByCode(ORG_AOPAI).orElseThrow().id());
		account("njit.principal", "南京工业职院 张校长", Role.COLLEGE_PRINCIPAL, college1.id());
		account("njit", "南京工业职院 教务处 陈老师", Role.COLLEGE_ADMIN, college1.id());
		account("njit.site", "南京工业职院 考点 周老师", Role.SITE_STAFF, college1.id());
		account("njcit", "南京信息职院 教务处 吴老师", Role.COLLEGE_ADMIN, college2.id());
	}

	private OrganisationView org(OrganisationType type, String name, String code, Long provinceId, Long cityId) {
		return organisations.findByCode(code).orElseGet(() -> {
			OrganisationForm form = new OrganisationForm();
			form.setType(type);
			form.setName(name);
			form.setCode(code);
			form.setProvinceId(provinceId);
			form.setCityId(cityId);
			return organisations.create(Scope.system(), form);
		});
	}

	private void account(String username, String displayName, Role role, Long organisationId) {
		var existing = accounts.findByUsername(username);
		if (existing.isPresent()) {
			if (SecondFactor.required(role)) {
				secondFactor.enrolFixed(existing.get().id(), DEMO_TOTP_SECRET);
			}
			return;
		}
		AccountForm form = new AccountForm();
		form.setUsername(username);
		form.setDisplayName(displayName);
		form.setRole(role);
		form.setOrganisationId(organisationId);
		AccountView account = accounts.createWithPassword(Scope.system(), form, DEMO_PASSWORD, false);
		if (SecondFactor.required(role)) {
			secondFactor.enrolFixed(account.id(), DEMO_TOTP_SECRET);
		}
	}

	private void printLogins() {
		Map<String, String> logins = new LinkedHashMap<>();
		logins.put("admin", "平台管理员 ADMIN");
		logins.put("jsedu", "省级教育行政部门 PROVINCE (江苏省教育厅)");
		logins.put("njedu", "地市教育局 CITY (南京市教育局)");
		logins.put("hongke", "培训评价组织 ORG (北京鸿科经纬, 网店运营推广)");
		logins.put("bodao", "培训评价组织 ORG (北京博导前程, 电子商务数据分析)");
		logins.put("aopai", "培训评价组织 ORG (奥派培训中心, 直播电商运营)");
		logins.put("hongke.patrol", "巡考员 PATROL");
		logins.put("hongke.arbiter", "仲裁组成员 ARBITRATOR");
		logins.put("hongke.grader", "考评员 GRADER");
		logins.put("njit.principal", "试点院校负责人 COLLEGE_PRINCIPAL (南京工业职业技术大学)");
		logins.put("njit", "试点院校业务管理员 COLLEGE_ADMIN (南京工业职业技术大学)");
		logins.put("njit.site", "考点人员 SITE_STAFF (南京工业职业技术大学)");
		logins.put("njcit", "试点院校业务管理员 COLLEGE_ADMIN (南京信息职业技术学院)");
		StringBuilder out = new StringBuilder("\n\n=== Kaowu demo — http://localhost:8080 — password of every account: ")
			.append(DEMO_PASSWORD)
			.append(" ===\n")
			.append("  两步验证密钥 ").append(DEMO_TOTP_SECRET)
			.append("（演示；admin、jsedu 与各 ORG 账号登录时须输入验证码：把密钥加入身份验证器 App，或 oathtool --totp -b ")
			.append(DEMO_TOTP_SECRET).append("）\n");
		logins.forEach((user, role) -> out.append(String.format("  %-16s %s%n", user, role)));
		log.info(out.toString());
	}
}
