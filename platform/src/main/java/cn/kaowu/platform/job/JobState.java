package cn.kaowu.platform.job;

/** Where a job is. */
public enum JobState {
	/** 排队中. */
	QUEUED,
	/** 执行中. */
	RUNNING,
	/** 已完成. */
	SUCCEEDED,
	/** 失败: the message says why; nothing was applied unless the message says what was. */
	FAILED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}

	public String messageKey() {
		return "job.state." + name();
	}
}
