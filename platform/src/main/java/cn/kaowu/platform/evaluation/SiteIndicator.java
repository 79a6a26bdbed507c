package cn.kaowu.platform.evaluation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the evidence sheet shown when rating a site: what the product itself recorded about the site
 * in the evaluation period. {@code value == null} shows as 暂无数据.
 *
 * @param key message key of the indicator's label (one of {@link #STANDARD})
 * @param value the figure, already formatted
 * @param note where it comes from or what it means
 */
public record SiteIndicator(String key, @Nullable String value, @Nullable String note) {

	/** The indicators of the sheet, in order; modules fill them in as they land. */
	public static final List<String> STANDARD = List.of("evaluation.indicator.examsHosted",
			"evaluation.indicator.incidents", "evaluation.indicator.lateResults", "evaluation.indicator.absenceRate",
			"evaluation.indicator.appealsUpheld", "evaluation.indicator.staffTraining");

	/** Contributed by a module that records something about sites. */
	public interface Source {

		List<SiteIndicator> indicators(long siteId, long collegeId, long certificateId, Instant from, Instant to);
	}
}
