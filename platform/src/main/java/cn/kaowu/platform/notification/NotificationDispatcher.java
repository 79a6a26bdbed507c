package cn.kaowu.platform.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.Notifiable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns committed {@link Notifiable} events into inbox entries, then hands them to the outside channels.
 * Runs after the change's transaction commits; failed deliveries stay in the event publication log for retry.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final List<NotificationChannel> channels;

	private final MessageSource messages;

	private final Clock clock;

	NotificationDispatcher(JdbcClient jdbc, AccountManagement accounts, List<NotificationChannel> channels,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.channels = channels;
		this.messages = messages;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(Notifiable event) {
		String[] args = event.messageArgs().toArray(String[]::new);
		Timestamp now = Timestamp.from(clock.instant());
		for (Long org : event.recipientOrganisations()) {
			insert(org, null, event, args, now);
		}
		for (Long account : event.recipientAccounts()) {
			insert(null, account, event, args, now);
		}
		if (channels.isEmpty()) {
			return;
		}
		// Outside channels speak Chinese: the people they reach are Chinese exam offices.
		String title = messages.getMessage(event.messageKey(), args, event.messageKey(), Locale.SIMPLIFIED_CHINESE);
		String body = messages.getMessage(event.messageKey() + ".body", args, "", Locale.SIMPLIFIED_CHINESE);
		for (var contact : accounts.contacts(event.recipientOrganisations(), event.recipientAccounts())) {
			for (NotificationChannel channel : channels) {
				try {
					channel.deliver(new NotificationChannel.Delivery(contact.accountId(), contact.email(), title, body,
							event.link()));
				}
				catch (RuntimeException e) {
					log.warn("Notification via {} to account {} failed: {}", channel.name(), contact.accountId(),
							e.toString());
				}
			}
		}
	}

	private void insert(Long org, Long account, Notifiable event, String[] args, Timestamp now) {
		jdbc.sql("""
				INSERT INTO notification (recipient_org_id, recipient_account_id, message_key, message_args, link,
				  created_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(org, account, event.messageKey(), args, event.link(), now)
			.update();
	}
}
