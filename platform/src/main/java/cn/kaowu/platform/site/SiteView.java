package cn.kaowu.platform.site;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A site from application to operation, as the pages, the API and other modules see it.
 *
 * @param code the site code, once approved
 * @param operatingStatus ACTIVE/SUSPENDED/REVOKED, once approved
 * @param validUntil last day of the qualification (two years from approval)
 */
public record SiteView(long id, String name, long collegeId, String collegeName, long provinceId,
		String provinceName, @Nullable Long cityId, long certificateId, String certificateName, long organisationId,
		String organisationName, String contactName, String contactPhone, int roomCount, int seatCount,
		@Nullable String description, @Nullable UUID applicationFormFileId, @Nullable String applicationFormName,
		SiteApplicationStatus status, @Nullable String returnReason, @Nullable Instant submittedAt,
		@Nullable Instant reviewedAt, @Nullable String code, @Nullable SiteStatus operatingStatus,
		@Nullable Instant approvedAt, @Nullable LocalDate validUntil, @Nullable UUID certificateFileId, int version,
		Instant createdAt, List<Photo> photos) {

	/** A photo of rooms or equipment. */
	public record Photo(long id, UUID fileId, String name) {
	}

	public boolean approved() {
		return status == SiteApplicationStatus.APPROVED;
	}
}
