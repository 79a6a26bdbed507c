package cn.kaowu.platform.candidate;

import java.util.Optional;

/** 性别 as the template writes it. */
public enum CandidateGender {
	/** 男. */
	MALE("男"),
	/** 女. */
	FEMALE("女");

	private final String label;

	CandidateGender(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String messageKey() {
		return "candidate.gender." + name();
	}

	public static Optional<CandidateGender> ofLabel(String text) {
		for (CandidateGender g : values()) {
			if (g.label.equals(text)) {
				return Optional.of(g);
			}
		}
		return Optional.empty();
	}
}
