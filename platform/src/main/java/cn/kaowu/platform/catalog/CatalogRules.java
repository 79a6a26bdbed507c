package cn.kaowu.platform.catalog;

import java.util.Optional;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The code and mark rules of the catalogue, as pure functions so that forms, imports and the service check
 * the same thing. Each check answers the problem of one field (message key of {@code i18n/catalog}) or
 * nothing.
 * <ul>
 * <li>A level's certificate code (证书代码) is 16 digits starting with {@code 15}, e.g.
 * {@code 1530003007010027}.</li>
 * <li>A subject code (科目代码) is 19 digits: {@code 16}, the level code without its leading {@code 15}, and
 * a 3-digit number, e.g. {@code 1630003007010027101}. The seed table (004 ch.3 §1) holds this for all six
 * subjects of 网店运营推广.</li>
 * <li>Scores are out of 100; a pass mark lies in 0–100 inclusive, 60 unless the ORG says otherwise.</li>
 * </ul>
 */
public final class CatalogRules {

	public static final int LEVEL_CODE_LENGTH = 16;

	public static final int SUBJECT_CODE_LENGTH = 19;

	public static final String LEVEL_CODE_PREFIX = "15";

	public static final String SUBJECT_CODE_PREFIX = "16";

	public static final int FULL_MARKS = 100;

	public static final int DEFAULT_PASS_MARK = 60;

	/** Suffix of official certificate names, e.g. 网店运营推广职业技能等级证书. */
	static final String CERTIFICATE_SUFFIX = "职业技能等级证书";

	private CatalogRules() {
	}

	/** The problem with a certificate (level) code, if any. */
	public static Optional<FieldProblem> levelCode(String field, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return problem(field, "catalog.level.code.required");
		}
		if (!digits(code, LEVEL_CODE_LENGTH)) {
			return problem(field, "catalog.level.code.pattern");
		}
		if (!code.startsWith(LEVEL_CODE_PREFIX)) {
			return problem(field, "catalog.level.code.prefix");
		}
		return Optional.empty();
	}

	/**
	 * The problem with a subject code, if any. The prefix is checked against {@code levelCode} when that is a
	 * valid level code; otherwise only the leading {@code 16}.
	 */
	public static Optional<FieldProblem> subjectCode(String field, @Nullable String code, @Nullable String levelCode) {
		if (code == null || code.isBlank()) {
			return problem(field, "catalog.subject.code.required");
		}
		if (!digits(code, SUBJECT_CODE_LENGTH)) {
			return problem(field, "catalog.subject.code.pattern");
		}
		if (levelCode != null && levelCode(field, levelCode).isEmpty()) {
			String prefix = subjectCodePrefix(levelCode);
			if (!code.startsWith(prefix)) {
				return problem(field, "catalog.subject.code.prefix", prefix);
			}
		}
		else if (!code.startsWith(SUBJECT_CODE_PREFIX)) {
			return problem(field, "catalog.subject.code.prefix16");
		}
		return Optional.empty();
	}

	/** The problem with a pass mark, if any: required, 0–100 inclusive. */
	public static Optional<FieldProblem> passMark(String field, @Nullable Integer passMark) {
		if (passMark == null) {
			return problem(field, "catalog.subject.passMark.required");
		}
		if (passMark < 0 || passMark > FULL_MARKS) {
			return problem(field, "catalog.subject.passMark.range");
		}
		return Optional.empty();
	}

	/** The first 16 digits every subject code of the level must start with: {@code 16} + code without {@code 15}. */
	public static String subjectCodePrefix(String levelCode) {
		return SUBJECT_CODE_PREFIX + levelCode.substring(LEVEL_CODE_PREFIX.length());
	}

	/** The official name of a level, e.g. 网店运营推广职业技能等级证书（初级）. */
	public static String displayName(String certificateName, CertificateLevel level) {
		String base = certificateName.endsWith(CERTIFICATE_SUFFIX) ? certificateName
				: certificateName + CERTIFICATE_SUFFIX;
		return base + "（" + level.label() + "）";
	}

	private static boolean digits(String code, int length) {
		if (code.length() != length) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static Optional<FieldProblem> problem(String field, String key, Object... args) {
		return Optional.of(new FieldProblem(field, key, args));
	}
}
