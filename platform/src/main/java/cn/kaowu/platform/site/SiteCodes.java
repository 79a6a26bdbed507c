package cn.kaowu.platform.site;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Site codes (考核站点编号): {@code <certificate>-<province>-<sequence>}, e.g. {@code 30003007-320000-001}
 * for the first 网店运营推广 site in 江苏.
 * <ul>
 * <li>certificate: the 8 digits of the certificate's level codes after the leading "15" that all levels share
 * (1530003007010027 → 30003007); {@code C} + the certificate id (8 digits) when it has no level;</li>
 * <li>province: the province's organisation code (320000 for 江苏);</li>
 * <li>sequence: 3 digits, one more than the highest code with the same prefix (never reused, so a code
 * identifies one site forever); unique in the database.</li>
 * </ul>
 */
public final class SiteCodes {

	private static final Pattern SEQUENCE = Pattern.compile("\\d{3,}");

	private SiteCodes() {
	}

	/** The certificate part, from the certificate's level codes (any level) or its id. */
	public static String certificatePart(Collection<String> levelCodes, long certificateId) {
		Optional<String> code = levelCodes.stream()
			.filter(c -> c.length() == 16 && c.startsWith("15"))
			.min(Comparator.naturalOrder());
		return code.map(c -> c.substring(2, 10)).orElseGet(() -> "C" + String.format("%08d", certificateId));
	}

	public static String prefix(String certificatePart, String provinceCode) {
		return certificatePart + "-" + provinceCode + "-";
	}

	/** The next code after the existing codes of the same prefix. */
	public static String next(String prefix, Collection<String> existing) {
		int highest = existing.stream()
			.filter(c -> c.startsWith(prefix))
			.map(c -> c.substring(prefix.length()))
			.filter(s -> SEQUENCE.matcher(s).matches())
			.mapToInt(Integer::parseInt)
			.max()
			.orElse(0);
		return prefix + String.format("%03d", highest + 1);
	}
}
