package cn.kaowu.platform.plan;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The life of a plan: prepared by the ORG, published to the colleges, archived when it is over. */
public enum PlanStatus {

	/** 未发布: only the ORG sees it; it may be edited or deleted. */
	DRAFT,
	/** 已发布: colleges see it; windows and subjects change only until registration starts. */
	PUBLISHED,
	/** 已归档: a finished plan put aside; read-only. */
	ARCHIVED;

	static {
		DRAFT.next = EnumSet.of(PUBLISHED);
		PUBLISHED.next = EnumSet.of(ARCHIVED);
		ARCHIVED.next = EnumSet.noneOf(PlanStatus.class);
	}

	private Set<PlanStatus> next;

	public boolean canMoveTo(PlanStatus target) {
		return next.contains(target);
	}

	PlanStatus publish() {
		return moveTo(PUBLISHED, "发布");
	}

	PlanStatus archive() {
		return moveTo(ARCHIVED, "归档");
	}

	/** Fails unless the plan is a draft; {@code action} names the refused action (删除). */
	void requireDraft(String action) {
		if (this != DRAFT) {
			throw refused(action);
		}
	}

	public String messageKey() {
		return "plan.status." + name();
	}

	private PlanStatus moveTo(PlanStatus target, String action) {
		if (!canMoveTo(target)) {
			throw refused(action);
		}
		return target;
	}

	IllegalStateTransition refused(String action) {
		return new IllegalStateTransition("考核计划",
				new DefaultMessageSourceResolvable(new String[] { messageKey() }, name()), action);
	}
}
