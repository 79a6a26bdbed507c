package cn.kaowu.platform.site;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A review decision with the checklist as it was ticked. */
public record SiteReviewView(long id, SiteApplicationStatus decision, @Nullable String reason, String reviewerName,
		Instant reviewedAt, List<Item> items) {

	/** One ticked requirement (texts copied at review time). */
	public record Item(String category, String requirement, @Nullable String source, boolean met,
			@Nullable String note) {
	}
}
