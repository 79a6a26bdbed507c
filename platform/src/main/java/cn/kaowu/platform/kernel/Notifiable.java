package cn.kaowu.platform.kernel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A domain event that somebody should be told about. Modules let their events implement this; the
 * notification module turns each into inbox entries (and e-mail where configured) after the change commits.
 */
public interface Notifiable {

	/** Organisations whose every account should see the notice. */
	default List<Long> recipientOrganisations() {
		return List.of();
	}

	/** Individual accounts that should see the notice. */
	default List<Long> recipientAccounts() {
		return List.of();
	}

	/** Message key of the title; {@code <key>.body} is the body if present. */
	String messageKey();

	/** Arguments of the title and body. */
	default List<String> messageArgs() {
		return List.of();
	}

	/** Page the notice links to, if any. */
	default @Nullable String link() {
		return null;
	}
}
