package cn.kaowu.platform.candidate;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The checks of one candidate, shared by the form, the API and the import: every field of the template with its
 * problem (message keys of {@code i18n/candidate}), all at once.
 */
final class CandidateRules {

	/** The template's columns by field, in template order. */
	static final Map<String, String> COLUMNS = columns();

	static final Pattern PHONE = Pattern.compile("1[0-9]{10}");

	static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	static final Pattern MAJOR_CODE = Pattern.compile("[0-9A-Za-z]{4,10}");

	static final int FIRST_YEAR = 1990;

	static final Set<String> LEVELS = Set.of("中职", "高职", "专科", "高职专科", "高职本科", "职业本科", "本科", "研究生");

	private CandidateRules() {
	}

	/** The raw input of one candidate, as typed or as read from a row. */
	record Input(String name, String pinyin, String gender, String idType, String idNumber, String phone,
			String enrolmentYear, String educationLevel, String majorName, String majorCode) {
	}

	/** The checked values. */
	record Values(String name, String pinyin, CandidateGender gender, IdType idType, String idNumber, String phone,
			int enrolmentYear, String educationLevel, String majorName, String majorCode) {

		String identity() {
			return idType.name() + ":" + idNumber;
		}
	}

	/** Either values or problems. */
	record Checked(@Nullable Values values, List<FieldProblem> problems) {
	}

	private static Map<String, String> columns() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("name", "*学生姓名");
		m.put("pinyin", "*姓名拼音");
		m.put("gender", "*性别");
		m.put("idType", "*证件类型");
		m.put("idNumber", "*证件号码");
		m.put("phone", "*手机号码");
		m.put("enrolmentYear", "*入学年份");
		m.put("educationLevel", "*专业层次");
		m.put("majorName", "*就读专业");
		m.put("majorCode", "*专业代码");
		return java.util.Collections.unmodifiableMap(m);
	}

	static Checked check(Input in, int currentYear) {
		List<FieldProblem> p = new ArrayList<>();
		String name = in.name().strip();
		if (name.isEmpty()) {
			p.add(new FieldProblem("name", "candidate.required"));
		}
		else if (name.length() > 50 || !name.matches("[\\p{IsHan}·•・．.A-Za-z ]+")) {
			p.add(new FieldProblem("name", "candidate.name.pattern"));
		}
		String pinyin = in.pinyin().strip();
		if (pinyin.isEmpty()) {
			p.add(new FieldProblem("pinyin", "candidate.required"));
		}
		else if (!NamePinyin.FORMAT.matcher(pinyin).matches() || pinyin.length() > 100) {
			p.add(new FieldProblem("pinyin", "candidate.pinyin.format",
					NamePinyin.suggest(name).orElse("Zhang Sanfeng")));
		}
		else if (!name.isEmpty() && !NamePinyin.matches(name, pinyin)) {
			p.add(new FieldProblem("pinyin", "candidate.pinyin.mismatch", NamePinyin.suggest(name).orElse("")));
		}
		CandidateGender gender = null;
		if (in.gender().isBlank()) {
			p.add(new FieldProblem("gender", "candidate.required"));
		}
		else {
			gender = CandidateGender.ofLabel(in.gender().strip()).orElse(enumOrNull(CandidateGender.class, in.gender()));
			if (gender == null) {
				p.add(new FieldProblem("gender", "candidate.gender.invalid"));
			}
		}
		IdType idType = null;
		if (in.idType().isBlank()) {
			p.add(new FieldProblem("idType", "candidate.required"));
		}
		else {
			idType = IdType.ofLabel(in.idType().strip()).orElse(enumOrNull(IdType.class, in.idType()));
			if (idType == null) {
				p.add(new FieldProblem("idType", "candidate.idType.invalid"));
			}
		}
		String idNumber = idType == null ? in.idNumber().strip() : idType.normalise(in.idNumber());
		if (idNumber.isEmpty()) {
			p.add(new FieldProblem("idNumber", "candidate.required"));
		}
		else if (idType != null) {
			idType.problem(idNumber).ifPresent(key -> p.add(new FieldProblem("idNumber", key, idNumber.length())));
		}
		String phone = in.phone().strip();
		if (phone.isEmpty()) {
			p.add(new FieldProblem("phone", "candidate.required"));
		}
		else if (!PHONE.matcher(phone).matches()) {
			p.add(new FieldProblem("phone", "candidate.phone.pattern"));
		}
		String yearText = in.enrolmentYear().strip();
		int year = 0;
		if (yearText.isEmpty()) {
			p.add(new FieldProblem("enrolmentYear", "candidate.required"));
		}
		else if (!YEAR.matcher(yearText).matches()
				|| (year = Integer.parseInt(yearText)) < FIRST_YEAR || year > currentYear + 1) {
			p.add(new FieldProblem("enrolmentYear", "candidate.year.range", FIRST_YEAR, currentYear + 1));
		}
		String level = in.educationLevel().strip();
		if (level.isEmpty()) {
			p.add(new FieldProblem("educationLevel", "candidate.required"));
		}
		else if (!LEVELS.contains(level)) {
			p.add(new FieldProblem("educationLevel", "candidate.level.invalid", String.join("、", sortedLevels())));
		}
		String major = in.majorName().strip();
		if (major.isEmpty()) {
			p.add(new FieldProblem("majorName", "candidate.required"));
		}
		else if (major.length() > 50) {
			p.add(new FieldProblem("majorName", "candidate.major.size"));
		}
		String code = in.majorCode().strip();
		if (code.isEmpty()) {
			p.add(new FieldProblem("majorCode", "candidate.required"));
		}
		else if (!MAJOR_CODE.matcher(code).matches()) {
			p.add(new FieldProblem("majorCode", "candidate.majorCode.pattern"));
		}
		if (!p.isEmpty()) {
			return new Checked(null, p);
		}
		return new Checked(new Values(name, pinyin, gender, idType, idNumber, phone, year, level, major, code), p);
	}

	static List<String> sortedLevels() {
		return List.of("中职", "高职", "专科", "高职专科", "高职本科", "职业本科", "本科", "研究生");
	}

	private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, String text) {
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static int currentYear(java.time.Clock clock) {
		return Year.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).getValue();
	}
}
