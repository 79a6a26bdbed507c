package cn.kaowu.platform.bank;

import java.util.Arrays;
import java.util.Optional;

/** 题型 of an item. */
public enum ItemType {
	/** 单选: exactly one correct option among 2–6. */
	SINGLE("单选"),
	/** 多选: at least two correct options among 3–6. */
	MULTIPLE("多选"),
	/** 判断: true or false, no options. */
	TRUE_FALSE("判断"),
	/** 实操: instructions, attachments and a rubric whose points add up to the item's points. */
	PRACTICAL("实操");

	private final String label;

	ItemType(String label) {
		this.label = label;
	}

	/** The Chinese label used in the pages and the import file. */
	public String label() {
		return label;
	}

	public boolean objective() {
		return this != PRACTICAL;
	}

	public boolean hasOptions() {
		return this == SINGLE || this == MULTIPLE;
	}

	public String messageKey() {
		return "bank.type." + name();
	}

	public static Optional<ItemType> fromLabel(String text) {
		String t = text == null ? "" : text.strip();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equalsIgnoreCase(t)).findFirst();
	}
}
