package cn.kaowu.platform.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's notices: those addressed to the account and those to its organisation. */
@Service
public class Inbox {

	private static final String MINE = """
			(n.recipient_account_id = :account OR n.recipient_org_id = :org)""";

	private final JdbcClient jdbc;

	private final ProblemMessages messages;

	private final Clock clock;

	Inbox(JdbcClient jdbc, ProblemMessages messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public long unreadCount(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM notification n WHERE " + MINE
				+ " AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.account_id = :account)")
			.param("account", accountOf(scope))
			.param("org", orgOf(scope))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public PageResult<InboxEntry> list(Scope scope, PageQuery page) {
		long total = jdbc.sql("SELECT count(*) FROM notification n WHERE " + MINE)
			.param("account", accountOf(scope))
			.param("org", orgOf(scope))
			.query(Long.class)
			.single();
		List<InboxEntry> items = jdbc.sql("""
				SELECT n.*, EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id
				  AND r.account_id = :account) AS is_read FROM notification n WHERE """ + MINE + """
				 ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset""")
			.param("account", accountOf(scope))
			.param("org", orgOf(scope))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				String key = rs.getString("message_key");
				Object[] args = (Object[]) rs.getArray("message_args").getArray();
				String body = messages.text(key + ".body", args);
				return new InboxEntry(rs.getLong("id"), messages.text(key, args),
						body.equals(key + ".body") ? "" : body, rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), rs.getBoolean("is_read"));
			})
			.list();
		return PageResult.of(items, page, total);
	}

	/** Marks notices read for the caller; ids of other people's notices are ignored. */
	@Transactional
	public void markRead(Scope scope, List<Long> ids) {
		for (long id : ids) {
			jdbc.sql("INSERT INTO notification_read (notification_id, account_id, read_at) SELECT n.id, :account, :now"
					+ " FROM notification n WHERE n.id = :id AND " + MINE + " ON CONFLICT DO NOTHING")
				.param("account", accountOf(scope))
				.param("org", orgOf(scope))
				.param("now", Timestamp.from(clock.instant()))
				.param("id", id)
				.update();
		}
	}

	@Transactional
	public void markAllRead(Scope scope) {
		jdbc.sql("INSERT INTO notification_read (notification_id, account_id, read_at) SELECT n.id, :account, :now"
				+ " FROM notification n WHERE " + MINE + " ON CONFLICT DO NOTHING")
			.param("account", accountOf(scope))
			.param("org", orgOf(scope))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static long accountOf(Scope scope) {
		return scope.accountId() == null ? -1 : scope.accountId();
	}

	private static long orgOf(Scope scope) {
		return scope.organisationId() == null ? -1 : scope.organisationId();
	}
}
