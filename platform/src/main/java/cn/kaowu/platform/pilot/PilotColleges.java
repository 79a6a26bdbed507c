package cn.kaowu.platform.pilot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.pilot.PilotApplicationView.Major;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules (sites, registration): which colleges are pilot colleges in a year and what they were
 * approved for. A college is a pilot college of a year when at least one of its applications in that year's
 * batches is approved (DOMAIN.md §3). No scope: callers have checked their own caller.
 */
@Service
public class PilotColleges {

	private final PilotApplications applications;

	PilotColleges(PilotApplications applications) {
		this.applications = applications;
	}

	/** One approved application: the certificate, levels, majors and approved scale. */
	public record ApprovedPilot(long applicationId, long certificateId, String certificateName,
			List<CertificateLevel> levels, List<Major> majors, int approvedTrainees) {
	}

	@Transactional(readOnly = true)
	public boolean isPilotCollege(long collegeId, int year) {
		return !applications.approved(collegeId, year).isEmpty();
	}

	@Transactional(readOnly = true)
	public List<ApprovedPilot> approvedPilots(long collegeId, int year) {
		return applications.approved(collegeId, year)
			.stream()
			.map(a -> new ApprovedPilot(a.id(), a.certificateId(), a.certificateName(), a.levels(), a.majors(),
					a.approvedTrainees() == null ? 0 : a.approvedTrainees()))
			.toList();
	}

	/** The approved majors of the year, each once (by code), over all certificates. */
	@Transactional(readOnly = true)
	public List<Major> approvedMajors(long collegeId, int year) {
		Map<String, Major> byCode = new LinkedHashMap<>();
		approvedPilots(collegeId, year).forEach(p -> p.majors().forEach(m -> byCode.putIfAbsent(m.code(), m)));
		return List.copyOf(byCode.values());
	}

	/** The approved scale (已批准培训人数) for a certificate in a year; 0 when not approved. */
	@Transactional(readOnly = true)
	public int approvedScale(long collegeId, long certificateId, int year) {
		return approvedPilots(collegeId, year).stream()
			.filter(p -> p.certificateId() == certificateId)
			.mapToInt(ApprovedPilot::approvedTrainees)
			.sum();
	}
}
