package cn.kaowu.platform.demo;

import java.util.List;

import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Two rooms of 南京工业职业技术大学's site for hongke's published demo plan (a 机考 room for the theory subjects, a
 * 实训室 for the practical ones) and its two 监考员 submitted, one approved by hongke. Skipped when the site already
 * has rooms for the plan.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class RoomDemoData implements DemoStep {

	private final RoomManagement rooms;

	private final InvigilatorManagement invigilators;

	private final StaffManagement staff;

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	RoomDemoData(RoomManagement rooms, InvigilatorManagement invigilators, StaffManagement staff,
			OrganisationManagement organisations, AccountManagement accounts) {
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.staff = staff;
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public void run() {
		OrganisationView college = organisations.findByCode(DemoDataLoader.COLLEGE_1).orElseThrow();
		Scope admin = new Scope(null, "demo", Role.COLLEGE_ADMIN, college.id(), college.provinceId(), college.cityId());
		SiteView site = rooms.sites(admin).stream().findFirst().orElse(null);
		if (site == null) {
			return;
		}
		PlanView plan = rooms.plansFor(site).stream().findFirst().orElse(null);
		if (plan == null || !rooms.list(admin, plan.id(), site.id()).isEmpty()) {
			return;
		}
		List<Long> theory = plan.subjects().stream().filter(s -> s.examMode() == ExamMode.COMPUTER)
			.map(PlanSubjectView::id).toList();
		List<Long> practice = plan.subjects().stream().filter(s -> s.examMode() != ExamMode.COMPUTER)
			.map(PlanSubjectView::id).toList();
		if (!theory.isEmpty()) {
			rooms.create(admin, plan.id(), site.id(),
					RoomForm.of("明德楼 A301 机房", "江苏省南京市栖霞区羊山北路 1 号", "明德楼三楼", 40, theory));
		}
		if (!practice.isEmpty()) {
			rooms.create(admin, plan.id(), site.id(),
					RoomForm.of("实训楼 B205 电商实训室", "江苏省南京市栖霞区羊山北路 1 号", "实训楼二楼", 45, practice));
		}
		List<Long> people = staff.all(admin, null).stream()
			.filter(p -> p.active() && p.role() == StaffRole.INVIGILATOR)
			.map(StaffView::id)
			.toList();
		if (people.isEmpty()) {
			return;
		}
		List<InvigilatorView> submitted = invigilators.submit(admin, plan.id(), site.id(), people);
		accounts.findByUsername("hongke").ifPresent(a -> {
			OrganisationView org = organisations.find(a.organisationId()).orElseThrow();
			Scope hongke = new Scope(a.id(), a.username(), a.role(), org.id(), org.provinceId(), org.cityId());
			invigilators.approve(hongke, submitted.getFirst().id());
		});
	}
}
