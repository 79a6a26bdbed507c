package cn.kaowu.platform.materials;

import java.util.regex.Pattern;

/** Printed materials carry masked ID numbers only; a whole one is a bug in the caller. */
final class MaskedId {

	private static final Pattern WHOLE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

	private MaskedId() {
	}

	static String require(String maskedIdNumber) {
		if (WHOLE.matcher(maskedIdNumber.trim()).matches()) {
			throw new IllegalArgumentException("printed materials take masked ID numbers only (ChineseIdNumber.mask)");
		}
		return maskedIdNumber;
	}
}
