package cn.kaowu.platform.candidate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin of a name as printed on the certificate: surname and given name, each capitalised, one space
 * ({@code 张三丰 → Zhang Sanfeng}). Surnames are read with their surname reading (单 Shan, 曾 Zeng, 解 Xie…, and
 * compound surnames 欧阳, 尉迟, 长孙, 万俟…), other characters with any of their readings (a polyphonic given name
 * is not flagged). Ethnic names written with {@code ·} take the first part as the first word and the rest as the
 * second ({@code 库尔班·热合曼 → Kuerban Rehemani}); since such names are transliterations, a word may end with up
 * to two letters more than the strict pinyin of its part (the platform's own example spells 曼 "mani"). ü is
 * accepted as {@code v}, {@code u} or {@code yu} and suggested as {@code yu} (GB/T 28039).
 */
public final class NamePinyin {

	/** Two capitalised words of letters, one space. */
	public static final Pattern FORMAT = Pattern.compile("[A-Z][a-z]* [A-Z][a-z]*");

	private static final Pattern ETHNIC_DOT = Pattern.compile("[·•・．.]");

	/** Surnames read differently from their most common reading, and compound surnames. */
	static final Map<String, String> SURNAMES = Map.ofEntries(Map.entry("单", "shan"), Map.entry("曾", "zeng"),
			Map.entry("解", "xie"), Map.entry("仇", "qiu"), Map.entry("区", "ou"), Map.entry("查", "zha"),
			Map.entry("朴", "piao"), Map.entry("盖", "ge"), Map.entry("覃", "qin"), Map.entry("翟", "zhai"),
			Map.entry("缪", "miao"), Map.entry("种", "chong"), Map.entry("召", "shao"), Map.entry("员", "yun"),
			Map.entry("秘", "bi"), Map.entry("繁", "po"), Map.entry("乐", "yue"), Map.entry("尉", "yu"),
			Map.entry("折", "she"), Map.entry("句", "gou"), Map.entry("长", "chang"), Map.entry("重", "chong"),
			Map.entry("沈", "shen"), Map.entry("石", "shi"), Map.entry("曲", "qu"), Map.entry("任", "ren"),
			Map.entry("华", "hua"), Map.entry("纪", "ji"), Map.entry("过", "guo"), Map.entry("阚", "kan"),
			Map.entry("尉迟", "yuchi"), Map.entry("长孙", "zhangsun"), Map.entry("万俟", "moqi"),
			Map.entry("欧阳", "ouyang"), Map.entry("司马", "sima"), Map.entry("诸葛", "zhuge"),
			Map.entry("上官", "shangguan"), Map.entry("东方", "dongfang"), Map.entry("皇甫", "huangfu"),
			Map.entry("令狐", "linghu"), Map.entry("慕容", "murong"), Map.entry("公孙", "gongsun"),
			Map.entry("夏侯", "xiahou"), Map.entry("宇文", "yuwen"), Map.entry("司徒", "situ"),
			Map.entry("轩辕", "xuanyuan"), Map.entry("端木", "duanmu"), Map.entry("澹台", "tantai"),
			Map.entry("单于", "chanyu"), Map.entry("呼延", "huyan"), Map.entry("独孤", "dugu"),
			Map.entry("南宫", "nangong"), Map.entry("西门", "ximen"), Map.entry("申屠", "shentu"));

	private static final HanyuPinyinOutputFormat FORMAT_NO_TONE = new HanyuPinyinOutputFormat();

	static {
		FORMAT_NO_TONE.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT_NO_TONE.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT_NO_TONE.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private NamePinyin() {
	}

	/** The suggested spelling, or nothing if the name has characters without pinyin. */
	public static Optional<String> suggest(String name) {
		List<List<List<String>>> words = words(name);
		if (words == null) {
			return Optional.empty();
		}
		List<String> out = new ArrayList<>();
		for (List<List<String>> word : words) {
			StringBuilder w = new StringBuilder();
			for (List<String> readings : word) {
				w.append(readings.get(0).replace("v", "yu"));
			}
			out.add(capitalise(w.toString()));
		}
		return Optional.of(String.join(" ", out));
	}

	/** Whether the spelling (already in {@link #FORMAT}) is a reading of the name. */
	public static boolean matches(String name, String pinyin) {
		List<List<List<String>>> words = words(name);
		if (words == null) {
			// Characters pinyin4j does not know: cannot be judged, so not flagged.
			return true;
		}
		String[] given = pinyin.toLowerCase(Locale.ROOT).split(" ");
		if (given.length != words.size()) {
			return false;
		}
		boolean ethnic = ETHNIC_DOT.matcher(name).find();
		for (int i = 0; i < given.length; i++) {
			if (!segments(words.get(i), 0, given[i], 0, ethnic)) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code text} from {@code pos} is one reading per character from {@code index} on. */
	private static boolean segments(List<List<String>> chars, int index, String text, int pos, boolean ethnic) {
		if (index == chars.size()) {
			return pos == text.length() || (ethnic && text.length() - pos <= 2);
		}
		for (String reading : chars.get(index)) {
			for (String variant : variants(reading)) {
				if (text.startsWith(variant, pos) && segments(chars, index + 1, text, pos + variant.length(), ethnic)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<String> variants(String reading) {
		if (!reading.contains("v")) {
			return Set.of(reading);
		}
		return new LinkedHashSet<>(List.of(reading, reading.replace("v", "u"), reading.replace("v", "yu")));
	}

	/**
	 * The name as two words, each a list of characters, each with its readings; {@code null} if a character has
	 * no reading.
	 */
	private static List<List<List<String>>> words(String name) {
		String n = name.replaceAll("[\\s\\u3000]", "");
		if (n.isEmpty()) {
			return null;
		}
		List<List<List<String>>> words = new ArrayList<>();
		if (ETHNIC_DOT.matcher(n).find()) {
			String[] parts = ETHNIC_DOT.split(n);
			List<List<String>> first = readings(parts[0]);
			List<List<String>> rest = new ArrayList<>();
			for (int i = 1; i < parts.length; i++) {
				List<List<String>> r = readings(parts[i]);
				if (r == null) {
					return null;
				}
				rest.addAll(r);
			}
			if (first == null || first.isEmpty() || rest.isEmpty()) {
				return null;
			}
			words.add(first);
			words.add(rest);
			return words;
		}
		if (n.length() < 2) {
			return null;
		}
		int surnameLength = n.length() > 2 && SURNAMES.containsKey(n.substring(0, 2)) ? 2 : 1;
		String surname = n.substring(0, surnameLength);
		List<List<String>> surnameChars = SURNAMES.containsKey(surname) ? List.of(List.of(SURNAMES.get(surname)))
				: readings(surname);
		List<List<String>> given = readings(n.substring(surnameLength));
		if (surnameChars == null || given == null) {
			return null;
		}
		words.add(surnameChars);
		words.add(given);
		return words;
	}

	private static List<List<String>> readings(String text) {
		List<List<String>> out = new ArrayList<>();
		for (char c : text.toCharArray()) {
			String[] r;
			try {
				r = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT_NO_TONE);
			}
			catch (BadHanyuPinyinOutputFormatCombination e) {
				throw new IllegalStateException(e);
			}
			if (r == null || r.length == 0) {
				return null;
			}
			out.add(List.copyOf(new LinkedHashSet<>(List.of(r))));
		}
		return out;
	}

	private static String capitalise(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}
}
