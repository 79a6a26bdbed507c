package cn.kaowu.platform.plan;

import java.util.List;

import cn.kaowu.platform.kernel.Notifiable;

/** Events of the plan module. */
public final class PlanEvents {

	private PlanEvents() {
	}

	/**
	 * A plan was published: the colleges with an approved site for its certificate are told, so they can
	 * register candidates in its registration window.
	 */
	public record PlanPublished(long planId, long certificateId, String planName, String organisationName,
			String registrationWindow, List<Long> collegeIds) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return collegeIds;
		}

		@Override
		public String messageKey() {
			return "notice.plan.published";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(planName, organisationName, registrationWindow);
		}

		@Override
		public String link() {
			return "/plans/" + planId;
		}
	}
}
