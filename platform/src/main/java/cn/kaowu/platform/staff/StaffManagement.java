package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff database (考务人员信息库, 002 art.17 (四) 7) of each college: who works at its exam sites, with their
 * role, training and experience, and the close relatives they declared. See {@link StaffAccess} for who may read
 * and change it. Lists and views mask ID and phone numbers; audit entries never contain a full ID number.
 */
@Service
public class StaffManagement {

	static final Pattern PHONE = Pattern.compile("1[0-9]{10}");

	static final Pattern MAJOR_CODE = Pattern.compile("[0-9A-Za-z]{4,10}");

	static final BigDecimal MAX_YEARS = new BigDecimal("60");

	private final StaffMembers members;

	private final StaffAccess access;

	private final AuditLog audit;

	private final Clock clock;

	StaffManagement(StaffMembers members, StaffAccess access, AuditLog audit, Clock clock) {
		this.members = members;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Filter of the staff list; {@code name} and {@code department} match parts. */
	public record StaffFilter(@Nullable String name, @Nullable StaffRole role, @Nullable String department,
			@Nullable TrainingStatus training, @Nullable Boolean active) {

		public static StaffFilter none() {
			return new StaffFilter(null, null, null, null, null);
		}
	}

	/** Whether the scope may change the staff data of the college. */
	public static boolean canManage(@Nullable Scope scope, long collegeId) {
		return StaffAccess.canManage(scope, collegeId);
	}

	/** The college whose staff the scope looks at (its own for college accounts; see {@link StaffAccess}). */
	@Transactional(readOnly = true)
	public OrganisationView college(Scope scope, @Nullable Long collegeId) {
		return access.college(scope, collegeId);
	}

	/** Colleges a province or the administrator may pick; a college account gets its own. */
	@Transactional(readOnly = true)
	public List<OrganisationView> colleges(Scope scope) {
		return access.choosableColleges(scope);
	}

	@Transactional(readOnly = true)
	public PageResult<StaffView> list(Scope scope, @Nullable Long collegeId, StaffFilter filter, PageQuery page) {
		OrganisationView college = access.college(scope, collegeId);
		return members.page(college.id(), filter, page).map(StaffMembers.Row::view);
	}

	/** Every person of the college (active ones first are not reordered: by id). */
	@Transactional(readOnly = true)
	public List<StaffView> all(Scope scope, @Nullable Long collegeId) {
		OrganisationView college = access.college(scope, collegeId);
		return members.ofCollege(college.id()).stream().map(StaffMembers.Row::view).toList();
	}

	@Transactional(readOnly = true)
	public StaffView get(Scope scope, long id) {
		return row(scope, id).view();
	}

	/**
	 * The stored values for the edit form, with the full ID and phone numbers: only for the college's managers, each
	 * opening audited as {@code personal-data.viewed}.
	 */
	@Transactional
	public StaffForm editForm(Scope scope, long id) {
		StaffMembers.Row r = row(scope, id);
		StaffAccess.requireManager(scope, r.collegeId());
		audit.record(scope, AuditRecord.of("personal-data.viewed", "StaffMember", r.id(), null, null,
				r.name() + " " + ChineseIdNumber.mask(r.idNumber()) + "：id_number, phone；考务人员编辑页 (staff edit page)",
				r.collegeId()));
		StaffForm form = StaffForm.of(r.name(), r.gender(), r.idNumber(), r.phone(), r.department(), r.role(),
				r.trainingStatus(), r.trainedOn(), r.experienceYears().stripTrailingZeros());
		form.setTrainingCertificateNo(r.trainingCertificateNo());
		form.setMajors(r.majors());
		form.setActive(r.active());
		form.setVersion(r.version());
		return form;
	}

	@Transactional
	public StaffView create(Scope scope, StaffForm form) {
		OrganisationView college = access.ownCollege(scope);
		StaffMembers.Values values = validate(form, college.id(), null);
		long id;
		try {
			id = members.insert(college.id(), values, now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("idNumber", "staff.idNumber.duplicate");
		}
		audit.record(scope, AuditRecord.of("staff.create", "StaffMember", id, null, "ACTIVE", describe(values),
				college.id()));
		return members.find(id).orElseThrow().view();
	}

	@Transactional
	public StaffView update(Scope scope, long id, StaffForm form) {
		StaffMembers.Row current = row(scope, id);
		StaffAccess.requireManager(scope, current.collegeId());
		if (form.getActive() == null) {
			form.setActive(current.active());
		}
		StaffMembers.Values values = validate(form, current.collegeId(), id);
		boolean done;
		try {
			done = members.update(id, values,
					form.getVersion() == null ? current.version() : form.getVersion(), now());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputProblem("idNumber", "staff.idNumber.duplicate");
		}
		if (!done) {
			throw new OptimisticLockingFailureException("staff_member " + id);
		}
		audit.record(scope, AuditRecord.of("staff.update", "StaffMember", id, null, null, describe(values),
				current.collegeId()));
		return members.find(id).orElseThrow().view();
	}

	@Transactional
	public StaffView setActive(Scope scope, long id, boolean active) {
		StaffMembers.Row current = row(scope, id);
		StaffAccess.requireManager(scope, current.collegeId());
		if (current.active() != active) {
			members.setActive(id, active, now());
			audit.record(scope, AuditRecord.of(active ? "staff.activate" : "staff.deactivate", "StaffMember", id,
					state(current.active()), state(active), current.name(), current.collegeId()));
		}
		return members.find(id).orElseThrow().view();
	}

	/** Activates or deactivates several people: all of them, or none when one is refused. */
	@Transactional
	public int setActive(Scope scope, List<Long> ids, boolean active) {
		LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
		distinct.forEach(id -> setActive(scope, id, active));
		return distinct.size();
	}

	/** Deletes a person who is in no committee and has no responsibility letter; otherwise deactivate them. */
	@Transactional
	public void delete(Scope scope, long id) {
		StaffMembers.Row current = row(scope, id);
		StaffAccess.requireManager(scope, current.collegeId());
		if (members.inUse(id)) {
			throw new DomainException(HttpStatus.CONFLICT, "staff.error.inUse", current.name());
		}
		try {
			members.delete(id);
		}
		catch (org.springframework.dao.DataIntegrityViolationException e) {
			// Still named by another module's records (an invigilator of a plan): a conflict, not a 500.
			throw new DomainException(HttpStatus.CONFLICT, "staff.error.referenced", current.name());
		}
		audit.record(scope, AuditRecord.of("staff.delete", "StaffMember", id, state(current.active()), null,
				current.name() + " " + ChineseIdNumber.mask(current.idNumber()), current.collegeId()));
	}

	// ---- relatives -----------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<RelativeView> relatives(Scope scope, long staffId) {
		row(scope, staffId);
		return members.relativeViews(staffId);
	}

	/** Declares a close relative who may sit an exam; the staff member then steps aside from that exam. */
	@Transactional
	public RelativeView addRelative(Scope scope, long staffId, RelativeForm form) {
		StaffMembers.Row person = row(scope, staffId);
		StaffAccess.requireManager(scope, person.collegeId());
		List<FieldProblem> problems = new ArrayList<>();
		String name = trim(form.getName());
		String relation = trim(form.getRelation());
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "staff.relative.name.required"));
		}
		else if (name.length() > 30) {
			problems.add(new FieldProblem("name", "staff.name.size"));
		}
		ChineseIdNumber.problem("idNumber", form.getIdNumber()).ifPresent(problems::add);
		if (relation.isEmpty()) {
			problems.add(new FieldProblem("relation", "staff.relative.relation.required"));
		}
		else if (relation.length() > 10) {
			problems.add(new FieldProblem("relation", "staff.relative.relation.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		String idNumber = ChineseIdNumber.normalise(form.getIdNumber());
		if (members.relatives(List.of(staffId)).stream().anyMatch(r -> r.idNumber().equals(idNumber))) {
			throw new InvalidInputProblem("idNumber", "staff.relative.duplicate");
		}
		long id = members.insertRelative(staffId, name, idNumber, relation, now());
		audit.record(scope, AuditRecord.of("staff.relative.add", "StaffMember", staffId, null, null,
				person.name() + "：" + relation + " " + name + " " + ChineseIdNumber.mask(idNumber),
				person.collegeId()));
		return members.relativeViews(staffId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	@Transactional
	public void removeRelative(Scope scope, long staffId, long relativeId) {
		StaffMembers.Row person = row(scope, staffId);
		StaffAccess.requireManager(scope, person.collegeId());
		RelativeView relative = members.relativeViews(staffId)
			.stream()
			.filter(r -> r.id() == relativeId)
			.findFirst()
			.orElseThrow(() -> new NotFoundProblem("亲属申报", relativeId));
		members.deleteRelative(staffId, relativeId);
		audit.record(scope, AuditRecord.of("staff.relative.remove", "StaffMember", staffId, null, null,
				person.name() + "：" + relative.relation() + " " + relative.name() + " " + relative.idNumberMasked(),
				person.collegeId()));
	}

	// ---- for the other facades of this module ----------------------------------------------------------

	StaffMembers.Row row(Scope scope, long id) {
		Objects.requireNonNull(scope);
		StaffMembers.Row row = members.find(id).orElseThrow(() -> new NotFoundProblem("考务人员", id));
		access.readable(scope, row.collegeId(), "考务人员", id);
		return row;
	}

	// ---- validation ----------------------------------------------------------------------------------

	/** Checks every field and answers all problems at once. */
	private StaffMembers.Values validate(StaffForm form, long collegeId, @Nullable Long id) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = trim(form.getName());
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "staff.name.required"));
		}
		else if (name.length() > 30) {
			problems.add(new FieldProblem("name", "staff.name.size"));
		}
		if (form.getGender() == null) {
			problems.add(new FieldProblem("gender", "staff.gender.required"));
		}
		var idProblem = ChineseIdNumber.problem("idNumber", form.getIdNumber());
		idProblem.ifPresent(problems::add);
		String idNumber = ChineseIdNumber.normalise(form.getIdNumber());
		if (idProblem.isEmpty() && members.idNumberTaken(collegeId, idNumber, id)) {
			problems.add(new FieldProblem("idNumber", "staff.idNumber.duplicate"));
		}
		String phone = trim(form.getPhone());
		if (phone.isEmpty()) {
			problems.add(new FieldProblem("phone", "staff.phone.required"));
		}
		else if (!PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "staff.phone.pattern"));
		}
		String department = trim(form.getDepartment());
		if (department.isEmpty()) {
			problems.add(new FieldProblem("department", "staff.department.required"));
		}
		else if (department.length() > 50) {
			problems.add(new FieldProblem("department", "staff.department.size"));
		}
		if (form.getRole() == null) {
			problems.add(new FieldProblem("role", "staff.role.required"));
		}
		TrainingStatus training = form.getTrainingStatus() == null ? TrainingStatus.UNTRAINED : form.getTrainingStatus();
		LocalDate trainedOn = training.trained() ? form.getTrainedOn() : null;
		String certificateNo = training == TrainingStatus.CERTIFIED ? trim(form.getTrainingCertificateNo()) : "";
		if (training.trained() && trainedOn == null) {
			problems.add(new FieldProblem("trainedOn", "staff.trainedOn.required"));
		}
		else if (trainedOn != null && trainedOn.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("trainedOn", "staff.trainedOn.future"));
		}
		if (training == TrainingStatus.CERTIFIED && certificateNo.isEmpty()) {
			problems.add(new FieldProblem("trainingCertificateNo", "staff.trainingCertificateNo.required"));
		}
		else if (certificateNo.length() > 40) {
			problems.add(new FieldProblem("trainingCertificateNo", "staff.trainingCertificateNo.size"));
		}
		BigDecimal years = form.getExperienceYears() == null ? BigDecimal.ZERO : form.getExperienceYears();
		if (years.signum() < 0 || years.compareTo(MAX_YEARS) > 0 || years.scale() > 2) {
			problems.add(new FieldProblem("experienceYears", "staff.experienceYears.range"));
		}
		List<Major> majors = new ArrayList<>();
		for (int i = 0; i < form.getMajors().size(); i++) {
			Major m = form.getMajors().get(i);
			String majorName = trim(m == null ? null : m.name());
			String code = trim(m == null ? null : m.code());
			if (majorName.isEmpty() && code.isEmpty()) {
				continue;
			}
			if (majorName.isEmpty() || majorName.length() > 50 || !MAJOR_CODE.matcher(code).matches()) {
				problems.add(new FieldProblem("majors", "staff.majors.line", i + 1));
			}
			else {
				majors.add(new Major(majorName, code));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new StaffMembers.Values(name, form.getGender(), idNumber, phone, department, form.getRole(), training,
				trainedOn, certificateNo.isEmpty() ? null : certificateNo, years, majors,
				form.getActive() == null || form.getActive());
	}

	private static String describe(StaffMembers.Values v) {
		return v.name() + " " + ChineseIdNumber.mask(v.idNumber()) + " " + v.role() + " " + v.department();
	}

	private static String state(boolean active) {
		return active ? "ACTIVE" : "INACTIVE";
	}

	static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}

	private Instant now() {
		return clock.instant();
	}
}
