package cn.kaowu.platform.kernel;

import java.util.List;

/**
 * An alert shown at the top of every page to the users it concerns (for instance a broken audit chain to
 * administrators), contributed by the module that knows about it as a bean of {@link Source}.
 *
 * @param messageKey message key of the text
 * @param args its arguments
 * @param link where the user goes to act on it
 */
public record PageAlert(String messageKey, List<Object> args, String link) {

	/** Alerts of one module for the signed-in caller; must be cheap, it runs on every page. */
	public interface Source {

		List<PageAlert> alerts(Scope scope);
	}
}
