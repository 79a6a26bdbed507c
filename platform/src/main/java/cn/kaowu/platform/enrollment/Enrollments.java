package cn.kaowu.platform.enrollment;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What rooms and scheduling read about registrations. Unscoped: callers check their own caller first.
 */
@Component
public class Enrollments {

	private final RegistrationRecords records;

	Enrollments(RegistrationRecords records) {
		this.records = records;
	}

	/** Registration records per plan subject (slot) at a site: what the site's rooms must seat. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> recordsPerSubject(long planId, long siteId) {
		return records.recordsPerSubject(planId, siteId);
	}
}
