package cn.kaowu.platform.site;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The operating status of an approved site, set by the ORG's evaluation (002 ch.6): a suspended site may be
 * reinstated after rectification; revocation is final. Only an ACTIVE site receives registrations and rooms.
 */
public enum SiteStatus {

	/** 正常: may hold exams. */
	ACTIVE,
	/** 暂停: exams suspended until rectified. */
	SUSPENDED,
	/** 撤销: qualification revoked, reported to the province; final. */
	REVOKED;

	static {
		ACTIVE.next = EnumSet.of(SUSPENDED, REVOKED);
		SUSPENDED.next = EnumSet.of(ACTIVE, REVOKED);
		REVOKED.next = EnumSet.noneOf(SiteStatus.class);
	}

	private Set<SiteStatus> next;

	public boolean canMoveTo(SiteStatus target) {
		return next.contains(target);
	}

	public SiteStatus suspend() {
		return moveTo(SUSPENDED, "暂停");
	}

	public SiteStatus revoke() {
		return moveTo(REVOKED, "撤销资格");
	}

	public SiteStatus reinstate() {
		return moveTo(ACTIVE, "恢复");
	}

	public String messageKey() {
		return "site.operating." + name();
	}

	private SiteStatus moveTo(SiteStatus target, String action) {
		if (!canMoveTo(target)) {
			throw new IllegalStateTransition("考核站点",
					new DefaultMessageSourceResolvable(new String[] { messageKey() }, name()), action);
		}
		return target;
	}
}
