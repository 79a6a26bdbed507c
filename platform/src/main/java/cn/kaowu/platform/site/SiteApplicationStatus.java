package cn.kaowu.platform.site;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The application of a site (004 ch.2): {@code DRAFT → SUBMITTED → APPROVED | RETURNED}; a returned one is
 * fixed and submitted again; a submitted one not yet reviewed can be withdrawn (撤销) to a draft. Each verb
 * answers the next state or fails naming the current one.
 */
public enum SiteApplicationStatus {

	/** 未提交: the college is still writing it; it may be edited or deleted. */
	DRAFT,
	/** 待审核: waiting in the ORG's daily review queue; the college may withdraw it. */
	SUBMITTED,
	/** 审核通过: the site has a code and a qualification certificate and is filed with the province. */
	APPROVED,
	/** 审核退回: the ORG returned it with a reason; the college fixes and resubmits it, or deletes it. */
	RETURNED;

	static {
		DRAFT.next = EnumSet.of(SUBMITTED);
		SUBMITTED.next = EnumSet.of(DRAFT, APPROVED, RETURNED);
		APPROVED.next = EnumSet.noneOf(SiteApplicationStatus.class);
		RETURNED.next = EnumSet.of(SUBMITTED);
	}

	private Set<SiteApplicationStatus> next;

	public boolean canMoveTo(SiteApplicationStatus target) {
		return next.contains(target);
	}

	/** Whether the college may change or delete it (未提交, 审核退回). */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public SiteApplicationStatus submit() {
		return moveTo(SUBMITTED, "提交");
	}

	/** 撤销: back to a draft, only while not yet reviewed. */
	public SiteApplicationStatus withdraw() {
		return moveTo(DRAFT, "撤销");
	}

	public SiteApplicationStatus approve() {
		return moveTo(APPROVED, "审核通过");
	}

	public SiteApplicationStatus returnForChanges() {
		return moveTo(RETURNED, "退回");
	}

	/** Fails unless the college may still change it; {@code action} names the refused action (编辑, 删除). */
	public void requireEditable(String action) {
		if (!editable()) {
			throw refused(action);
		}
	}

	public String messageKey() {
		return "site.status." + name();
	}

	private SiteApplicationStatus moveTo(SiteApplicationStatus target, String action) {
		if (!canMoveTo(target)) {
			throw refused(action);
		}
		return target;
	}

	private IllegalStateTransition refused(String action) {
		return new IllegalStateTransition("考核站点申报",
				new DefaultMessageSourceResolvable(new String[] { messageKey() }, name()), action);
	}
}
