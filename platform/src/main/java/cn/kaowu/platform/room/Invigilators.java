package cn.kaowu.platform.room;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the scheduling module: the approved invigilators of a plan at a site with staff id, department and majors
 * taught — the scheduler prefers cross-department teachers who do not teach the candidates' major and never assigns a
 * declared conflict (see {@code CommitteeManagement.relativeConflicts}). No scope: callers check their own.
 */
@Component
public class Invigilators {

	private final InvigilatorManagement management;

	Invigilators(InvigilatorManagement management) {
		this.management = management;
	}

	@Transactional(readOnly = true)
	public List<InvigilatorView> approved(long planId, long siteId) {
		return management.approved(planId, siteId);
	}

	/** The approved invigilators of every site of the plan. */
	@Transactional(readOnly = true)
	public List<InvigilatorView> approvedOfPlan(long planId) {
		return management.approvedOfPlan(planId);
	}
}
