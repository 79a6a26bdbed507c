package cn.kaowu.platform.bank;

/** Whether an item may be drawn into papers. Items are never deleted: versions may be referenced by packages. */
public enum ItemStatus {
	/** 启用: drawn into papers and counted by blueprints. */
	ACTIVE,
	/** 停用: kept with its history, not drawn. */
	RETIRED;

	public String messageKey() {
		return "bank.status." + name();
	}

	public String tag() {
		return this == ACTIVE ? "tag-success" : "tag-muted";
	}
}
