package cn.kaowu.platform.candidate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.kaowu.platform.kernel.ChineseIdNumber;

/**
 * 证件类型 of the import template, each with the format its numbers must have. Only 身份证 has a check digit that
 * can be verified offline; the other documents go to manual confirmation.
 */
public enum IdType {
	/** 居民身份证: 18 characters, GB 11643 check digit (a lower-case x is accepted). */
	ID_CARD("身份证"),
	/**
	 * 港澳台居民居住证: 18 characters like a resident ID, with the check digit, area code 810000 (Hong Kong),
	 * 820000 (Macao) or 830000 (Taiwan).
	 */
	HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
	/**
	 * 港澳台身份证 (and the mainland travel permits): Hong Kong {@code A123456(7)}, Macao {@code 1234567(8)}, Taiwan
	 * {@code A123456789}, 回乡证 {@code H12345678}/{@code M12345678}, 台胞证 8 digits.
	 */
	HMT_ID_CARD("港澳台身份证"),
	/** 护照: 5–17 letters and digits with at least one digit (e.g. {@code E12345678}). */
	PASSPORT("护照");

	private static final Pattern HMT = Pattern
		.compile("[A-Z]{1,2}[0-9]{6}\\(?[0-9A]\\)?|[157][0-9]{6}\\(?[0-9]\\)?|[A-Z][12][0-9]{8}|[HM][0-9]{8,10}|[0-9]{8}");

	private static final Pattern PASSPORT_NO = Pattern.compile("(?=.*[0-9])[A-Z0-9]{5,17}");

	private final String label;

	IdType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String messageKey() {
		return "candidate.idType." + name();
	}

	public static Optional<IdType> ofLabel(String text) {
		for (IdType t : values()) {
			if (t.label.equals(text)) {
				return Optional.of(t);
			}
		}
		// The seed writes the two Hong Kong/Macao/Taiwan documents as one choice.
		if (text.equals("港澳台居民居住证/港澳台身份证")) {
			return Optional.of(HMT_ID_CARD);
		}
		return Optional.empty();
	}

	/** The number as stored: trimmed, upper case, without inner spaces. */
	public String normalise(String number) {
		return number.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT);
	}

	/** Why the (normalised) number does not fit this document, as a message key of {@code i18n/candidate}; empty if it fits. */
	public Optional<String> problem(String number) {
		return switch (this) {
			case ID_CARD -> ChineseIdNumber.problem("", number).map(p -> "candidate.idNumber." + p.messageKey().substring("idNumber.".length()));
			case HMT_RESIDENCE_PERMIT -> !number.matches("8[123]0000[0-9]{11}[0-9X]") ? Optional.of("candidate.idNumber.residencePermit")
					: ChineseIdNumber.problem("", number).map(p -> "candidate.idNumber.checkDigit");
			case HMT_ID_CARD -> HMT.matcher(number).matches() ? Optional.empty() : Optional.of("candidate.idNumber.hmt");
			case PASSPORT -> PASSPORT_NO.matcher(number).matches() ? Optional.empty() : Optional.of("candidate.idNumber.passport");
		};
	}
}
