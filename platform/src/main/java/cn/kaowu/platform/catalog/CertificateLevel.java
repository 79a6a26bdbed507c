package cn.kaowu.platform.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three levels of a 1+X certificate. Each level of a certificate is a certificate of its own with its
 * own 16-digit code (DOMAIN.md §2). The Chinese label is part of the official certificate name and of the
 * import templates (证书等级), so it lives here; page text uses {@link #messageKey()}.
 */
public enum CertificateLevel {
	/** 初级. */
	JUNIOR("初级", 380),
	/** 中级. */
	INTERMEDIATE("中级", 360),
	/** 高级. */
	SENIOR("高级", 360);

	private final String label;

	private final int defaultFeeYuan;

	CertificateLevel(String label, int defaultFeeYuan) {
		this.label = label;
		this.defaultFeeYuan = defaultFeeYuan;
	}

	/** 初级 / 中级 / 高级, as printed in certificate names and import files. */
	public String label() {
		return label;
	}

	/**
	 * A subject as people name it, with its level: the seed's subject names already carry it (初级理论), short ones
	 * (理论) get it in front; never 初级初级理论.
	 */
	public String withSubject(String subjectName) {
		return subjectName.startsWith(label) ? subjectName : label + subjectName;
	}

	/**
	 * The exam fee per candidate where the province has set no standard (004 ch.3 §9: 初级 380 元, 中级/高级
	 * 360 元, settled later by refund or top-up).
	 */
	public BigDecimal defaultFee() {
		return BigDecimal.valueOf(defaultFeeYuan);
	}

	public String messageKey() {
		return "catalog.level." + name();
	}

	/** The level for its Chinese label, e.g. from an import file. */
	public static Optional<CertificateLevel> fromLabel(String label) {
		String trimmed = label == null ? "" : label.trim();
		return Arrays.stream(values()).filter(l -> l.label.equals(trimmed)).findFirst();
	}
}
