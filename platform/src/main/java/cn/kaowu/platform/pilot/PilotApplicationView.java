package cn.kaowu.platform.pilot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.kaowu.platform.catalog.CertificateLevel;
import org.jspecify.annotations.Nullable;

/** A pilot application with its batch's rules, majors and attachments. */
public record PilotApplicationView(long id, long batchId, String batchName, int year, SubmissionWindow window,
		boolean majorsRequired, boolean cityApprovalRequired, long collegeId, String collegeName, long provinceId,
		@Nullable Long cityId, long certificateId, String certificateName, long organisationId,
		String organisationName, List<CertificateLevel> levels, List<Major> majors, int plannedTrainees,
		String teacherDescription, String facilityDescription, PilotApplicationStatus status,
		@Nullable Integer approvedTrainees, @Nullable String rejectReason, @Nullable Instant submittedAt,
		@Nullable Instant reviewedAt, int version, Instant createdAt, List<Attachment> attachments) {

	/** A major (专业) of an application: name and code, e.g. 电子商务 530701. */
	public record Major(String name, String code) {
	}

	/** An uploaded supporting document (佐证材料). */
	public record Attachment(long id, UUID fileId, String name) {
	}

	/** Whether the city bureau reviews this application before the province. */
	public boolean needsCityReview() {
		return cityApprovalRequired && cityId != null;
	}

	public String levelLabels() {
		return String.join("、", levels.stream().map(CertificateLevel::label).toList());
	}
}
