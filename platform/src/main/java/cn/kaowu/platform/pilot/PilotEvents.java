package cn.kaowu.platform.pilot;

import java.util.List;

import cn.kaowu.platform.kernel.Notifiable;

/** Events of the pilot workflow; each tells the organisation that has to act or that waited for the answer. */
public final class PilotEvents {

	private PilotEvents() {
	}

	/** A college submitted; the reviewer (city bureau or province) is told. */
	public record ApplicationSubmitted(long applicationId, long reviewerOrganisationId, String collegeName,
			String certificateName, String batchName) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(reviewerOrganisationId);
		}

		@Override
		public String messageKey() {
			return "notice.pilot.submitted";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(collegeName, certificateName, batchName);
		}

		@Override
		public String link() {
			return "/pilot/applications/" + applicationId;
		}
	}

	/** The city bureau approved; the province reviews next, the college is told too. */
	public record ApplicationCityApproved(long applicationId, long provinceId, long collegeId, String collegeName,
			String certificateName) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(provinceId, collegeId);
		}

		@Override
		public String messageKey() {
			return "notice.pilot.cityApproved";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(collegeName, certificateName);
		}

		@Override
		public String link() {
			return "/pilot/applications/" + applicationId;
		}
	}

	/** The province approved with a scale; the college is a pilot college of the year. */
	public record ApplicationApproved(long applicationId, long collegeId, String certificateName, int year,
			int approvedTrainees) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId);
		}

		@Override
		public String messageKey() {
			return "notice.pilot.approved";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(certificateName, String.valueOf(year), String.valueOf(approvedTrainees));
		}

		@Override
		public String link() {
			return "/pilot/applications/" + applicationId;
		}
	}

	/** The city or the province refused, with a reason. */
	public record ApplicationRejected(long applicationId, long collegeId, String certificateName, String reason)
			implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId);
		}

		@Override
		public String messageKey() {
			return "notice.pilot.rejected";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(certificateName, reason);
		}

		@Override
		public String link() {
			return "/pilot/applications/" + applicationId;
		}
	}
}
