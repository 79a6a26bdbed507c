package cn.kaowu.platform.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.enrollment.RegistrationForm;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.RelativeForm;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.StaffView;
import cn.kaowu.platform.staff.TrainingStatus;
import org.springframework.boot.test.context.TestComponent;

/** A site ready to be scheduled, with the clock at the first second of the plan's scheduling window. */
@TestComponent
public class ScheduleMother {

	private final EnrollmentMother mother;

	private final EnrollmentManagement enrollment;

	private final RoomManagement rooms;

	private final InvigilatorManagement invigilators;

	private final StaffManagement staff;

	private final AdjustableClock clock;

	ScheduleMother(EnrollmentMother mother, EnrollmentManagement enrollment, RoomManagement rooms,
			InvigilatorManagement invigilators, StaffManagement staff, AdjustableClock clock) {
		this.mother = mother;
		this.enrollment = enrollment;
		this.rooms = rooms;
		this.invigilators = invigilators;
		this.staff = staff;
		this.clock = clock;
	}

	/** A site with 44 初级 and 4 中级 candidates, three rooms and six invigilators (one with a relative sitting). */
	public record Setup(EnrollmentMother.Ready r, List<CandidateView> people, StaffView conflicted) {
	}

	public Setup setup() {
		EnrollmentMother.Ready r = mother.ready(200);
		Scope college = r.college();
		List<CandidateView> people = new ArrayList<>();
		for (int i = 0; i < 48; i++) {
			CandidateView c = mother.verified(college, CandidateKind.COLLEGE, i);
			people.add(c);
			enrollment.register(college, RegistrationForm.of(r.plan().id(), c.id(),
					r.level(i < 44 ? CertificateLevel.JUNIOR : CertificateLevel.INTERMEDIATE), r.site().id()));
		}
		Map<String, Long> slot = new HashMap<>();
		for (PlanSubjectView s : r.plan().subjects()) {
			slot.put(s.level().label() + s.subjectName(), s.id());
		}
		rooms.create(college, r.plan().id(), r.site().id(),
				RoomForm.of("一号机房", "明德楼 301", null, 30, List.of(slot.get("初级理论"))));
		rooms.create(college, r.plan().id(), r.site().id(),
				RoomForm.of("二号机房", "明德楼 302", null, 20, List.of(slot.get("初级理论"), slot.get("中级理论"))));
		rooms.create(college, r.plan().id(), r.site().id(),
				RoomForm.of("实训室", "实训楼 101", null, 60, List.of(slot.get("初级实操"), slot.get("中级实操"))));
		List<Long> ids = new ArrayList<>();
		StaffView conflicted = null;
		String[] departments = { "信息工程学院", "经济管理学院", "机电学院", "艺术学院", "信息工程学院", "外语学院", "机电学院" };
		for (int i = 0; i < departments.length; i++) {
			StaffForm form = StaffForm.of("监考员" + (char) ('甲' + i), Gender.FEMALE, CandidateMother.idNumber(),
					"139" + String.format("%08d", 1000 + i), departments[i], StaffRole.INVIGILATOR, TrainingStatus.TRAINED,
					LocalDate.now(clock.withZone(AdjustableClock.CHINA)).minusMonths(2), new BigDecimal("3"));
			StaffView person = staff.create(college, form);
			ids.add(person.id());
			if (i == 0) {
				conflicted = person;
				staff.addRelative(college, person.id(),
						RelativeForm.of(people.get(0).name(), mother.idNumber(people.get(0).id()), "子女"));
			}
		}
		for (InvigilatorView v : invigilators.submit(college, r.plan().id(), r.site().id(), ids)) {
			invigilators.approve(r.setting().orgScope(), v.id());
		}
		clock.setInstant(r.plan().scheduling().opensAt());
		return new Setup(r, people, conflicted);
	}
}
