package cn.kaowu.platform.site;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the ORG decided about one application: the ticked checklist and, for a return, the reason.
 *
 * @param items one entry per checklist item of the certificate: met or not, with an optional note
 * @param reason why it is returned (required when returning)
 */
public record ReviewDecision(List<Tick> items, @Nullable String reason) {

	public ReviewDecision {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** The verdict on one checklist item; {@code met} is null while not yet ticked. */
	public record Tick(long itemId, @Nullable Boolean met, @Nullable String note) {
	}
}
