package cn.kaowu.platform.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.staff.CommitteeGroup;
import cn.kaowu.platform.staff.CommitteeManagement;
import cn.kaowu.platform.staff.CommitteeView;
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.LetterManagement;
import cn.kaowu.platform.staff.LetterSheet;
import cn.kaowu.platform.staff.Major;
import cn.kaowu.platform.staff.MemberForm;
import cn.kaowu.platform.staff.RelativeForm;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The staff of 南京工业职业技术大学: eight people covering the roles of 002 art.17, the exam committee of its
 * 网店运营推广 site with an arbitration group of two (so the rule panel shows a breach) and an untrained invigilator
 * (a warning), one declared relative, and an exam whose responsibility letters are partly signed. Created through
 * the services as the college's administrator, so the audit trail shows it; skipped when the college already has
 * staff.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class StaffDemoData implements DemoStep {

	private record Person(String name, Gender gender, String first17, String phone, String department, StaffRole role,
			TrainingStatus training, String years, List<Major> majors) {
	}

	private static final List<Person> PEOPLE = List.of(
			new Person("王建国", Gender.MALE, "32010219720312151", "13905171234", "教务处", StaffRole.SITE_HEAD,
					TrainingStatus.CERTIFIED, "8", List.of()),
			new Person("陈静", Gender.FEMALE, "32010419830726202", "13813926655", "教务处", StaffRole.EXAM_MANAGER,
					TrainingStatus.TRAINED, "5", List.of()),
			new Person("刘洋", Gender.MALE, "32010519860915331", "15850631208", "经济管理学院", StaffRole.EXAM_MANAGER,
					TrainingStatus.TRAINED, "3.5", List.of(new Major("市场营销", "530605"))),
			new Person("赵磊", Gender.MALE, "32010619880204451", "18951762390", "信息化建设与管理中心", StaffRole.TECHNICAL,
					TrainingStatus.CERTIFIED, "4", List.of()),
			new Person("孙丽华", Gender.FEMALE, "32011119790518262", "13770658812", "后勤管理处", StaffRole.LOGISTICS,
					TrainingStatus.TRAINED, "6", List.of()),
			new Person("吴敏", Gender.FEMALE, "32011319870630182", "13675128874", "经济管理学院", StaffRole.GRADER,
					TrainingStatus.CERTIFIED, "2.5", List.of(new Major("电子商务", "530701"), new Major("网络营销与直播电商", "530703"))),
			new Person("周婷", Gender.FEMALE, "32011519950911362", "15261871093", "计算机与软件学院", StaffRole.INVIGILATOR,
					TrainingStatus.UNTRAINED, "0.5", List.of(new Major("软件技术", "510203"))),
			new Person("郑浩", Gender.MALE, "32010219900123171", "18252090316", "电气工程学院", StaffRole.INVIGILATOR,
					TrainingStatus.TRAINED, "1", List.of(new Major("电气自动化技术", "460306"))));

	private final StaffManagement staff;

	private final CommitteeManagement committees;

	private final LetterManagement letters;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final Clock clock;

	StaffDemoData(StaffManagement staff, CommitteeManagement committees, LetterManagement letters,
			CatalogManagement catalog, OrganisationManagement organisations, Clock clock) {
		this.staff = staff;
		this.committees = committees;
		this.letters = letters;
		this.catalog = catalog;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void run() {
		OrganisationView college = organisations.findByCode(DemoDataLoader.COLLEGE_1).orElseThrow();
		Scope admin = new Scope(null, "demo", Role.COLLEGE_ADMIN, college.id(), college.provinceId(), college.cityId());
		if (!staff.all(admin, null).isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Map<String, Long> ids = new HashMap<>();
		for (Person p : PEOPLE) {
			StaffForm form = StaffForm.of(p.name(), p.gender(), ChineseIdNumber.complete(p.first17()), p.phone(),
					p.department(), p.role(), p.training(), p.training().trained() ? today.minusMonths(4) : null,
					new BigDecimal(p.years()));
			if (p.training() == TrainingStatus.CERTIFIED) {
				form.setTrainingCertificateNo("HKJW-KW-" + today.getYear() + "-" + p.phone().substring(7));
			}
			form.setMajors(p.majors());
			StaffView created = staff.create(admin, form);
			ids.put(p.name(), created.id());
		}
		staff.addRelative(admin, ids.get("陈静"),
				RelativeForm.of("陈思远", ChineseIdNumber.complete("32010420050317201"), "子女"));

		CertificateView certificate = catalog
			.listCertificates(admin, new CatalogManagement.CertificateFilter("网店运营推广", null, null), PageQuery.of(1, 10))
			.items()
			.stream()
			.filter(c -> c.name().equals("网店运营推广"))
			.findFirst()
			.orElseThrow();
		CommitteeView committee = committees.create(admin, certificate.id());
		long id = committee.id();
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.GRADING, ids.get("吴敏"), true));
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.GRADING, ids.get("刘洋"), false));
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.AFFAIRS, ids.get("陈静"), true));
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.AFFAIRS, ids.get("周婷"), false));
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.AFFAIRS, ids.get("郑浩"), false));
		committees.addMember(admin, id, MemberForm.staff(CommitteeGroup.TECHNICAL, ids.get("赵磊"), true));
		MemberForm patrol = MemberForm.external(CommitteeGroup.PATROL, "钱卫东", "北京鸿科经纬科技有限公司",
				new BigDecimal("5"), true);
		patrol.setOrgAppointed(true);
		committees.addMember(admin, id, patrol);
		committees.addMember(admin, id, MemberForm.external(CommitteeGroup.ARBITRATION, "黄志强", "南京信息职业技术学院",
				new BigDecimal("6"), true));
		// Two arbitrators: an even group, which the rule panel reports (000 §1.3: 仲裁组人数须为奇数).
		committees.addMember(admin, id, MemberForm.external(CommitteeGroup.ARBITRATION, "林芳", "江苏经贸职业技术学院",
				new BigDecimal("3"), false));

		LetterSheet sheet = letters.createExam(admin, "网店运营推广（中级）考核", today.plusDays(30));
		byte[] scan = "%PDF-1.4\n% 考务工作人员责任书（演示）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		for (String name : List.of("王建国", "陈静", "赵磊")) {
			letters.record(admin, sheet.examId(), ids.get(name), today.minusDays(2), "责任书-" + name + ".pdf", scan);
		}
	}
}
