package cn.kaowu.platform.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The 18-character resident identity number of GB 11643-1999: 6 digits of area, 8 of birth date, 3 of sequence
 * and a check digit (ISO 7064 MOD 11-2, where 10 is written {@code X}). A lower-case {@code x} is accepted and
 * normalised to upper case. Shared by the staff and candidate modules; message keys {@code idNumber.*} are in {@code messages}.
 */
public final class ChineseIdNumber {

	public static final int LENGTH = 18;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private ChineseIdNumber() {
	}

	/** The number trimmed and with an upper-case X; unchanged otherwise. */
	public static String normalise(@Nullable String number) {
		return number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
	}

	/** The problem with a number (message keys {@code idNumber.*}), or nothing if it is valid. */
	public static Optional<FieldProblem> problem(String field, @Nullable String number) {
		String n = normalise(number);
		if (n.isEmpty()) {
			return Optional.of(new FieldProblem(field, "idNumber.required"));
		}
		if (n.length() != LENGTH) {
			return Optional.of(new FieldProblem(field, "idNumber.length", n.length()));
		}
		for (int i = 0; i < LENGTH - 1; i++) {
			if (n.charAt(i) < '0' || n.charAt(i) > '9') {
				return Optional.of(new FieldProblem(field, "idNumber.pattern"));
			}
		}
		char last = n.charAt(LENGTH - 1);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			return Optional.of(new FieldProblem(field, "idNumber.pattern"));
		}
		if (birthDate(n).isEmpty()) {
			return Optional.of(new FieldProblem(field, "idNumber.birthDate"));
		}
		if (checkDigit(n.substring(0, LENGTH - 1)) != last) {
			return Optional.of(new FieldProblem(field, "idNumber.checkDigit"));
		}
		return Optional.empty();
	}

	public static boolean isValid(@Nullable String number) {
		return problem("", number).isEmpty();
	}

	/** The check digit of the first 17 digits. */
	public static char checkDigit(String first17) {
		if (first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("17 digits expected");
		}
		int sum = 0;
		for (int i = 0; i < first17.length(); i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** The 17 digits followed by their check digit. */
	public static String complete(String first17) {
		return first17 + checkDigit(first17);
	}

	/**
	 * The number as lists and exports show it: the first 6 and the last 4 characters, the birth date and
	 * sequence hidden, e.g. {@code 370682********0635}. Anything that is not 18 characters long is hidden whole
	 * but for its last 4 characters.
	 */
	public static String mask(@Nullable String number) {
		String n = normalise(number);
		if (n.length() == LENGTH) {
			return n.substring(0, 6) + "********" + n.substring(14);
		}
		if (n.length() <= 4) {
			return "*".repeat(n.length());
		}
		return "*".repeat(n.length() - 4) + n.substring(n.length() - 4);
	}

	/** A mobile number as lists show it, e.g. {@code 138****5678}. */
	public static String maskPhone(@Nullable String phone) {
		String p = phone == null ? "" : phone.trim();
		if (p.length() < 7) {
			return "*".repeat(p.length());
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
	}

	private static final java.util.regex.Pattern ID_IN_TEXT = java.util.regex.Pattern
		.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");

	private static final java.util.regex.Pattern PHONE_IN_TEXT = java.util.regex.Pattern
		.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

	/**
	 * Free text (a job's message, which may echo an uploaded file's name) with every 18-character ID number and every
	 * mobile number in it masked as {@link #mask} and {@link #maskPhone} show them.
	 */
	public static String maskWithin(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String ids = ID_IN_TEXT.matcher(text).replaceAll("$1********$2");
		return PHONE_IN_TEXT.matcher(ids).replaceAll("$1****$2");
	}

	private static Optional<LocalDate> birthDate(String n) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
					Integer.parseInt(n.substring(12, 14)));
			return date.getYear() < 1800 ? Optional.empty() : Optional.of(date);
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}
}
