package cn.kaowu.platform.evaluation;

import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.kernel.Notifiable;
import org.jspecify.annotations.Nullable;

/** Events of the evaluation module. */
public final class EvaluationEvents {

	private EvaluationEvents() {
	}

	/** A round was opened: the site's college is asked for its report. */
	public record ReportRequested(long submissionId, long collegeId, String siteName, String roundName,
			String deadline) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			return List.of(collegeId);
		}

		@Override
		public String messageKey() {
			return "notice.evaluation.requested";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName, roundName, deadline);
		}

		@Override
		public String link() {
			return "/evaluation/submissions/" + submissionId;
		}
	}

	/** A site was rated; a revocation is reported to the province as well (002 art.23). */
	public record SiteRated(long submissionId, long siteId, long collegeId, @Nullable Long provinceId,
			String siteName, EvaluationOutcome outcome, String outcomeLabel) implements Notifiable {

		@Override
		public List<Long> recipientOrganisations() {
			List<Long> recipients = new ArrayList<>(List.of(collegeId));
			if (outcome == EvaluationOutcome.REVOCATION && provinceId != null) {
				recipients.add(provinceId);
			}
			return recipients;
		}

		@Override
		public String messageKey() {
			return "notice.evaluation.rated";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(siteName, outcomeLabel);
		}

		@Override
		public String link() {
			return "/evaluation/submissions/" + submissionId;
		}
	}
}
