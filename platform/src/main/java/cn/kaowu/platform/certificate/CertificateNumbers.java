package cn.kaowu.platform.certificate;

/**
 * Certificate numbers: the level's catalog code, the plan's year and a six-digit sequence per code and year, e.g.
 * {@code 0012-1-2026000001} for the first certificate of code {@code 0012-1} in 2026. Given once, when a row is final
 * (confirmed by both sides); the sequence lives in {@code certificate_number_sequence} (one row per code and year,
 * incremented under its row lock), the number is unique in the database and never changed (trigger).
 */
public final class CertificateNumbers {

	public static final int MAX_SEQUENCE = 999_999;

	private CertificateNumbers() {
	}

	public static String format(String levelCode, int year, int sequence) {
		if (sequence < 1 || sequence > MAX_SEQUENCE) {
			throw new IllegalArgumentException("sequence out of range: " + sequence);
		}
		return levelCode + "-" + year + String.format("%06d", sequence);
	}
}
