package cn.kaowu.platform.enrollment;

import java.time.Instant;
import java.util.Optional;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.Registrant;
import cn.kaowu.platform.candidate.VerificationState;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.site.SiteStatus;
import cn.kaowu.platform.site.SiteView;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The rules of DOMAIN.md §7 that need no database: each answers with the problem, naming the field, or nothing. */
final class EnrollmentRules {

	private EnrollmentRules() {
	}

	/** Registration is accepted from the first second of the window up to, not including, its close. */
	static boolean windowOpen(PlanView plan, Instant now) {
		return plan.isPublished() && plan.isRegistrationOpen(now);
	}

	/**
	 * Whether {@code adding} more 院校考生 fit in the approved pilot scale when {@code registered} are already
	 * counted: the total may reach the scale, not exceed it.
	 */
	static boolean withinQuota(int scale, int registered, int adding) {
		return registered + adding <= scale;
	}

	/** A record may be deleted while 未排考 and registration has not closed (004 ch.3 §4 2.1, 2.5). */
	static boolean deletable(RecordStatus status, PlanView plan, Instant now) {
		return status == RecordStatus.UNSCHEDULED && !plan.registration().over(now);
	}

	/**
	 * The candidate found by ID number may register as the row says: in the list of the row's type, the name as
	 * stored, and 信息准确.
	 */
	static Optional<FieldProblem> candidate(Registrant c, CandidateKind kind, String name) {
		if (c.kind() != kind) {
			return Optional.of(new FieldProblem("kind", "enrollment.error.kindMismatch",
					resolvable(c.kind().messageKey())));
		}
		if (!c.name().equals(name)) {
			return Optional.of(new FieldProblem("name", "enrollment.error.nameMismatch", c.name()));
		}
		if (c.state() != VerificationState.VERIFIED) {
			return Optional.of(new FieldProblem("idNumber", "enrollment.error.notVerified",
					resolvable(c.state().messageKey())));
		}
		return Optional.empty();
	}

	/** The site is an approved, active site of the plan's certificate. */
	static Optional<FieldProblem> site(SiteView site, PlanView plan) {
		if (!site.approved() || site.operatingStatus() == null) {
			return Optional.of(new FieldProblem("siteCode", "enrollment.error.siteNotApproved", site.name()));
		}
		if (site.operatingStatus() != SiteStatus.ACTIVE) {
			return Optional.of(new FieldProblem("siteCode", "enrollment.error.siteNotActive", site.name(),
					resolvable("site.operating." + site.operatingStatus().name())));
		}
		if (site.certificateId() != plan.certificateId()) {
			return Optional.of(new FieldProblem("siteCode", "enrollment.error.siteCertificate", site.name(),
					site.certificateName()));
		}
		return Optional.empty();
	}

	/**
	 * The certificate name as written in the template: the catalogue name, with or without the
	 * "职业技能等级证书" the seed appends.
	 */
	static boolean sameCertificate(String written, String catalogueName) {
		return strip(written).equals(strip(catalogueName));
	}

	private static String strip(String name) {
		String n = name.replace(" ", "");
		return n.endsWith("职业技能等级证书") ? n.substring(0, n.length() - "职业技能等级证书".length()) : n;
	}

	static DefaultMessageSourceResolvable resolvable(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key }, key);
	}
}
