package cn.kaowu.platform.room;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The review of a submitted invigilator by the ORG owning the plan (004 ch.3 §6). */
public enum InvigilatorStatus {

	/** 待审核: submitted by the college, due within 2 working days. */
	PENDING,
	/** 已通过: the ORG accepted the person; the scheduler may assign them. */
	APPROVED,
	/** 已退回: the ORG returned it with a reason; the college may submit again. */
	RETURNED;

	static {
		PENDING.next = EnumSet.of(APPROVED, RETURNED);
		APPROVED.next = EnumSet.noneOf(InvigilatorStatus.class);
		RETURNED.next = EnumSet.of(PENDING);
	}

	private Set<InvigilatorStatus> next;

	public boolean canMoveTo(InvigilatorStatus target) {
		return next.contains(target);
	}

	InvigilatorStatus approve() {
		return moveTo(APPROVED, "审核通过");
	}

	InvigilatorStatus returnForChanges() {
		return moveTo(RETURNED, "退回");
	}

	InvigilatorStatus resubmit() {
		return moveTo(PENDING, "重新提交");
	}

	public String tag() {
		return switch (this) {
			case PENDING -> "tag-warning";
			case APPROVED -> "tag-success";
			case RETURNED -> "tag-danger";
		};
	}

	public String messageKey() {
		return "room.invigilator.status." + name();
	}

	private InvigilatorStatus moveTo(InvigilatorStatus target, String action) {
		if (!canMoveTo(target)) {
			throw new IllegalStateTransition("监考人员",
					new DefaultMessageSourceResolvable(new String[] { messageKey() }, name()), action);
		}
		return target;
	}
}
