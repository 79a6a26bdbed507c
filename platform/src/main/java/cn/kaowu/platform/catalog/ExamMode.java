package cn.kaowu.platform.catalog;

import java.util.Arrays;
import java.util.Optional;

/** 考试方式 of a subject (DOMAIN.md §2). The room type a subject needs is derived from it. */
public enum ExamMode {
	/** 机考: on the site's LAN exam system. */
	COMPUTER("机考"),
	/** 笔试: on paper. */
	WRITTEN("笔试"),
	/** 实操: practical task. */
	PRACTICAL("实操"),
	/** 机考+实操. */
	COMPUTER_PRACTICAL("机考+实操"),
	/** 笔试+实操. */
	WRITTEN_PRACTICAL("笔试+实操");

	private final String label;

	ExamMode(String label) {
		this.label = label;
	}

	/** The Chinese label used in the national platform's tables and import files. */
	public String label() {
		return label;
	}

	public boolean includesComputer() {
		return this == COMPUTER || this == COMPUTER_PRACTICAL;
	}

	public boolean includesWritten() {
		return this == WRITTEN || this == WRITTEN_PRACTICAL;
	}

	public boolean includesPractical() {
		return this == PRACTICAL || this == COMPUTER_PRACTICAL || this == WRITTEN_PRACTICAL;
	}

	public String messageKey() {
		return "catalog.examMode." + name();
	}

	public static Optional<ExamMode> fromLabel(String label) {
		String trimmed = label == null ? "" : label.trim();
		return Arrays.stream(values()).filter(m -> m.label.equals(trimmed)).findFirst();
	}
}
