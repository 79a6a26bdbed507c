package cn.kaowu.platform.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.Registrant;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotColleges;
import cn.kaowu.platform.plan.PlanLevel;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.SiteView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way registrations are stored, for single registration and import alike. The caller has matched each
 * request to a verified candidate of the college, a level of the plan and an active site of its certificate
 * ({@link EnrollmentRules}); here, in one transaction: the window is open, the candidate is not yet registered for
 * the plan, and 院校考生 stay within the approved pilot scale of the year. Requests that fail one of these are
 * returned as rejected; the others are stored, one record per subject of the level.
 */
@Component
class Registrar {

	/** A candidate to register: {@code row} is the sheet row (0 for the form). */
	record Request(int row, Registrant candidate, PlanLevel level, SiteView site) {
	}

	record Rejection(int row, Request request, String messageKey, Object... args) {
	}

	record Outcome(int candidates, int records, List<Rejection> rejected) {
	}

	private final RegistrationRecords records;

	private final CandidateManagement candidates;

	private final PilotColleges pilots;

	private final AuditLog audit;

	private final Clock clock;

	Registrar(RegistrationRecords records, CandidateManagement candidates, PilotColleges pilots, AuditLog audit,
			Clock clock) {
		this.records = records;
		this.candidates = candidates;
		this.pilots = pilots;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers what can be registered.
	 *
	 * @param auditDetail for an import, the summary entry's text; {@code null} audits each registration
	 * @throws DomainException 409 when the plan is not open for registration (nothing is stored)
	 */
	@Transactional
	Outcome register(Scope scope, OrganisationView college, PlanView plan, List<Request> requests,
			@Nullable UUID jobId, @Nullable String fileName) {
		Instant now = clock.instant();
		if (!EnrollmentRules.windowOpen(plan, now)) {
			throw new DomainException(HttpStatus.CONFLICT, "enrollment.error.windowClosed", plan.name(),
					plan.registration().toString());
		}
		records.lockQuota(college.id(), plan.certificateId());
		List<Long> ids = requests.stream().map(r -> r.candidate().id()).toList();
		Set<Long> registered = records.registeredInPlan(plan.id(), ids);
		List<Long> collegeIds = requests.stream()
			.filter(r -> r.candidate().kind() == CandidateKind.COLLEGE)
			.map(r -> r.candidate().id())
			.toList();
		Set<Long> counted = records.countedCandidates(college.id(), plan.certificateId(), plan.year(), collegeIds);
		int scale = pilots.approvedScale(college.id(), plan.certificateId(), plan.year());
		int used = records.collegeCandidatesRegistered(college.id(), plan.certificateId(), plan.year());

		List<Rejection> rejected = new ArrayList<>();
		List<Request> accepted = new ArrayList<>(requests.size());
		List<RegistrationRecords.NewRecord> toStore = new ArrayList<>(requests.size() * 2);
		for (Request r : requests) {
			Registrant c = r.candidate();
			if (registered.contains(c.id())) {
				rejected.add(new Rejection(r.row(), r, "enrollment.error.alreadyRegistered", plan.name()));
				continue;
			}
			if (c.kind() == CandidateKind.COLLEGE && !counted.contains(c.id())) {
				if (!EnrollmentRules.withinQuota(scale, used, 1)) {
					rejected.add(new Rejection(r.row(), r, "enrollment.error.quota", String.valueOf(plan.year()), scale, used));
					continue;
				}
				used++;
			}
			accepted.add(r);
			for (PlanSubjectView s : r.level().subjects()) {
				toStore.add(new RegistrationRecords.NewRecord(plan.id(), plan.name(), plan.year(),
						plan.organisationId(), plan.organisationName(), plan.certificateId(), plan.certificateName(),
						r.level().levelId(), r.level().level(), s.id(), s.subjectName(), s.code(), s.examMode(),
						s.startsAt(), s.endsAt(), c.id(), c.kind(), c.name(), c.pinyin(), c.gender().name(),
						c.idType().name(), c.idNumber(), c.sealed(), c.majorName(), c.majorCode(), college.id(),
						college.name(), java.util.Objects.requireNonNull(college.provinceId()), r.site().id(),
						java.util.Objects.requireNonNull(r.site().code()), r.site().name(), r.site().collegeId()));
			}
		}
		int stored = records.copy(toStore, jobId, now);
		if (fileName != null) {
			audit.record(scope, AuditRecord.of("enrollment.import", "RegistrationImport", jobId, null, null,
					plan.name() + " " + fileName + "：报考 " + accepted.size() + " 人（" + stored + " 条记录），失败 "
							+ rejected.size() + " 条",
					college.id()));
		}
		else {
			for (Request r : accepted) {
				audit.record(scope, AuditRecord.of("enrollment.register", "Registration",
						plan.id() + ":" + r.candidate().id(), null, RecordStatus.UNSCHEDULED,
						plan.name() + " " + r.candidate().name() + " " + ChineseIdNumber.mask(r.candidate().idNumber())
								+ " " + r.level().displayName() + " @" + r.site().name(),
						college.id()));
			}
		}
		return new Outcome(accepted.size(), stored, rejected);
	}
}
