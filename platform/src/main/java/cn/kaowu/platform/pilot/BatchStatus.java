package cn.kaowu.platform.pilot;

import java.util.EnumSet;
import java.util.Set;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** A batch is prepared by the province and then published to its colleges; only a draft may change. */
public enum BatchStatus {

	/** 未发布: only the province sees it; it may be edited or deleted. */
	DRAFT,
	/** 已发布: the province's colleges see it and apply inside its window. */
	PUBLISHED;

	static {
		DRAFT.next = EnumSet.of(PUBLISHED);
		PUBLISHED.next = EnumSet.noneOf(BatchStatus.class);
	}

	private Set<BatchStatus> next;

	public boolean canMoveTo(BatchStatus target) {
		return next.contains(target);
	}

	public BatchStatus publish() {
		if (!canMoveTo(PUBLISHED)) {
			throw refused("发布");
		}
		return PUBLISHED;
	}

	/** Fails unless the batch is still a draft; {@code action} names the refused action (编辑, 删除). */
	public void requireEditable(String action) {
		if (this != DRAFT) {
			throw refused(action);
		}
	}

	public String messageKey() {
		return "pilot.batch.status." + name();
	}

	private IllegalStateTransition refused(String action) {
		return new IllegalStateTransition("申报批次", new DefaultMessageSourceResolvable(new String[] { messageKey() },
				name()), action);
	}
}
