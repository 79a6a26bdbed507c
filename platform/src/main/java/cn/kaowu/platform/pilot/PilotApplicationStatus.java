package cn.kaowu.platform.pilot;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The life of a pilot application (004 ch.1): {@code DRAFT → SUBMITTED → (CITY_APPROVED →) APPROVED | REJECTED}.
 * Whether the city step applies is the batch's choice and checked by {@link PilotManagement}; this enum only
 * knows which moves exist. Each verb answers the next state or fails naming the current one.
 */
public enum PilotApplicationStatus {

	/** 待提交: the college is still writing it; only the college sees it; it may be edited or deleted. */
	DRAFT,
	/** 待审核: submitted inside the batch's window, waiting for the city (if the batch says so) or the province. */
	SUBMITTED,
	/** 地市已审核: the city bureau approved; waiting for the province. */
	CITY_APPROVED,
	/** 审核通过: the province approved it with a scale; the college is a pilot college of the batch's year. */
	APPROVED,
	/** 审核不通过: refused by the city or the province, with a reason. */
	REJECTED;

	static {
		DRAFT.next = EnumSet.of(SUBMITTED);
		SUBMITTED.next = EnumSet.of(CITY_APPROVED, APPROVED, REJECTED);
		CITY_APPROVED.next = EnumSet.of(APPROVED, REJECTED);
		APPROVED.next = EnumSet.noneOf(PilotApplicationStatus.class);
		REJECTED.next = EnumSet.noneOf(PilotApplicationStatus.class);
	}

	private Set<PilotApplicationStatus> next;

	public boolean canMoveTo(PilotApplicationStatus target) {
		return next.contains(target);
	}

	/** Whether the college may still change or delete the application. */
	public boolean editable() {
		return this == DRAFT;
	}

	public PilotApplicationStatus submit() {
		return moveTo(SUBMITTED, "提交");
	}

	public PilotApplicationStatus approveByCity() {
		return moveTo(CITY_APPROVED, "地市初审");
	}

	public PilotApplicationStatus approve() {
		return moveTo(APPROVED, "审核通过");
	}

	public PilotApplicationStatus reject() {
		return moveTo(REJECTED, "审核不通过");
	}

	/** Fails unless the application may still be changed; {@code action} names the refused action (编辑, 删除). */
	public void requireEditable(String action) {
		if (!editable()) {
			throw refused(action);
		}
	}

	public String messageKey() {
		return "pilot.status." + name();
	}

	private PilotApplicationStatus moveTo(PilotApplicationStatus target, String action) {
		if (!canMoveTo(target)) {
			throw refused(action);
		}
		return target;
	}

	/** The refusal of {@code action} in this state: "试点申报当前状态为“审核通过”，不能提交". */
	IllegalStateTransition refused(String action) {
		return new IllegalStateTransition("试点申报", new DefaultMessageSourceResolvable(new String[] { messageKey() },
				name()), action);
	}
}
