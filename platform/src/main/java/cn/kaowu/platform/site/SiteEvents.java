package cn.kaowu.platform.site;

import java.util.List;

import cn.kaowu.platform.kernel.Notifiable;

/** Events of the site workflow. */
public final class SiteEvents {

	private SiteEvents() {
	}

	/** A college submitted a site application; the ORG reviews it. */
	public record SiteSubmitted(long siteId, long organisationId, String siteName) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(organisationId);
		}

		@Override
		public String messageKey() {
			return "notice.site.submitted";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName);
		}

		@Override
		public String link() {
			return "/sites/" + siteId;
		}
	}

	/** The ORG approved: the college gets its code and certificate; the province receives the filing (备案). */
	public record SiteApproved(long siteId, long collegeId, long provinceId, String siteName, String code)
			implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId, provinceId);
		}

		@Override
		public String messageKey() {
			return "notice.site.approved";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName, code);
		}

		@Override
		public String link() {
			return "/sites/" + siteId;
		}
	}

	/** The ORG returned the application with a reason. */
	public record SiteReturned(long siteId, long collegeId, String siteName, String reason) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId);
		}

		@Override
		public String messageKey() {
			return "notice.site.returned";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName, reason);
		}

		@Override
		public String link() {
			return "/sites/" + siteId;
		}
	}

	/** The operating status changed (evaluation): the college and the province are told. */
	public record SiteStatusChanged(long siteId, long collegeId, long provinceId, String siteName, SiteStatus from,
			SiteStatus to, String reason) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId, provinceId);
		}

		@Override
		public String messageKey() {
			return "notice.site.status." + to.name();
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName, reason);
		}

		@Override
		public String link() {
			return "/sites/" + siteId;
		}
	}
}
