package cn.kaowu.platform.notification;

/** A way to reach people outside the platform (e-mail, SMS, WeChat). */
public interface NotificationChannel {

	/** Short name used in logs, e.g. {@code email}. */
	String name();

	/** Sends one message; failures are logged by the caller and never undo the inbox entry. */
	void deliver(Delivery delivery);

	/**
	 * One message to one account.
	 *
	 * @param accountId recipient account
	 * @param email the account's e-mail address, if known
	 * @param title rendered title
	 * @param body rendered body
	 * @param link absolute or platform-relative link, if any
	 */
	record Delivery(long accountId, String email, String title, String body, String link) {
	}
}
